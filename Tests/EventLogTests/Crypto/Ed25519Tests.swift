import Testing

@testable import EventLog

@Suite struct Ed25519Tests {
    /// 200 seeds and messages (0 to 299 bytes, pseudo-random but the same on every run): each
    /// signature verifies under its own key, and under no other.
    @Test func signThenVerifyProperty() throws {
        var previous: Ed25519.PrivateKey? = nil
        for i in 0..<200 {
            let key = try Ed25519.PrivateKey(seed: deterministicBytes("seed \(i)"))
            let lengthBytes = deterministicBytes("length \(i)", count: 2)
            let length = (Int(lengthBytes[0]) << 8 | Int(lengthBytes[1])) % 300
            let message = (0..<(length + 63) / 64).flatMap { deterministicBytes("message \(i) \($0)", count: 64) }
            let signed = Array(message.prefix(length))
            let signature = key.sign(signed)
            #expect(signature.count == 64)
            #expect(key.publicKey.isValidSignature(signature, for: signed), "case \(i)")
            if let other = previous {
                #expect(!other.publicKey.isValidSignature(signature, for: signed), "case \(i), the previous key")
            }
            #expect(key.sign(signed) == signature, "signing is deterministic")
            previous = key
        }
    }

    /// Keys from /dev/urandom differ and work.
    @Test func randomKeys() throws {
        let keys = try (0..<4).map { _ in try Ed25519.PrivateKey() }
        #expect(Set(keys.map(\.seed)).count == 4)
        for key in keys {
            #expect(key.seed.count == 32)
            #expect(key.publicKey.isValidSignature(key.sign([1, 2, 3]), for: [1, 2, 3]))
        }
        #expect(try Ed25519.randomSeed().count == Ed25519.seedByteCount)
    }

    @Test func wrongLengthsAreRefused() throws {
        #expect(throws: Ed25519Error.seedLength(31)) { try Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: Ed25519Error.publicKeyLength(33)) {
            try Ed25519.PublicKey(bytes: [UInt8](repeating: 1, count: 33))
        }
        let key = try Ed25519.PrivateKey(seed: deterministicBytes("lengths"))
        let signature = key.sign([])
        #expect(key.publicKey.isValidSignature(signature, for: []))
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: []))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: []))
        #expect(!key.publicKey.isValidSignature([], for: []))
    }

    /// A key that fails to decode is refused with the check it failed, in words.
    @Test func undecodableKeyNamesTheCheck() {
        let notBelowP = "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
        let reason = "its y coordinate is not below 2^255 − 19"
        let refusal = Ed25519Error.invalidPublicKey(hex: notBelowP, reason: reason)
        #expect(throws: refusal) { try Ed25519.PublicKey(bytes: bytes(hex: notBelowP)) }
        let yIsTwo = "0200000000000000000000000000000000000000000000000000000000000000"
        do {
            _ = try Ed25519.PublicKey(bytes: bytes(hex: yIsTwo))
            Issue.record("y = 2 decoded")
        } catch {
            #expect("\(error)" == "\(yIsTwo) is not an Ed25519 public key: no point of the curve has its y coordinate")
        }
    }

    /// S + L is the same scalar modulo L but must be refused (RFC 8032 §5.1.7; malleability).
    @Test func nonCanonicalSIsRefused() throws {
        let key = try Ed25519.PrivateKey(seed: deterministicBytes("malleable"))
        let message: [UInt8] = Array("pay 10".utf8)
        let signature = key.sign(message)
        var s = Array(signature[32...])
        let order = bytes(hex: "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")
        var carry = 0
        for i in 0..<32 {
            let sum = Int(s[i]) + Int(order[i]) + carry
            s[i] = UInt8(sum & 0xff)
            carry = sum >> 8
        }
        #expect(carry == 0)  // S + L still fits in 256 bits, since S < L < 2^253
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(Array(signature[..<32]) + s, for: message))
    }

    /// Printing a private key shows its public key, never the seed.
    @Test func descriptionHidesTheSeed() throws {
        let seed = deterministicBytes("secret")
        let key = try Ed25519.PrivateKey(seed: seed)
        #expect(!"\(key)".contains(hexString(seed)))
        #expect("\(key)".contains(hexString(key.publicKey.bytes)))
        #expect(key.publicKey == (try Ed25519.PublicKey(bytes: key.publicKey.bytes)))
    }
}
