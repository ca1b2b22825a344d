import Testing

@testable import EventLog

/// Arithmetic modulo p = 2^255 − 19 against Python's integers: the expected values were computed with
/// `pow` and `%` on random elements (`random.seed(8032)`), written here as 32 little-endian bytes in hex.
@Suite struct Ed25519FieldElementTests {
    struct Case: Sendable {
        let a, b, product, difference, square, inverse, powerPMinus5Over8: String
    }

    static let cases = [
        Case(
            a: "490b1f2afcecee04549fa0850bdacb3c8aece0676d94ec6259e3ee972587417a",
            b: "8e6fc699fbbee260be0cfbaf81fe2c08f5cea89ee2a64860e58a5a6d782f991f",
            product: "46857a2bc49d9a4a44061102285d508d9056c27358cd3c4b8e00c2f493e53a0d",
            difference: "bb9b5890002e0ca49592a5d589db9e34951d38c98aeda3027458942aad57a85a",
            square: "511cd945cc6f60da53c73da183f82233e47bbd084f4f4d602b17fa933d762711",
            inverse: "fe77085581b478ff1664be0802975caf2d3e6e6b5dc3c58cb87d263e2dcd525a",
            powerPMinus5Over8: "4ad2347ca97ef9be89b61d0485603e3cf71632f0a0b9d8065fcfe695abaf2e7b"),
        Case(
            a: "4aab755e987ff2baca108aede7c7c389d4f30b583f2b62ee4ef92104955d2708",
            b: "8b220508b74eba5135f1c5e42c9e8910feb256f3ec566ef5f4429f752dcad574",
            product: "455bbe5526560f1117125a93a792ac1e2407261371eedb751409c61a6c2e322b",
            difference: "ac887056e1303869951fc408bb293a79d640b56452d4f3f859b6828e67935113",
            square: "aea60178c0c72506c594588dd5e3e9709ec2e744d7f944091b99c6a764fe9f7d",
            inverse: "0ed2776f5973252f610f775bf355e1eaf858c0b1decded55b973a7cb426bb152",
            powerPMinus5Over8: "e238b9f6349d8e7ce30d890f72fd231baf391908e05f3f1c333e529dca595b36"),
        Case(
            a: "d2b1ecb443bf3c69cb6c7d3efb77b88449f4a95506186e6dd23bfe48636ba75a",
            b: "717f697f2aa1c09fc151af5afc684c165da1c20bab23cd9d154a6d111afd880f",
            product: "3bebf0a41a001e9e389e34545f7281e8f0867d97690f82ea1a826f8223742e35",
            difference: "61328335191e7cc9091bcee3fe0e6c6eec52e7495bf4a0cfbcf19037496e1e4b",
            square: "0d72b779b57099e95792ff3bb53dd78ef41b86db2679a4b02846a40dbc0d2d04",
            inverse: "100440145f3a4136d3c45a2b4ae5b736bbd752afc23e5b9c085afc821f58a152",
            powerPMinus5Over8: "e849b595634b87685192dbb5c46b06e5fe47b71a1ab1f606431312c1eeff4329"),
        Case(
            a: "197442e1850fe892c70a1b2c76e005132b116afb0a874e4796d933ac7e715c3b",
            b: "75264280344c228fd24e5060afd01ecd4fcf522c46d8853d5c864584d5244e73",
            product: "02063a4421416e2447ed2c0fe9e0a0bcf30f31875e950f8ab7fa1927012cb422",
            difference: "914d006151c3c503f5bbcacbc60fe745db4117cfc4aec8093a53ee27a94c0e48",
            square: "919300ed5dbb9f80d7a39beb497a130a64c0a066c1a18a08cbcf8a3f69d15c19",
            inverse: "2599cb6a585592549724423a88699cc8b3606547aaf4d6a10fd4d84734d22831",
            powerPMinus5Over8: "23aa6c0822b46b0d6a1c1afb4c0ea275dd63dbc1a8e09c16612629e12ef5c370"),
    ]

    static func element(_ hex: String) -> Ed25519FieldElement {
        bytes(hex: hex).withUnsafeBytes { Ed25519FieldElement(bytes: $0) }
    }

    @Test(arguments: cases)
    func arithmeticMatchesPython(c: Case) {
        let a = Self.element(c.a), b = Self.element(c.b)
        #expect(hexString((a * b).bytes) == c.product)
        #expect(hexString((a - b).bytes) == c.difference)
        #expect(hexString(a.squared().bytes) == c.square)
        #expect(hexString((a * a).bytes) == c.square)
        #expect(hexString(a.inverse().bytes) == c.inverse)
        #expect(hexString(a.powerPMinus5Over8().bytes) == c.powerPMinus5Over8)
        #expect(a * a.inverse() == .one)
        #expect((a + b) - b == a)
        #expect(-(-a) == a)
    }

    /// Limbs at the bound `*` and `squared()` accept (2^54 − 1 each): no sum may overflow its words.
    /// Expected x² and x³ from Python.
    @Test func limbsAtTheBound() {
        let top: UInt64 = (1 << 54) - 1
        let x = Ed25519FieldElement(top, top, top, top, top)
        #expect(hexString(x.squared().bytes) == "9d670000000058990000000040ee03000000008e1800000000508d0000000000")
        #expect(hexString((x * x).bytes) == "9d670000000058990000000040ee03000000008e1800000000508d0000000000")
        #expect(hexString((x * x * x).bytes) == "9b355a00000088320a010000c048e605000000223c1f000000b0519500000000")
    }

    /// Encodings of p and above (up to 2^255 − 1) read as their residue; bit 255 is ignored.
    @Test(arguments: [
        (
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0100000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "1200000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
        ),
        (
            "0100000000000000000000000000000000000000000000000000000000000080",
            "0100000000000000000000000000000000000000000000000000000000000000"
        ),
    ])
    func nonCanonicalEncodingsReduce(input: String, canonical: String) {
        #expect(hexString(Self.element(input).bytes) == canonical)
    }

    @Test func constants() {
        #expect(Ed25519FieldElement.sqrtMinusOne.squared() == -Ed25519FieldElement.one)
        #expect(Ed25519FieldElement.d + Ed25519FieldElement.d == Ed25519FieldElement.twoD)
        // d · 121666 = −121665
        let n121666 = Ed25519FieldElement(121_666, 0, 0, 0, 0), n121665 = Ed25519FieldElement(121_665, 0, 0, 0, 0)
        #expect(Ed25519FieldElement.d * n121666 == -n121665)
        #expect(Ed25519FieldElement.zero.inverse() == .zero)
        #expect(Ed25519FieldElement.zero.isZero && !Ed25519FieldElement.one.isZero)
        #expect(Ed25519FieldElement.one.isNegative && !(-Ed25519FieldElement.one).isNegative)
    }

    @Test func selectingUsesTheMask() {
        let a = Self.element(Self.cases[0].a), b = Self.element(Self.cases[0].b)
        #expect(a.selecting(b, where: 0) == a)
        #expect(a.selecting(b, where: ~0) == b)
    }
}
