extension Ed25519Point {
    /// Why 32 bytes are not the encoding of a point (RFC 8032 §5.1.3).
    enum DecodingFailure: Error, Equatable, CustomStringConvertible {
        /// y, the low 255 bits, is p or more: every point has one encoding and this is not it.
        case yNotBelowP
        /// No x satisfies the curve equation for this y.
        case notOnCurve
        /// x is 0 but the sign bit says negative: −0 is not a canonical encoding.
        case negativeZero

        var description: String {
            switch self {
            case .yNotBelowP: "its y coordinate is not below 2^255 − 19"
            case .notOnCurve: "no point of the curve has its y coordinate"
            case .negativeZero: "x is 0 yet its sign bit is set"
            }
        }
    }

    /// Decodes a point as RFC 8032 §5.1.3 says, with every check it asks for: refuses a y of p or
    /// more, a y with no x on the curve, and x = 0 with the sign bit set. Variable time (for
    /// public keys only). `bytes` must hold 32 bytes.
    init(decoding bytes: UnsafeRawBufferPointer) throws(DecodingFailure) {
        precondition(bytes.count == 32, "a point is encoded in 32 bytes")
        let y = Ed25519FieldElement(bytes: bytes)
        let signBit = bytes[31] >> 7
        var reencoded = y.bytes
        reencoded[31] |= signBit << 7
        guard reencoded.elementsEqual(bytes) else { throw .yNotBelowP }

        // x² = (y² − 1) / (d·y² + 1) = u / v; the candidate root is u·v³·(u·v⁷)^((p − 5) / 8).
        let yy = y.squared()
        let u = yy - .one
        let v = yy * .d + .one
        let v3 = v.squared() * v
        var x = u * v3 * (u * v3.squared() * v).powerPMinus5Over8()
        let vxx = v * x.squared()
        if vxx == u {
            // x is a root
        } else if vxx == -u {
            x = x * .sqrtMinusOne
        } else {
            throw .notOnCurve
        }
        if x.isZero && signBit == 1 { throw .negativeZero }
        if x.isNegative != (signBit == 1) { x = -x }
        self.init(x: x, y: y, z: .one, t: x * y)
    }

    /// The 32-byte encoding of RFC 8032 §5.1.2: y little-endian, the low bit of x in bit 255.
    var encoded: [UInt8] { projective.encoded }
}

extension Ed25519Point.Projective {
    /// The 32-byte encoding of RFC 8032 §5.1.2; costs an inversion. No branch on the point.
    var encoded: [UInt8] {
        let zInverse = z.inverse()
        var bytes = (y * zInverse).bytes
        bytes[31] |= UInt8(truncatingIfNeeded: (x * zInverse).canonical.l0 & 1) << 7
        return bytes
    }
}
