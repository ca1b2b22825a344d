extension Ed25519 {
    /// A private key: the 32-byte seed of RFC 8032 §5.1.5 and what it expands to.
    ///
    /// Its description shows the public key only, so printing a key does not leak the seed.
    public struct PrivateKey: Sendable, CustomStringConvertible {
        /// The seed: keep it secret; it is all that is needed to make the key again.
        public let seed: [UInt8]
        public let publicKey: PublicKey
        /// s, the clamped low half of SHA-512(seed), modulo L.
        private let scalar: Ed25519Scalar
        /// The high half of SHA-512(seed), hashed with each message to give the nonce.
        private let prefix: [UInt8]

        /// Expands a seed (§5.1.5); throws `Ed25519Error.seedLength` unless it is 32 bytes.
        public init(seed: [UInt8]) throws {
            guard seed.count == Ed25519.seedByteCount else { throw Ed25519Error.seedLength(seed.count) }
            var h = SHA512.hash(seed).bytes
            h[0] &= 248  // a multiple of the cofactor 8
            h[31] &= 127
            h[31] |= 64  // bit 254 set, bit 255 clear
            let scalar = h.withUnsafeBytes { Ed25519Scalar(reducing32: UnsafeRawBufferPointer(rebasing: $0[0..<32])) }
            self.seed = seed
            self.scalar = scalar
            self.prefix = Array(h[32..<64])
            let a = Ed25519Point.baseMultiple(scalar)
            self.publicKey = PublicKey(bytes: a.encoded, point: a)
        }

        /// A new key from 32 bytes of /dev/urandom; throws `Ed25519Error.randomUnavailable` if
        /// they cannot be read.
        public init() throws {
            try self.init(seed: Ed25519.randomSeed())
        }

        /// The 64-byte signature R ‖ S of `message` (§5.1.6). Deterministic: the same key and message
        /// always give the same signature.
        public func sign(_ message: [UInt8]) -> [UInt8] {
            message.withUnsafeBytes { sign($0) }
        }

        public func sign(_ message: UnsafeRawBufferPointer) -> [UInt8] {
            let r = prefix.withUnsafeBytes { Ed25519.hashToScalar($0, message) }
            let rEncoded = Ed25519Point.baseMultiple(r).encoded
            let k = rEncoded.withUnsafeBytes { rBytes in
                publicKey.bytes.withUnsafeBytes { Ed25519.hashToScalar(rBytes, $0, message) }
            }
            return rEncoded + Ed25519Scalar.multiplyAdd(k, scalar, r).bytes
        }

        public var description: String { "Ed25519 private key of public key \(publicKey)" }
    }
}
