#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// The append side of a log directory holding `events.jsonl`.
///
/// Every append takes an exclusive `flock` on the file, so any number of processes may append at
/// once; each batch is encoded whole, written in one call at the end of committed history and
/// `fdatasync`ed before `append` returns. A batch is all or nothing: a torn tail left by a crash
/// is moved to a quarantine file by the next append, under the same lock.
public final class LogFile {
    public static let fileName = "events.jsonl"
    /// Bounds on one batch, so a single append cannot exhaust memory.
    public static let maximumBatchEntries = 1_000_000
    public static let maximumBatchBytes = 512 << 20

    public let directory: String
    /// What the log's first entry declares (its clock, name, how actors are established).
    public let header: LogHeader
    public var clock: LogClock { header.clock }
    /// The encoding buffer, kept between appends: fresh pages for every batch cost more than encoding.
    private var scratch: [UInt8] = []
    let file: OpenFile

    private init(directory: String, file: OpenFile, header: LogHeader) {
        self.directory = directory
        self.file = file
        self.header = header
    }

    public static func path(in directory: String) -> String { directory + "/" + fileName }

    /// Creates the directory (if needed) and a new log whose first entry declares the format, clock,
    /// name and how actors are established, followed in the same atomic batch by `entries` (the
    /// reference data a log starts from, say); `sign` signs them all as one submission.
    /// Throws `.alreadyExists` without touching anything when `events.jsonl` is already there.
    public static func create(
        in directory: String, actor: String, clock: LogClock = .system, actors: LogHeader.Actors = .declared,
        data extra: [(key: String, value: JSONValue)] = [], entries: [NewEntry] = [],
        sign: ((_ log: String, _ entries: [NewEntry]) throws -> SubmissionSignature)? = nil
    ) throws -> (log: LogFile, head: LogHead) {
        guard EntryFormat.isValidName(actor) else {
            throw EventLogError.invalidEntry(index: 0, reason: "actor \"\(actor)\" must be 1-128 bytes without quotes, backslashes or control characters")
        }
        try makeDirectory(directory)
        let path = path(in: directory)
        var existing = false
        let file: OpenFile
        do { file = try OpenFile(path: path, flags: O_RDWR | O_CREAT | O_EXCL) } catch {
            guard errno == EEXIST else { throw error }
            file = try OpenFile(path: path, flags: O_RDWR)
            existing = true
        }
        // A generated scenario is replayed byte for byte, so its name comes from its start, not chance.
        let name: String
        if case .simulated(let start) = clock {
            name = SHA256.hash(Array("clearance simulated log \(start.iso8601) \(actor)".utf8)).hex.prefix(32).description
        } else {
            name = LogHeader.randomName()
        }
        let log = LogFile(
            directory: directory, file: file, header: LogHeader(format: EntryFormat.version, clock: clock, name: name, actors: actors))
        if existing {
            // Only an init that was interrupted before its header was committed may be redone:
            // its bytes are moved aside like any torn tail.
            try file.lockExclusive()
            defer { file.unlock() }
            let tail = try TailInspector.inspect(file)
            guard tail.head == nil else { throw EventLogError.alreadyExists(path: path) }
            if let torn = tail.torn { _ = try log.quarantine(torn) }
        }
        var data: [(key: String, value: JSONValue)] = [
            ("format", .integer(EntryFormat.version)), ("clock", .string(clock.name)), ("log", .string(name)),
            ("actors", .string(actors.rawValue)),
        ]
        data += extra
        let recorded: Timestamp
        if case .simulated(let start) = clock { recorded = start } else { recorded = .now() }
        let first = [NewEntry(actor: actor, type: EntryFormat.headerType, data: .object(data))] + entries
        // The log's first submission: signed, in a log binding actors, by the key it registers.
        let result = try log.append(submissions: [Submission(first, signature: try sign?(name, first))], recorded: recorded)
        try OpenFile.syncDirectory(directory)
        return (log, result.head)
    }

    /// Opens an existing log for appending; reads its first entry to learn the clock.
    public static func open(in directory: String) throws -> LogFile {
        let path = path(in: directory)
        let file: OpenFile
        do { file = try OpenFile(path: path, flags: O_RDWR) } catch {
            if errno == ENOENT { throw EventLogError.notInitialized(directory: directory) }
            throw error
        }
        return LogFile(directory: directory, file: file, header: try LogReader.header(of: file))
    }

    /// What `append` did.
    public struct AppendResult: Sendable {
        public let head: LogHead
        /// The seq given to each new entry, in input order; nil where the entry was a duplicate.
        public let seqs: [Int?]
        /// Entries skipped because their id was already in the log: (index in the batch, id, seq holding it).
        public let duplicates: [(index: Int, id: String, seq: Int)]
        public let recovered: Recovery?

        public init(head: LogHead, seqs: [Int?], duplicates: [(index: Int, id: String, seq: Int)], recovered: Recovery? = nil) {
            (self.head, self.seqs, self.duplicates, self.recovered) = (head, seqs, duplicates, recovered)
        }
    }

    /// A torn tail moved aside before appending.
    public struct Recovery: Equatable, Sendable {
        public let tail: TornTail
        public let quarantinePath: String
    }

