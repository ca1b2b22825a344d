import Testing

@testable import EventLog

/// Arithmetic modulo L, the base point's order, against Python's integers (`random.seed(8032)`);
/// values as little-endian hex.
@Suite struct Ed25519ScalarTests {
    static let order = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"

    /// 64-byte inputs and their residues: 0, L − 1, L, L + 1, 2^512 − 1, L², 2^256 − 1 and four random.
    @Test(arguments: [
        (
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ecd3f55c1a631258d69cf7a2def9de14000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000",
            "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010"
        ),
        (
            "edd3f55c1a631258d69cf7a2def9de14000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "eed3f55c1a631258d69cf7a2def9de14000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "000f9c44e31106a447938568a71b0ed065bef517d273ecce3d9a307c1b419903"
        ),
        (
            "698912ab85f6ede21da3982276920368bef517d273ecce3d9a307c1b4199b3a17dba9e4b634c02cb9af35ed43bdf9b0200000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000000"
        ),
        (
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000000000000000000000000000000000000000000000000000",
            "1c95988d7431ecd670cf7d73f45befc6feffffffffffffffffffffffffffff0f"
        ),
        (
            "80a98b699cd747801b38a639488d15e55097d8573ab06610d7ba3378cf2453be1906f1151ae597ec59228c8af1db76191abf211f6490709fca9568e7b40e4f5a",
            "98e59cd433c7de9509993b689ecff5209bfc22d4047aad2dde224980494f4002"
        ),
        (
            "fef720749e16796b27a273f19193fb47c43cdea48d36d2704eea3f43d05c0c7f365695e3658fcbe58424d3e20b58d402e202ca2a0bbb9efee0363d694607a178",
            "f83c2c311347aecab155690c22ee9358f5d21fe596f22f0eebfaef077124bb0f"
        ),
        (
            "9c9a0e045aec9f0f6c5aa69a281b38bf24c9443eecb7e26b91a8600294b293b442c0f2fb2591f0b39e38440183ea326e8ac02386e7aef54baac63bac4d479069",
            "59cc46709ce0ab65acfaff9dff4f5ddfa1f890e96c5c34197893f8650650b80c"
        ),
        (
            "98db781ee643ce6fb66113f9a0a78b89543ac5359a68fda35beb25eea765d30ba20c4cb09100554fe8827f3b79a7a1d4a12f1de3d23745d23e27ef8c8869985a",
            "9788fd769bb871ab64e67d5396e5f21f77c78a66b1fac72e8fb81de692a12302"
        ),
    ])
    func wideReduction(wide: String, residue: String) {
        let scalar = bytes(hex: wide).withUnsafeBytes { Ed25519Scalar(reducing: $0) }
        #expect(hexString(scalar.bytes) == residue)
    }

    /// a·b + c modulo L for random a, b, c below L.
    @Test(arguments: [
        (
            "d9664207a7fc06a6628a5f401f9828433bffff13c2065bdb04ebafd31a662b04",
            "cd812fb141ec653ef7cb39fcef4a5fa0e3ae47ad5157b849cef4f5fa0b885b0c",
            "a32f7060f55f331a041f5aad662c480f9e8cc3fecd3d6c1abf64df31afc2580d",
            "f46cbca2db7a79f5f6ac633ae3fb2efeed17e6f19e85668fd58bed662d416908"
        ),
        (
            "ecd48cfc90d8a1d6fc8a8db00a06cbc445d72dba814110110b0c23dcf7956b01",
            "67cf8357f612efeba14161f0b695ca8b105d58f78f568464e55c9d7108162002",
            "8e00cc3f690da6ced6002c92415f68ed3c01df54ae00c4f8ef9d3bf6dbe04e0a",
            "e8cdae10f4dca3b4bcfe56b0f9325e3eb8ad78df935e422877429a97b947e10d"
        ),
        (
            "21d00a1e64bbb4abffda4c9096708bd5156f056d8d8711ad47df2dc06e29dc01",
            "321c301006284467a4f6bf23fddf228d742c8c670838c2f1afeae9a0a3430b03",
            "bbec7e486f267888e4d0ad477c95e5b2706918d5374751cc75520c986b7f2b00",
            "3dfcdb65df21926198244a10705e3d4f1c6123563baa6d7518e50991febb150d"
        ),
        (
            "347d1636992f2882f8bb7e232b2c3644b567367becfe4b66e3d733f295e5270f",
            "51ea74cff754786b03f000eb7a6f70dacdaff6905603d1fca84d3fcb71cf3202",
            "6d3207715942cd0f3d3ec29960aec1cb25e7f006e56e0368095b77235401d109",
            "a96b89a52be2ab9bf3714cadad4bf77fdd272f9d9a95fffdd97a6a4ff9777800"
        ),
    ])
    func multiplyAdd(a: String, b: String, c: String, expected: String) throws {
        let result = Ed25519Scalar.multiplyAdd(try Self.scalar(a), try Self.scalar(b), try Self.scalar(c))
        #expect(hexString(result.bytes) == expected)
    }

