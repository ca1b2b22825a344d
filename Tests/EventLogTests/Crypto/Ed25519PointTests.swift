import Testing

@testable import EventLog

@Suite struct Ed25519PointTests {
    static func scalar(_ label: String) -> Ed25519Scalar {
        deterministicBytes(label, count: 64).withUnsafeBytes { Ed25519Scalar(reducing: $0) }
    }

    static func decode(_ hex: String) -> Result<Ed25519Point, Ed25519Point.DecodingFailure> {
        bytes(hex: hex).withUnsafeBytes { raw in
            Result { () throws(Ed25519Point.DecodingFailure) in try Ed25519Point(decoding: raw) }
        }
    }

    /// B encodes as y = 4/5 with x positive: 0x5866…66 (RFC 8032 §5.1).
    @Test func baseEncoding() {
        let base = "5866666666666666666666666666666666666666666666666666666666666666"
        let identity = "0100000000000000000000000000000000000000000000000000000000000000"
        #expect(hexString(Ed25519Point.base.encoded) == base)
        #expect(hexString(Ed25519Point.identity.encoded) == identity)
    }

    /// The two multiplications agree with each other and with the scalar arithmetic:
    /// [a]([x]B) + [b]B = [a·x + b]B.
    @Test(arguments: 0..<12)
    func doubleMultipleAgreesWithBaseMultiple(seed: Int) {
        let a = Self.scalar("a \(seed)"), x = Self.scalar("x \(seed)"), b = Self.scalar("b \(seed)")
        let p = Ed25519Point.baseMultiple(x)
        let combined = p.doubleMultiple(a, plusBase: b).encoded
        #expect(combined == Ed25519Point.baseMultiple(Ed25519Scalar.multiplyAdd(a, x, b)).encoded)
    }

    /// Doubling, adding and subtracting agree: 2P − P = P, P + (−P) = 0.
    @Test func additionLaws() {
        let p = Ed25519Point.baseMultiple(Self.scalar("p"))
        let q = Ed25519Point.baseMultiple(Self.scalar("q"))
        #expect(p.doubled().extended.subtracting(p.cached).extended.encoded == p.encoded)
        #expect((p + p).encoded == p.doubled().extended.encoded)
        #expect(p.adding(p.negated.cached).extended.encoded == Ed25519Point.identity.encoded)
        #expect((p + q).encoded == (q + p).encoded)
        #expect(p.adding(q.affineCached).extended.encoded == (p + q).encoded)
        #expect(p.subtracting(q.affineCached).extended.encoded == (p + q.negated).encoded)
        #expect((p + Ed25519Point.identity).encoded == p.encoded)
    }

    @Test(arguments: 0..<8)
    func encodingRoundTrips(seed: Int) throws {
        let p = Ed25519Point.baseMultiple(Self.scalar("round trip \(seed)"))
        let decoded = try Self.decode(hexString(p.encoded)).get()
        #expect(decoded.encoded == p.encoded)
        #expect(try Self.decode(hexString(p.negated.encoded)).get().encoded == p.negated.encoded)
    }

    /// RFC 8032 §5.1.3's refusals.
    @Test(arguments: [
        // y = p, a non-canonical 0 (and p + 1, a non-canonical 1, which would be the identity).
        ("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", Ed25519Point.DecodingFailure.yNotBelowP),
        ("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", .yNotBelowP),
        ("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", .yNotBelowP),
        // y = 2: (y² − 1)/(d·y² + 1) is not a square.
        ("0200000000000000000000000000000000000000000000000000000000000000", .notOnCurve),
        // y = 1 gives x = 0; with the sign bit set that is "−0".
        ("0100000000000000000000000000000000000000000000000000000000000080", .negativeZero),
        // y = −1 (the point of order 2) likewise.
        ("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", .negativeZero),
    ])
    func decodingRefuses(hex: String, failure: Ed25519Point.DecodingFailure) {
        #expect(throws: failure) { try Self.decode(hex).get() }
    }

    /// The points of small order that do decode (y = 1, y = −1, y = 0 with either sign) decode.
    @Test(arguments: [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
    ])
    func smallOrderPointsDecode(hex: String) throws {
        #expect(hexString(try Self.decode(hex).get().encoded) == hex)
    }

    /// The tables hold what they say: entry j of row i is (j + 1)·256^i·B; odd multiple i is (2i + 1)·B.
    @Test func baseTables() {
        let table = Ed25519BaseTable.radix16
        #expect(table.count == 256 && Ed25519BaseTable.oddMultiples.count == 64)
        let b3 = Ed25519Point.base + Ed25519Point.base + Ed25519Point.base
        #expect(Ed25519Point.identity.adding(Ed25519BaseTable.oddMultiples[1]).extended.encoded == b3.encoded)
        #expect(Ed25519Point.identity.adding(table[2]).extended.encoded == b3.encoded)
        var b256 = Ed25519Point.base
        for _ in 0..<8 { b256 = b256.doubled().extended }
        #expect(Ed25519Point.identity.adding(table[8]).extended.encoded == b256.encoded)
    }
}
