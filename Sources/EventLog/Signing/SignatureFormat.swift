/// The fixed parts of signed submissions (docs/log-format.md, "Submissions and signatures"),
/// shared by the writer, the signer and the verifier.
public enum SignatureFormat {
    /// The two entry types whose data says which keys are in force.
    public static let keyRegisteredType = "key.registered"
    public static let keyRevokedType = "key.revoked"
    /// The first line of the signed bytes.
    static let messageTag = Array("clearance-submission-2\n".utf8)

    static let fromKey = Array(#","signed":{"from":"#.utf8)
    static let keyKey = Array(#","key":""#.utf8)
    static let atKey = Array(#"","at":""#.utf8)
    static let sigKey = Array(#"","sig":""#.utf8)
    /// From the end of `from`'s digits to the block's closing brace: key, at and sig are fixed-length.
    static let tailBytes = keyKey.count + 64 + atKey.count + 24 + sigKey.count + 128 + 2

    /// An Ed25519 public key as the log writes it: 64 lowercase hex digits.
    public static func isPublicKeyHex(_ text: String) -> Bool { text.utf8.count == 64 && text.utf8.allSatisfy(isLowerHexDigit) }
}
