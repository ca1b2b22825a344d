import EventLog

/// Where a client hands a signed submission to the log's single writer (`clearance serve`) instead
/// of appending to the file itself.
public protocol SubmissionChannel: Sendable {
    /// Sends `submission` (refused unless the head is `expectedSeq`, when given) and returns what the
    /// writer appended. Throws `ChannelRefusal` when the writer refused it (nothing appended).
    func send(_ submission: Submission, expecting expectedSeq: Int?) throws -> LogFile.AppendResult
}

/// The log's writer refused a submission, with its reason; `retry` says that the same entries,
/// built and signed again, may be taken (the head moved, or the signature's time was not after its
/// key's last).
public struct ChannelRefusal: Error, CustomStringConvertible {
    public let message: String
    public let retry: Bool

    public init(message: String, retry: Bool) { (self.message, self.retry) = (message, retry) }

    public var description: String { message }
}
