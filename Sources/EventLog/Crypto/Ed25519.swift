/// Ed25519 signatures as RFC 8032 §5.1 defines them (PureEdDSA: no pre-hash, no context), in pure
/// Swift with SHA-512 from this module.
///
/// - `PrivateKey(seed:)` from a 32-byte seed, or `PrivateKey()` from /dev/urandom; `sign(_:)`
///   is deterministic and gives 64 bytes.
/// - `PublicKey(bytes:)` refuses bytes that do not decode to a point; `isValidSignature(_:for:)`
///   never throws: anything malformed is simply not valid.
///
/// Verification is strict where §5.1.7 is: S must be below L, the public key must decode with every
/// check of §5.1.3, and R is compared byte for byte with the encoding of [S]B − [k]A (the cofactorless
/// equation), so an R that does not decode, or is not canonical, never matches. Small-order public
/// keys and R are not refused beyond that. All of Wycheproof's vectors come out as it says.
///
/// Timing. Signing and key expansion are written without branches or memory indexes that depend on
/// the seed, the secret scalar or the nonce: SHA-512, the field and scalar arithmetic, the masked table
/// lookups of `Ed25519Point.baseMultiple` and the encoding. What is not claimed: Swift and its optimizer
/// promise nothing about the machine code (a `Bool` turned into a carry could become a branch), and the
/// seed and its expansion live in ordinary arrays that are never wiped. Verification runs in variable
/// time (windows, early exits on malformed input), as everything it handles is public.
public enum Ed25519 {
    public static let seedByteCount = 32
    public static let publicKeyByteCount = 32
    public static let signatureByteCount = 64

    /// SHA-512 of the concatenated parts, reduced modulo L: the nonce r = H(prefix ‖ M) and the
    /// challenge k = H(R ‖ A ‖ M) of RFC 8032 §5.1.6.
    static func hashToScalar(_ parts: UnsafeRawBufferPointer...) -> Ed25519Scalar {
        var input = [UInt8]()
        input.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { input.append(contentsOf: part) }
        return SHA512.hash(input).bytes.withUnsafeBytes { Ed25519Scalar(reducing: $0) }
    }
}
