/// The entries one actor sends in one append, with the actor's signature over them if signed.
/// A batch holds whole submissions; the writer puts the signature in the last entry's envelope.
public struct Submission: Sendable {
    public var entries: [NewEntry]
    public var signature: SubmissionSignature?

    public init(_ entries: [NewEntry], signature: SubmissionSignature? = nil) {
        self.entries = entries
        self.signature = signature
    }
}