    /// Appends `entries` as one atomic batch after the current head.
    ///
    /// - `expectedSeq`: refuse with `.headMoved` unless the head is this seq.
    /// - `recorded`: the time to stamp; nil means the log's clock.
    /// Entries whose `id` is already in the log are skipped and reported, not written twice.
    /// On any error nothing is written (a failed write is truncated away before returning).
    public func append(
        _ entries: [NewEntry], expecting expectedSeq: Int? = nil, recorded: Timestamp? = nil
    ) throws -> AppendResult {
        try append(submissions: [Submission(entries)], expecting: expectedSeq, recorded: recorded)
    }

    /// Appends several submissions as one atomic batch, in order (a writer serving many clients
    /// commits them together). A signed submission is written whole or, when every entry of it is
    /// already in the log (a retry), skipped whole; part of one already there is refused.
    public func append(
        submissions: [Submission], expecting expectedSeq: Int? = nil, recorded: Timestamp? = nil
    ) throws -> AppendResult {
        let entries = submissions.flatMap(\.entries)
        if submissions.contains(where: { $0.signature != nil }), header.format < 2 {
            throw EventLogError.invalidEntry(index: 0, reason: "a version \(header.format) log holds no signatures: create a new log to sign submissions")
        }
        guard entries.count <= Self.maximumBatchEntries else {
            throw EventLogError.invalidEntry(index: Self.maximumBatchEntries, reason: "a batch holds at most \(Self.maximumBatchEntries) events")
        }
        for (index, entry) in entries.enumerated() { try Self.validate(entry, index: index) }
        try file.lockExclusive()
        defer { file.unlock() }

        var tail = try TailInspector.inspect(file)
        var recovery: Recovery?
        if let torn = tail.torn {
            recovery = try quarantine(torn)
            tail = LogTail(head: tail.head, committedEnd: tail.committedEnd, torn: nil)
        }
        let headSeq = tail.head?.seq ?? 0
        if let expectedSeq, expectedSeq != headSeq { throw EventLogError.headMoved(expected: expectedSeq, actual: headSeq) }

        let duplicates = try findDuplicates(entries, committedEnd: tail.committedEnd)
        let skipped = Set(duplicates.map(\.index))
        // Where each signed submission's last entry lies in the batch, with its signature.
        var signatures: [Int: SubmissionSignature] = [:]
        var first = 0
        for submission in submissions {
            let range = first..<(first + submission.entries.count)
            first = range.upperBound
            guard let signature = submission.signature, !range.isEmpty else { continue }
            let present = range.filter(skipped.contains).count
            if present == range.count { continue }
            if present > 0 {
                let index = range.first(where: skipped.contains)!
                throw EventLogError.invalidEntry(index: index, reason: "a signed submission is appended whole, but its id \"\(entries[index].id ?? "")\" is already in the log")
            }
            signatures[range.upperBound - 1] = signature
        }
        let fresh = entries.indices.filter { !skipped.contains($0) }
        if fresh.isEmpty, let head = tail.head {
            return AppendResult(head: head, seqs: entries.map { _ in nil }, duplicates: duplicates, recovered: recovery)
        }
        guard !fresh.isEmpty else { throw EventLogError.invalidEntry(index: 0, reason: "there are no events to append") }
        let stamp = recorded ?? nextTime(after: tail.head)
        let stampText = stamp.iso8601
        let batchEnd = headSeq + fresh.count
        let ids = fresh.enumerated().map { n, index in entries[index].id ?? Self.generatedID(seq: headSeq + 1 + n) }
        var encoder = EntryEncoder(afterSeq: headSeq, hashHex: tail.head.map { Array($0.hashHex.utf8) } ?? EntryFormat.zeroHash)
        var bytes = scratch
        scratch = []
        bytes.removeAll(keepingCapacity: true)
        defer { scratch = bytes }
        // A signature's `from` is the seq its submission's first entry gets.
        var signed: [Int: (from: Int, SubmissionSignature)] = [:]
        first = 0
        for submission in submissions {
            defer { first += submission.entries.count }
            guard let signature = signatures[first + submission.entries.count - 1] else { continue }
            let position = fresh.firstIndex(of: first)!
            signed[position + submission.entries.count - 1] = (headSeq + 1 + position, signature)
        }
        let lengths = BatchEncoder.encode(
            fresh.map { entries[$0] }, ids: ids, firstSeq: headSeq + 1, recorded: stampText, batchEnd: batchEnd,
            signed: signed, encoder: &encoder, into: &bytes)
        if let tooLong = lengths.firstIndex(where: { $0 > EntryFormat.maximumLineBytes }) {
            throw EventLogError.invalidEntry(index: fresh[tooLong], reason: "the entry is longer than \(EntryFormat.maximumLineBytes) bytes")
        }
        guard bytes.count <= Self.maximumBatchBytes else {
            throw EventLogError.invalidEntry(index: fresh.count - 1, reason: "the batch exceeds \(Self.maximumBatchBytes >> 20) MiB")
        }
        var seqs = [Int?](repeating: nil, count: entries.count)
        for (n, index) in fresh.enumerated() { seqs[index] = headSeq + 1 + n }
        try write(bytes, at: tail.committedEnd)
        let head = LogHead(seq: batchEnd, hashHex: String(decoding: encoder.prevHex, as: UTF8.self), recorded: stamp)
        return AppendResult(head: head, seqs: seqs, duplicates: duplicates, recovered: recovery)
    }
}
