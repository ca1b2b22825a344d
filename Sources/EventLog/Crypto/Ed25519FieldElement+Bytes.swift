extension Ed25519FieldElement {
    /// The element that 32 little-endian bytes encode, ignoring the top bit (bit 255), where Ed25519
    /// keeps the sign of x. Values from p to 2^255 − 1 are read as they are, not refused: a caller
    /// that must refuse them compares `bytes` of the result with its input.
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count >= 32, "a field element is 32 bytes")
        let w0 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let w1 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let w3 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        self.init(
            w0 & Self.mask, (w0 >> 51 | w1 << 13) & Self.mask, (w1 >> 38 | w2 << 26) & Self.mask,
            (w2 >> 25 | w3 << 39) & Self.mask, (w3 >> 12) & Self.mask)
    }

    /// The same value with limbs below 2^51 and the value below p: the one form two equal elements share.
    var canonical: Ed25519FieldElement {
        let c = Self.carried(l0, l1, l2, l3, l4)  // limbs below 2^52, so the value is below 2p
        // q = 1 exactly when the value is p or more: then adding 19 carries out of bit 255.
        var q = (c.l0 &+ 19) >> 51
        q = (c.l1 &+ q) >> 51
        q = (c.l2 &+ q) >> 51
        q = (c.l3 &+ q) >> 51
        q = (c.l4 &+ q) >> 51
        // Subtract q·p: add 19q, carry, and drop the bit 255 that then appears.
        var r0 = c.l0 &+ 19 &* q
        var r1 = c.l1 &+ (r0 >> 51)
        r0 &= Self.mask
        var r2 = c.l2 &+ (r1 >> 51)
        r1 &= Self.mask
        var r3 = c.l3 &+ (r2 >> 51)
        r2 &= Self.mask
        let r4 = (c.l4 &+ (r3 >> 51)) & Self.mask
        r3 &= Self.mask
        return Ed25519FieldElement(r0, r1, r2, r3, r4)
    }

    /// Writes the canonical value as 32 little-endian bytes (bit 255 clear) to `out`.
    func write(to out: UnsafeMutableRawPointer) {
        let c = canonical
        out.storeBytes(of: (c.l0 | c.l1 << 51).littleEndian, toByteOffset: 0, as: UInt64.self)
        out.storeBytes(of: (c.l1 >> 13 | c.l2 << 38).littleEndian, toByteOffset: 8, as: UInt64.self)
        out.storeBytes(of: (c.l2 >> 26 | c.l3 << 25).littleEndian, toByteOffset: 16, as: UInt64.self)
        out.storeBytes(of: (c.l3 >> 39 | c.l4 << 12).littleEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The canonical value as 32 little-endian bytes.
    var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            write(to: UnsafeMutableRawPointer(buffer.baseAddress!))
            count = 32
        }
    }

    var isZero: Bool {
        let c = canonical
        return (c.l0 | c.l1 | c.l2 | c.l3 | c.l4) == 0
    }

    /// Whether the canonical value is odd: RFC 8032 calls such an x "negative" and sets bit 255 for it.
    var isNegative: Bool { canonical.l0 & 1 == 1 }

    /// `other` where `mask` is all ones, `self` where it is zero, without a branch.
    @inline(__always)
    func selecting(_ other: Ed25519FieldElement, where mask: UInt64) -> Ed25519FieldElement {
        Ed25519FieldElement(
            l0 ^ (mask & (l0 ^ other.l0)), l1 ^ (mask & (l1 ^ other.l1)), l2 ^ (mask & (l2 ^ other.l2)),
            l3 ^ (mask & (l3 ^ other.l3)), l4 ^ (mask & (l4 ^ other.l4)))
    }
}

extension Ed25519FieldElement: Equatable {
    /// Equal values, whatever their limbs: compares the canonical forms.
    static func == (a: Ed25519FieldElement, b: Ed25519FieldElement) -> Bool {
        let x = a.canonical, y = b.canonical
        return ((x.l0 ^ y.l0) | (x.l1 ^ y.l1) | (x.l2 ^ y.l2) | (x.l3 ^ y.l3) | (x.l4 ^ y.l4)) == 0
    }
}
