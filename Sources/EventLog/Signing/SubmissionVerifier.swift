/// Whether a signature holds: Ed25519 (RFC 8032, strict about S < L and point encodings) over the
/// submission's signed bytes.
public enum SubmissionVerifier {
    public static func isValid(_ signature: SubmissionSignature, over message: [UInt8]) -> Bool {
        isValid(publicKey: signature.publicKey, signature: signature.signature, over: message)
    }

    public static func isValid(publicKey: [UInt8], signature: [UInt8], over message: [UInt8]) -> Bool {
        guard let key = try? Ed25519.PublicKey(bytes: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