    /// S must be below L: L − 1 passes; L, L + 1, 2^253 and 2^256 − 1 do not.
    @Test func canonicalRange() {
        #expect(Self.canonical("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010") != nil)
        #expect(Self.canonical("0000000000000000000000000000000000000000000000000000000000000000") != nil)
        #expect(Self.canonical(Self.order) == nil)
        #expect(Self.canonical("eed3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010") == nil)
        #expect(Self.canonical("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000020") == nil)
        #expect(Self.canonical("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff") == nil)
        // Below L in the top word but above it lower down.
        #expect(Self.canonical("ffffffffffffffffffffffffffffffff00000000000000000000000000000010") == nil)
        #expect(Self.canonical("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0f") != nil)
    }

    /// The digits give back the value (Horner's rule with the scalar arithmetic) and keep their ranges.
    @Test(arguments: 0..<8)
    func digitsRepresentTheValue(seed: Int) throws {
        let s = deterministicBytes("scalar \(seed)", count: 64).withUnsafeBytes { Ed25519Scalar(reducing: $0) }

        let radix16 = s.radix16Digits()
        #expect(radix16.count == 64 && radix16.allSatisfy { (-8...8).contains($0) })
        #expect(try Self.horner(radix16, base: 16) == s)

        for width in [5, 8] {
            let naf = s.nonAdjacentForm(width: width)
            #expect(try Self.horner(naf, base: 2) == s)
            for (i, digit) in naf.enumerated() where digit != 0 {
                #expect(digit % 2 != 0 && abs(Int(digit)) < 1 << (width - 1))
                #expect(naf[(i + 1)..<min(i + width, 256)].allSatisfy { $0 == 0 }, "digit \(i) of width \(width)")
            }
        }
    }

    static func scalar(_ hex: String) throws -> Ed25519Scalar { try #require(canonical(hex)) }

    static func canonical(_ hex: String) -> Ed25519Scalar? {
        bytes(hex: hex).withUnsafeBytes { Ed25519Scalar(canonical: $0) }
    }

    static func small(_ n: Int) throws -> Ed25519Scalar {
        let magnitude = try scalar(hexString((0..<32).map { $0 == 0 ? UInt8(abs(n)) : 0 }))
        let zero = try scalar(String(repeating: "0", count: 64))
        // −m = (L − 1)·m modulo L
        let minusOne = try scalar("ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        return n < 0 ? Ed25519Scalar.multiplyAdd(minusOne, magnitude, zero) : magnitude
    }

    /// Σ digits[i]·base^i modulo L, from the top digit down.
    static func horner(_ digits: [Int8], base: Int) throws -> Ed25519Scalar {
        let b = try small(base)
        var value = try small(0)
        for digit in digits.reversed() { value = Ed25519Scalar.multiplyAdd(value, b, try small(Int(digit))) }
        return value
    }
}
