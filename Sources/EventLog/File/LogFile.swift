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
    public let clock: LogClock
    /// The encoding buffer, kept between appends: fresh pages for every batch cost more than encoding.
    private var scratch: [UInt8] = []
    let file: OpenFile

    private init(directory: String, file: OpenFile, clock: LogClock) {
        self.directory = directory
        self.file = file
        self.clock = clock
    }

    public static func path(in directory: String) -> String { directory + "/" + fileName }

    /// Creates the directory (if needed) and a new log whose first entry declares the format and clock,
    /// followed in the same atomic batch by `entries` (the reference data a log starts from, say).
    /// Throws `.alreadyExists` without touching anything when `events.jsonl` is already there.
    public static func create(
        in directory: String, actor: String, clock: LogClock = .system,
        data extra: [(key: String, value: JSONValue)] = [], entries: [NewEntry] = []
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
        let log = LogFile(directory: directory, file: file, clock: clock)
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
            ("format", .integer(EntryFormat.version)), ("clock", .string(clock.name)),
        ]
        data += extra
        let recorded: Timestamp
        if case .simulated(let start) = clock { recorded = start } else { recorded = .now() }
        let header = NewEntry(actor: actor, type: EntryFormat.headerType, data: .object(data))
        let result = try log.append([header] + entries, recorded: recorded)
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
        return LogFile(directory: directory, file: file, clock: try LogReader.declaredClock(of: file))
    }

    /// What `append` did.
    public struct AppendResult: Sendable {
        public let head: LogHead
        /// The seq given to each new entry, in input order; nil where the entry was a duplicate.
        public let seqs: [Int?]
        /// Entries skipped because their id was already in the log: (index in the batch, id, seq holding it).
        public let duplicates: [(index: Int, id: String, seq: Int)]
        public let recovered: Recovery?
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
        let lengths = BatchEncoder.encode(
            fresh.map { entries[$0] }, ids: ids, firstSeq: headSeq + 1, recorded: stampText, batchEnd: batchEnd,
            encoder: &encoder, into: &bytes)
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
