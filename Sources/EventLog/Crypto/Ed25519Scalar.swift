/// An integer modulo L = 2^252 + 27742317777372353535851937790883648493, the order of Ed25519's
/// base point: the secret scalar, the nonce, the challenge hash and S are all read modulo L.
///
/// Five limbs of 52 bits; always fully reduced (below L). Products are reduced with Montgomery's
/// method in radix 2^260 (as curve25519-dalek does): no operation branches on the values.
struct Ed25519Scalar: Sendable, Equatable {
    var l0, l1, l2, l3, l4: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        (self.l0, self.l1, self.l2, self.l3, self.l4) = (l0, l1, l2, l3, l4)
    }

    static let mask: UInt64 = (1 << 52) - 1

    // The constants were computed with Python's integers from their definitions.
    /// L in 52-bit limbs (the fourth is zero).
    static let order = Ed25519Scalar(0x2631a5cf5d3ed, 0xdea2f79cd6581, 0x000000014def9, 0, 0x0100000000000)
    /// L in 64-bit words, least significant first, for the range check of S.
    static let orderWords: [UInt64] = [0x5812631a5cf5d3ed, 0x14def9dea2f79cd6, 0, 0x1000000000000000]
    /// −1/L modulo 2^52.
    static let montgomeryFactor: UInt64 = 0x51da312547e1b
    /// R = 2^260 mod L and R² mod L.
    static let r = Ed25519Scalar(0xf48bd6721e6ed, 0x3bab5ac67e45a, 0xfffffeb35e51b, 0xfffffffffffff, 0x00fffffffffff)
    static let rSquared = Ed25519Scalar(
        0x9d265e952d13b, 0xd63c715bea69f, 0x5be65cb687604, 0x3dceec73d217f, 0x009411b7c309a)

    /// The scalar that 32 little-endian bytes encode, or nil if they encode L or more: RFC 8032
    /// §5.1.7 refuses a signature whose S is not below L. Variable time (S is public).
    init?(canonical bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 32, "a scalar is encoded in 32 bytes")
        let w = (0..<4).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        for i in (0..<4).reversed() where w[i] != Self.orderWords[i] {
            guard w[i] < Self.orderWords[i] else { return nil }
            self.init(words: w)
            return
        }
        return nil  // equal to L
    }

    /// The residue modulo L of a 64-byte little-endian number (a SHA-512 digest, RFC 8032 §5.1.6/7).
    init(reducing wide: UnsafeRawBufferPointer) {
        precondition(wide.count == 64, "a wide scalar is 64 bytes")
        let w = (0..<8).map { UInt64(littleEndian: wide.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        let m = Self.mask
        // wide = low + high·2^260, with low below 2^260 and high below 2^252.
        let low = Ed25519Scalar(
            w[0] & m, (w[0] >> 52 | w[1] << 12) & m, (w[1] >> 40 | w[2] << 24) & m, (w[2] >> 28 | w[3] << 36) & m,
            (w[3] >> 16 | w[4] << 48) & m)
        let high = Ed25519Scalar(
            (w[4] >> 4) & m, (w[4] >> 56 | w[5] << 8) & m, (w[5] >> 44 | w[6] << 20) & m, (w[6] >> 32 | w[7] << 32) & m,
            w[7] >> 20)
        // low·R / R = low and high·R² / R = high·2^260, both modulo L.
        self = Self.montgomeryProduct(low, Self.r).adding(Self.montgomeryProduct(high, Self.rSquared))
    }

    /// The residue modulo L of 32 little-endian bytes of any value (the clamped secret scalar).
    init(reducing32 bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 32, "a scalar is encoded in 32 bytes")
        var wide = [UInt8](repeating: 0, count: 64)
        wide.withUnsafeMutableBytes { $0.copyMemory(from: bytes) }
        self = wide.withUnsafeBytes { Ed25519Scalar(reducing: $0) }
    }

    /// Four 64-bit words, least significant first, of a value below 2^256 taken as it is.
    private init(words w: [UInt64]) {
        let m = Self.mask
        self.init(
            w[0] & m, (w[0] >> 52 | w[1] << 12) & m, (w[1] >> 40 | w[2] << 24) & m, (w[2] >> 28 | w[3] << 36) & m,
            w[3] >> 16)
    }

    /// The value as four 64-bit words, least significant first.
    var words: [UInt64] {
        [l0 | l1 << 52, l1 >> 12 | l2 << 40, l2 >> 24 | l3 << 28, l3 >> 36 | l4 << 16]
    }

    /// The value as 32 little-endian bytes.
    var bytes: [UInt8] {
        words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) } }
    }

    /// a·b + c modulo L: S = r + k·s of RFC 8032 §5.1.6.
    static func multiplyAdd(_ a: Ed25519Scalar, _ b: Ed25519Scalar, _ c: Ed25519Scalar) -> Ed25519Scalar {
        // (a·b / R)·R² / R = a·b.
        montgomeryProduct(montgomeryProduct(a, b), rSquared).adding(c)
    }

    /// self + other modulo L, both below L.
    func adding(_ other: Ed25519Scalar) -> Ed25519Scalar {
        let m = Self.mask
        let s0 = l0 &+ other.l0
        let s1 = l1 &+ other.l1 &+ (s0 >> 52)
        let s2 = l2 &+ other.l2 &+ (s1 >> 52)
        let s3 = l3 &+ other.l3 &+ (s2 >> 52)
        let s4 = l4 &+ other.l4 &+ (s3 >> 52)
        return Ed25519Scalar(s0 & m, s1 & m, s2 & m, s3 & m, s4).reducedOnce()
    }

    /// self − L if self is L or more, else self: for values below 2L with limbs below 2^52.
    private func reducedOnce() -> Ed25519Scalar {
        let m = Self.mask, order = Self.order
        // self − L; the top bit of each word says whether it borrowed.
        let d0 = l0 &- order.l0
        let d1 = l1 &- (order.l1 &+ (d0 >> 63))
        let d2 = l2 &- (order.l2 &+ (d1 >> 63))
        let d3 = l3 &- (order.l3 &+ (d2 >> 63))
        let d4 = l4 &- (order.l4 &+ (d3 >> 63))
        // Add L back where the difference went below zero: all ones then, else zero.
        let back = 0 &- (d4 >> 63)
        let s0 = (d0 & m) &+ (order.l0 & back)
        let s1 = (d1 & m) &+ (order.l1 & back) &+ (s0 >> 52)
        let s2 = (d2 & m) &+ (order.l2 & back) &+ (s1 >> 52)
        let s3 = (d3 & m) &+ (order.l3 & back) &+ (s2 >> 52)
        let s4 = (d4 & m) &+ (order.l4 & back) &+ (s3 >> 52)
        return Ed25519Scalar(s0 & m, s1 & m, s2 & m, s3 & m, s4 & m)
    }

    /// a·b / 2^260 modulo L, for a·b below 2^260·L; the result is below L.
    static func montgomeryProduct(_ a: Ed25519Scalar, _ b: Ed25519Scalar) -> Ed25519Scalar {
        let z0 = m(a.l0, b.l0)
        let z1 = m(a.l0, b.l1) + m(a.l1, b.l0)
        let z2 = m(a.l0, b.l2) + m(a.l1, b.l1) + m(a.l2, b.l0)
        let z3 = m(a.l0, b.l3) + m(a.l1, b.l2) + m(a.l2, b.l1) + m(a.l3, b.l0)
        let z4 = m(a.l0, b.l4) + m(a.l1, b.l3) + m(a.l2, b.l2) + m(a.l3, b.l1) + m(a.l4, b.l0)
        let z5 = m(a.l1, b.l4) + m(a.l2, b.l3) + m(a.l3, b.l2) + m(a.l4, b.l1)
        let z6 = m(a.l2, b.l4) + m(a.l3, b.l3) + m(a.l4, b.l2)
        let z7 = m(a.l3, b.l4) + m(a.l4, b.l3)
        let z8 = m(a.l4, b.l4)

        // Add n·L with n chosen limb by limb so that the low five limbs become zero, then drop them
        // (divide by 2^260). L's fourth limb is zero, so its products are left out.
        let order = Self.order
        func low(_ sum: DoubleWidth) -> (carry: UInt64, n: UInt64) {
            let n = (sum.low &* montgomeryFactor) & Self.mask
            return ((sum + m(n, order.l0)).shiftedDown(52), n)
        }
        func high(_ sum: DoubleWidth) -> (carry: UInt64, limb: UInt64) {
            (sum.shiftedDown(52), sum.low & Self.mask)
        }
        let (c0, n0) = low(z0)
        let (c1, n1) = low(z1 + c0 + m(n0, order.l1))
        let (c2, n2) = low(z2 + c1 + m(n0, order.l2) + m(n1, order.l1))
        let (c3, n3) = low(z3 + c2 + m(n1, order.l2) + m(n2, order.l1))
        let (c4, n4) = low(z4 + c3 + m(n0, order.l4) + m(n2, order.l2) + m(n3, order.l1))
        let (c5, r0) = high(z5 + c4 + m(n1, order.l4) + m(n3, order.l2) + m(n4, order.l1))
        let (c6, r1) = high(z6 + c5 + m(n2, order.l4) + m(n4, order.l2))
        let (c7, r2) = high(z7 + c6 + m(n3, order.l4))
        let (r4, r3) = high(z8 + c7 + m(n4, order.l4))
        return Ed25519Scalar(r0, r1, r2, r3, r4).reducedOnce()
    }
}

@inline(__always)
private func m(_ a: UInt64, _ b: UInt64) -> DoubleWidth { DoubleWidth(a, times: b) }
