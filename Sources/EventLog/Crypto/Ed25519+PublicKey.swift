extension Ed25519 {
    /// A public key: 32 bytes that decode to a point A of the curve, checked once here so that
    /// each verification need not decode it again.
    public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
        /// The 32-byte encoding, as given.
        public let bytes: [UInt8]
        /// −A: verification computes [S]B + [k](−A).
        let negatedPoint: Ed25519Point

        /// Decodes the key; throws `Ed25519Error.publicKeyLength` or `.invalidPublicKey` (a y of
        /// 2^255 − 19 or more, no point with that y, or x = 0 with the sign bit set).
        public init(bytes: [UInt8]) throws {
            guard bytes.count == Ed25519.publicKeyByteCount else { throw Ed25519Error.publicKeyLength(bytes.count) }
            let decoded = bytes.withUnsafeBytes { raw in
                Result { () throws(Ed25519Point.DecodingFailure) in try Ed25519Point(decoding: raw) }
            }
            switch decoded {
            case .success(let point): self.init(bytes: bytes, point: point)
            case .failure(let failure):
                throw Ed25519Error.invalidPublicKey(hex: hex(bytes), reason: failure.description)
            }
        }

        init(bytes: [UInt8], point: Ed25519Point) {
            self.bytes = bytes
            self.negatedPoint = point.negated
        }

        /// Whether `signature` is this key's signature of `message` (RFC 8032 §5.1.7, cofactorless).
        /// False for a signature that is not 64 bytes or whose S is not below L.
        public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
            signature.withUnsafeBytes { s in message.withUnsafeBytes { isValidSignature(s, for: $0) } }
        }

        /// The same check on bytes in place (a log line, a mapped file).
        public func isValidSignature(_ signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer) -> Bool {
            guard signature.count == Ed25519.signatureByteCount else { return false }
            let r = UnsafeRawBufferPointer(rebasing: signature[0..<32])
            guard let s = Ed25519Scalar(canonical: UnsafeRawBufferPointer(rebasing: signature[32..<64])) else {
                return false
            }
            let k = bytes.withUnsafeBytes { Ed25519.hashToScalar(r, $0, message) }
            // [S]B − [k]A must be R itself: comparing encodings refuses any R that is not canonical.
            return negatedPoint.doubleMultiple(k, plusBase: s).encoded.elementsEqual(r)
        }

        public static func == (l: PublicKey, r: PublicKey) -> Bool { l.bytes == r.bytes }
        public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
        public var description: String { hex(bytes) }
    }
}

/// Lowercase hex of bytes, for messages.
private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
