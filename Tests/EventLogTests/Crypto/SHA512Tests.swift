import Testing

@testable import EventLog

@Suite struct SHA512Tests {
    /// FIPS 180-4 example messages (NIST's "SHA512.pdf" examples: one block, two blocks) and the empty string.
    @Test(arguments: [
        (
            "abc",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        ),
        (
            "",
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"
        ),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445"
        ),
    ])
    func nistExamples(message: String, digest: String) {
        #expect(SHA512.hash(Array(message.utf8)).hex == digest)
    }

    @Test func oneMillionA() {
        #expect(
            SHA512.hash([UInt8](repeating: 0x61, count: 1_000_000)).hex
                == "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        )
    }

    /// Lengths at the padding boundaries: 111 fits one block with its 16-byte length, 112 needs a
    /// second, 127/128/129 straddle a whole block, 239/240 the same a block later. Expected digests
    /// of that many 'a's from Python's hashlib: `hashlib.sha512(b'a' * n).hexdigest()`.
    @Test(arguments: [
        (
            111,
            "fa9121c7b32b9e01733d034cfc78cbf67f926c7ed83e82200ef86818196921760b4beff48404df811b953828274461673c68d04e297b0eb7b2b4d60fc6b566a2"
        ),
        (
            112,
            "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca"
        ),
        (
            113,
            "55ddd8ac210a6e18ba1ee055af84c966e0dbff091c43580ae1be703bdb85da31acf6948cf5bd90c55a20e5450f22fb89bd8d0085e39f85a86cc46abbca75e24d"
        ),
        (
            127,
            "828613968b501dc00a97e08c73b118aa8876c26b8aac93df128502ab360f91bab50a51e088769a5c1eff4782ace147dce3642554199876374291f5d921629502"
        ),
        (
            128,
            "b73d1929aa615934e61a871596b3f3b33359f42b8175602e89f7e06e5f658a243667807ed300314b95cacdd579f3e33abdfbe351909519a846d465c59582f321"
        ),
        (
            129,
            "4f681e0bd53cda4b5a2041cc8a06f2eabde44fb16c951fbd5b87702f07aeab611565b19c47fde30587177ebb852e3971bbd8d3fd30da18d71037dfbd98420429"
        ),
        (
            239,
            "52c853cb8d907f3d4d6b889beb027985d7c273486d75f8baf26f80d24e90c74c6c3de3e22131582380a7d14d43f2941a31385439cd6ddc469f628015e50bf286"
        ),
        (
            240,
            "4c296d90c61052a62ffb1dd196f1b7b09373b1f93e71836baebf89690546b7595684dbe9467a8e484fa0d1094272b4344a7c24f5fee8daedeb0bf549c985ab5f"
        ),
        (
            256,
            "6a9169eb662f136d87374070e8828b3e615a7eca32a89446e9225b02832709be095e635c824a2bb70213ba2ea0ababac0809827843992c851903b7ac0c136699"
        ),
    ])
    func paddingBoundaries(length: Int, digest: String) {
        let message = [UInt8](repeating: 0x61, count: length)
        #expect(SHA512.hash(message).hex == digest)
        var hasher = SHA512()
        hasher.update(message)
        #expect(hasher.finalize().hex == digest)
    }

    /// Hashing in pieces gives the one-shot digest whatever the split points.
    @Test(arguments: [1, 3, 111, 127, 128, 129, 1000])
    func streamingMatchesOneShot(piece: Int) {
        let message = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA512()
        var start = 0
        while start < message.count {
            hasher.update(message[start..<min(start + piece, message.count)])
            start += piece
        }
        #expect(hasher.finalize() == SHA512.hash(message))
    }

    @Test func digestBytesAndHexAgree() {
        let digest = SHA512.hash(Array("abc".utf8))
        #expect(digest.bytes.count == 64)
        let hex = digest.bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex == digest.hex)
    }
}
