/// Why an Ed25519 key could not be made. Invalid signatures are not errors: verification says false.
public enum Ed25519Error: Error, Equatable, CustomStringConvertible {
    /// A seed (the RFC's private key) must be 32 bytes.
    case seedLength(Int)
    /// A public key must be 32 bytes.
    case publicKeyLength(Int)
    /// The 32 bytes (hex) are not a point's encoding under RFC 8032 §5.1.3; `reason` names the check.
    case invalidPublicKey(hex: String, reason: String)
    /// The system's random source could not give a seed; the message carries `strerror`.
    case randomUnavailable(path: String, message: String)

    public var description: String {
        switch self {
        case .seedLength(let count):
            return "an Ed25519 seed is 32 bytes, not \(count)"
        case .publicKeyLength(let count):
            return "an Ed25519 public key is 32 bytes, not \(count)"
        case .invalidPublicKey(let hex, let reason):
            return "\(hex) is not an Ed25519 public key: \(reason)"
        case .randomUnavailable(let path, let message):
            return "cannot read random bytes from \(path): \(message)"
        }
    }
}
