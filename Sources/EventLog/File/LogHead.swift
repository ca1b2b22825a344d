/// The last entry of the last complete batch: what a new batch chains onto.
public struct LogHead: Equatable, Sendable {
    public let seq: Int
    public let hashHex: String
    public let recorded: Timestamp

    public init(seq: Int, hashHex: String, recorded: Timestamp) {
        (self.seq, self.hashHex, self.recorded) = (seq, hashHex, recorded)
    }

    /// `SEQ:HASH`, the form `verify --anchor` takes back.
    public var anchor: String { "\(seq):\(hashHex)" }
}

/// Bytes after the last complete batch, left by a writer that stopped mid-batch.
public struct TornTail: Equatable, Sendable {
    /// Where the torn bytes begin (the end of the last complete batch).
    public let offset: Int
    public let byteCount: Int
    /// Complete lines of the unfinished batch (the rest is a partial line).
    public let completeEntries: Int
    public let firstSeq: Int?
}

/// Where committed history ends, and what (if anything) lies beyond it.
public struct LogTail: Equatable, Sendable {
    /// nil only for an empty log (not even the header has been committed).
    public let head: LogHead?
    public let committedEnd: Int
    public let torn: TornTail?
}
