import Clearance
import EventLog

/// Signs submissions for one actor with its private key (docs/log-format.md, "Submissions and signatures").
enum Signer {
    static func sign(with key: Ed25519.PrivateKey) -> Writer.Sign {
        { log, entries, lastSigned in
            let publicKey = key.publicKey.bytes
            // `at` must follow the key's last one (S5), even if this machine's clock stepped back.
            var at = Timestamp.now()
            if let last = lastSigned[publicKey.hex], at <= last { at = last.adding(milliseconds: 1) }
            let message = SignedBytes.of(log: log, at: at, entries: entries)
            return SubmissionSignature(publicKey: publicKey, at: at, signature: key.sign(message))
        }
    }
}
