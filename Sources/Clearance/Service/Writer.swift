import EventLog

/// Who is appending, as established outside the log: the identity something other than this
/// program vouches for (the kernel's account of the process, or of `serve`'s peer), and how the
/// actor signs. A log whose header binds actors accepts a submission only when that identity is
/// bound to its actor and a key in force for the actor signed it.
public struct Writer: Sendable {
    /// Signs a submission for the log named `log`; `lastSigned` gives each key's last `at`, which the
    /// signature's `at` must follow (docs/log-format.md, S5).
    public typealias Sign = @Sendable (_ log: String, _ entries: [NewEntry], _ lastSigned: [String: Timestamp]) throws -> SubmissionSignature

    public let identity: Trust.Identity?
    public let sign: Sign?

    public init(identity: Trust.Identity?, sign: Sign?) {
        self.identity = identity
        self.sign = sign
    }

    /// A writer with no identity and no key: what simulated logs (the demo, benchmarks) and try-out
    /// logs, whose actors are declared, accept.
    public static let declared = Writer(identity: nil, sign: nil)
}

/// A submission that the trust rules refuse (nothing appended): no identity bound to its actor, no
/// key, or a signature that does not hold. `retry` is set when signing again would do (the
/// signature's `at` is not after its key's last, S5): the submission itself is fine.
public struct TrustRefusal: Error, CustomStringConvertible {
    public let message: String
    public let retry: Bool

    public init(message: String, retry: Bool = false) { (self.message, self.retry) = (message, retry) }

    public var description: String { "refused: \(message); nothing was appended" }
}

extension ClearanceService {
    /// Signs `entries` as one submission when the writer has a key (the client's half; the checks are
    /// `checkSubmission`, which the writer of the log runs, directly or in `clearance serve`).
    static func sign(_ entries: [NewEntry], header: LogHeader, state: ClearanceState, writer: Writer) throws -> Submission {
        guard let sign = writer.sign, !entries.isEmpty, header.format >= 2 else {
            return Submission(entries)
        }
        return Submission(entries, signature: try sign(header.name, entries, state.trust.lastSigned))
    }

    /// Checks a submission as a log binding actors requires: one actor, `identity` bound to it, a
    /// signature by a key in force for it, over these entries, later than the key's last (S5). A log
    /// of declared actors takes unsigned submissions, and checks the signature of a signed one.
    /// `identity` is what something outside the program vouches for: this process's account, or the
    /// account the kernel reports for `serve`'s peer. Throws `TrustRefusal`.
    public static func checkSubmission(_ submission: Submission, from identity: Trust.Identity?, header: LogHeader, trust: Trust) throws {
        let entries = submission.entries
        guard let signature = submission.signature, !entries.isEmpty, header.format >= 2 else {
            if header.actors == .bound {
                throw TrustRefusal(message: "this log binds actors to identities and keys, and no key signed this submission")
            }
            return
        }
        let actors = Set(entries.map(\.actor))
        guard actors.count == 1, let actor = actors.first else {
            throw TrustRefusal(message: "a signed submission has one actor, and this one names \(actors.sorted().joined(separator: ", "))")
        }
        if header.actors == .bound {
            guard let identity, trust.isBound(actor, to: identity) else {
                let who = identity.map { "\($0.kind.rawValue) \($0.name)" } ?? "an unknown identity"
                throw TrustRefusal(message: "\(who) is not bound to \(actor) (the general office binds it: clearance identity bind \(actor) --account NAME)")
            }
        }
        let key = signature.publicKey.hex
        guard trust.keys[actor]?.contains(key) == true else {
            throw TrustRefusal(message: "key \(key) is not registered for \(actor) (the general office registers it: clearance key register \(actor) \(key))")
        }
        if let last = trust.lastSigned[key], signature.at <= last {
            throw TrustRefusal(
                message: "the signature's time \(signature.at.iso8601) is not after key \(key.prefix(12))…'s last, \(last.iso8601) (sign again)",
                retry: true)
        }
        guard SubmissionVerifier.isValid(signature, over: SignedBytes.of(log: header.name, at: signature.at, entries: entries)) else {
            throw TrustRefusal(message: "the signature does not match the submission")
        }
    }
}
