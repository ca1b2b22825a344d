/// An integer modulo p = 2^255 − 19, the field that Ed25519's curve is defined over.
///
/// Five limbs of 51 bits (radix 2^51): the value is l0 + l1·2^51 + l2·2^102 + l3·2^153 + l4·2^204.
/// Limbs may run past 51 bits between operations; the value is brought to its canonical form only to
/// be encoded or compared (`Ed25519FieldElement+Bytes.swift`). The bounds that keep every sum inside
/// its words: `*` and `squared()` take limbs below 2^54 and return limbs below 2^52; `-` takes limbs
/// below 2^55 and returns limbs below 2^52; `+` does not reduce, so it may add two results of the
/// others (below 2^53) and hand the sum to `*`, but its result must not be added to again.
///
/// No operation branches on or indexes by the values, so their time does not depend on them (as far
/// as the optimizer keeps the code as written: Swift makes no promise about that).
struct Ed25519FieldElement: Sendable {
    var l0, l1, l2, l3, l4: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        (self.l0, self.l1, self.l2, self.l3, self.l4) = (l0, l1, l2, l3, l4)
    }

    static let mask: UInt64 = (1 << 51) - 1

    // The constants' limbs were computed with Python's integers from their definitions.
    static let zero = Ed25519FieldElement(0, 0, 0, 0, 0)
    static let one = Ed25519FieldElement(1, 0, 0, 0, 0)
    /// d = −121665 / 121666, the curve constant of −x² + y² = 1 + d·x²·y².
    static let d = Ed25519FieldElement(
        0x34dca135978a3, 0x1a8283b156ebd, 0x5e7a26001c029, 0x739c663a03cbb, 0x52036cee2b6ff)
    static let twoD = Ed25519FieldElement(
        0x69b9426b2f159, 0x35050762add7a, 0x3cf44c0038052, 0x6738cc7407977, 0x2406d9dc56dff)
    /// 2^((p − 1) / 4), a square root of −1.
    static let sqrtMinusOne = Ed25519FieldElement(
        0x61b274a0ea0b0, 0x0d5a5fc8f189d, 0x7ef5e9cbd0c60, 0x78595a6804c9e, 0x2b8324804fc1d)

    @inline(__always)
    static func + (a: Ed25519FieldElement, b: Ed25519FieldElement) -> Ed25519FieldElement {
        Ed25519FieldElement(a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4)
    }

    /// a − b, computed as a + 16p − b so that no limb goes below zero, then carried.
    @inline(__always)
    static func - (a: Ed25519FieldElement, b: Ed25519FieldElement) -> Ed25519FieldElement {
        carried(
            a.l0 &+ 0x7f_ffff_ffff_fed0 &- b.l0, a.l1 &+ 0x7f_ffff_ffff_fff0 &- b.l1,
            a.l2 &+ 0x7f_ffff_ffff_fff0 &- b.l2, a.l3 &+ 0x7f_ffff_ffff_fff0 &- b.l3,
            a.l4 &+ 0x7f_ffff_ffff_fff0 &- b.l4)
    }

    @inline(__always)
    static prefix func - (a: Ed25519FieldElement) -> Ed25519FieldElement { zero - a }

    /// Schoolbook product; the limbs that land at 2^255 and above come back multiplied by 19
    /// (2^255 ≡ 19 mod p), folded in before the sums rather than after.
    @inline(__always)
    static func * (a: Ed25519FieldElement, b: Ed25519FieldElement) -> Ed25519FieldElement {
        let b1 = b.l1 &* 19, b2 = b.l2 &* 19, b3 = b.l3 &* 19, b4 = b.l4 &* 19
        let c0 = m(a.l0, b.l0) + m(a.l1, b4) + m(a.l2, b3) + m(a.l3, b2) + m(a.l4, b1)
        let c1 = m(a.l0, b.l1) + m(a.l1, b.l0) + m(a.l2, b4) + m(a.l3, b3) + m(a.l4, b2)
        let c2 = m(a.l0, b.l2) + m(a.l1, b.l1) + m(a.l2, b.l0) + m(a.l3, b4) + m(a.l4, b3)
        let c3 = m(a.l0, b.l3) + m(a.l1, b.l2) + m(a.l2, b.l1) + m(a.l3, b.l0) + m(a.l4, b4)
        let c4 = m(a.l0, b.l4) + m(a.l1, b.l3) + m(a.l2, b.l2) + m(a.l3, b.l1) + m(a.l4, b.l0)
        return carried(c0, c1, c2, c3, c4)
    }

    /// self · self with the symmetric products computed once: 15 multiplications instead of 25.
    @inline(__always)
    func squared() -> Ed25519FieldElement {
        let d0 = l0 &* 2, d1 = l1 &* 2, d2 = l2 &* 2, d3 = l3 &* 2
        let l3x19 = l3 &* 19, l4x19 = l4 &* 19
        let c0 = m(l0, l0) + m(d1, l4x19) + m(d2, l3x19)
        let c1 = m(d0, l1) + m(d2, l4x19) + m(l3, l3x19)
        let c2 = m(d0, l2) + m(l1, l1) + m(d3, l4x19)
        let c3 = m(d0, l3) + m(d1, l2) + m(l4, l4x19)
        let c4 = m(d0, l4) + m(d1, l3) + m(l2, l2)
        return Self.carried(c0, c1, c2, c3, c4)
    }

    /// self squared n times in a row (n ≥ 1).
    func squared(times n: Int) -> Ed25519FieldElement {
        var x = squared()
        for _ in 1..<n { x = x.squared() }
        return x
    }

    /// The five column sums of a product (each below 2^115) carried into 51-bit limbs; the carry
    /// out of the top limb comes back into the bottom one times 19.
    @inline(__always)
    private static func carried(
        _ c0: DoubleWidth, _ c1: DoubleWidth, _ c2: DoubleWidth, _ c3: DoubleWidth, _ c4: DoubleWidth
    ) -> Ed25519FieldElement {
        let c1 = c1 + c0.shiftedDown(51)
        let c2 = c2 + c1.shiftedDown(51)
        let c3 = c3 + c2.shiftedDown(51)
        let c4 = c4 + c3.shiftedDown(51)
        var r0 = (c0.low & mask) &+ c4.shiftedDown(51) &* 19
        let r1 = (c1.low & mask) &+ (r0 >> 51)
        r0 &= mask
        return Ed25519FieldElement(r0, r1, c2.low & mask, c3.low & mask, c4.low & mask)
    }

    /// Limbs of up to 64 bits carried once, all in parallel, to below 2^52.
    @inline(__always)
    static func carried(
        _ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64
    ) -> Ed25519FieldElement {
        Ed25519FieldElement(
            (l0 & mask) &+ (l4 >> 51) &* 19, (l1 & mask) &+ (l0 >> 51), (l2 & mask) &+ (l1 >> 51),
            (l3 & mask) &+ (l2 >> 51), (l4 & mask) &+ (l3 >> 51))
    }
}

@inline(__always)
private func m(_ a: UInt64, _ b: UInt64) -> DoubleWidth { DoubleWidth(a, times: b) }
