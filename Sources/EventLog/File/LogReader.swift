#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// Reads a log without ever writing to it, up to the end of its last complete batch.
///
/// Torn bytes after that point are reported in `tail.torn` and otherwise ignored: only an
/// appender (holding the lock) may move them aside.
public struct LogReader: Sendable {
    /// Bytes read per call; a line may be at most `EntryFormat.maximumLineBytes`, well below this.
    static let chunkBytes = 8 << 20

    let file: OpenFile
    public let tail: LogTail

    init(file: OpenFile, committedEnd: Int) throws {
        self.file = file
        self.tail = LogTail(head: nil, committedEnd: committedEnd, torn: nil)
    }

    /// Opens `directory/events.jsonl` read-only and finds where committed history ends.
    public init(directory: String) throws {
        let path = LogFile.path(in: directory)
        do { file = try OpenFile(path: path, flags: O_RDONLY) } catch {
            if errno == ENOENT { throw EventLogError.notInitialized(directory: directory) }
            throw error
        }
        tail = try TailInspector.inspect(file)
    }

    public var path: String { file.path }

    /// Calls `body` with each complete line (without its `\n`) and its byte offset, in order,
    /// from `start` up to `end` (default: the committed end). `body` returns false to stop early.
    public func forEachLine(
        from start: Int = 0, to end: Int? = nil, _ body: (UnsafeRawBufferPointer, Int) throws -> Bool
    ) throws {
        let end = end ?? tail.committedEnd
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkBytes, alignment: 64)
        defer { buffer.deallocate() }
        let base = buffer.baseAddress!
        var bufferOffset = start  // file offset of buffer[0]
        var filled = 0
        var readOffset = start
        while readOffset < end {
            let want = min(Self.chunkBytes - filled, end - readOffset)
            let got = try file.read(into: base + filled, count: want, at: readOffset)
            guard got == want else {
                throw EventLogError.corrupt(seq: nil, offset: readOffset + got, reason: "the file ended before its committed end")
            }
            filled += got
            readOffset += got
            var lineStart = 0
            while lineStart < filled, let newline = memchr(base + lineStart, 0x0A, filled - lineStart) {
                let lineEnd = base.distance(to: newline)
                let line = UnsafeRawBufferPointer(start: base + lineStart, count: lineEnd - lineStart)
                guard line.count <= EntryFormat.maximumLineBytes else {
                    throw EventLogError.corrupt(
                        seq: TailInspector.leadingSeq(line), offset: bufferOffset + lineStart,
                        reason: "the line is longer than \(EntryFormat.maximumLineBytes) bytes")
                }
                if try !body(line, bufferOffset + lineStart) { return }
                lineStart = lineEnd + 1
            }
            if lineStart == 0 && filled == Self.chunkBytes {
                throw EventLogError.corrupt(seq: nil, offset: bufferOffset, reason: "a line longer than \(EntryFormat.maximumLineBytes) bytes")
            }
            let rest = filled - lineStart
            if rest > 0 { memmove(base, base + lineStart, rest) }
            bufferOffset += lineStart
            filled = rest
        }
        if filled > 0 {
            throw EventLogError.corrupt(seq: nil, offset: bufferOffset, reason: "the last line before the committed end has no newline")
        }
    }

    /// The `length` bytes at `offset` if they lie within committed history, else nil.
    public func bytes(at offset: Int, length: Int) throws -> [UInt8]? {
        // Written so that no offset or length read from elsewhere (a manifest, a snapshot) can overflow.
        guard offset >= 0, length > 0, offset <= tail.committedEnd, length <= tail.committedEnd - offset else { return nil }
        return try file.read(count: length, at: offset)
    }

    /// The last committed entry (the head), read from the end of the file; nil for an empty log.
    public func lastEntry() throws -> LogEntry? {
        let end = tail.committedEnd
        guard end > 0 else { return nil }
        var window = min(end, 4096)
        func entry(_ line: ArraySlice<UInt8>, at offset: Int) throws -> LogEntry {
            do { return try Array(line).withUnsafeBytes { try LogEntry(line: $0, offset: offset) } } catch let error as FrameError {
                throw EventLogError.corrupt(seq: line.withUnsafeBytes { TailInspector.leadingSeq($0) }, offset: offset, reason: error.reason)
            }
        }
        while true {
            let bytes = try file.read(count: window, at: end - window)
            // bytes ends with the head's newline; the line starts after the newline before it.
            if let start = bytes.dropLast().lastIndex(of: 0x0A) {
                return try entry(bytes[(start + 1)..<(bytes.count - 1)], at: end - window + start + 1)
            }
            if window == end { return try entry(bytes.dropLast(), at: 0) }
            window = min(end, window * 4)
        }
    }

    /// Calls `body` with each decoded entry; a line that cannot be decoded is reported as corruption.
    public func forEachEntry(from start: Int = 0, _ body: (LogEntry) throws -> Bool) throws {
        try forEachLine(from: start) { line, offset in
            let entry: LogEntry
            do { entry = try LogEntry(line: line, offset: offset) } catch let error as FrameError {
                throw EventLogError.corrupt(seq: TailInspector.leadingSeq(line), offset: offset, reason: error.reason)
            }
            return try body(entry)
        }
    }

    /// All committed entries, decoded. For small logs and tests; large logs should stream.
    public func entries() throws -> [LogEntry] {
        var all: [LogEntry] = []
        try forEachEntry { all.append($0); return true }
        return all
    }

    /// The seq of each id in `ids` that the log holds.
    public func seqs(ofIDs ids: Set<String>) throws -> [String: Int] {
        var found: [String: Int] = [:]
        do {
            try forEachLine { line, offset in
                guard let (seq, afterSeq) = parseDecimal(line, from: EntryFormat.seqKey.count),
                    matches(line, at: afterSeq, EntryFormat.idKey)
                else { throw EventLogError.corrupt(seq: nil, offset: offset, reason: "the line does not start with seq and id") }
                let idStart = afterSeq + EntryFormat.idKey.count
                var idEnd = idStart
                while idEnd < line.count && line[idEnd] != UInt8(ascii: "\"") { idEnd += 1 }
                let id = String(decoding: UnsafeRawBufferPointer(rebasing: line[idStart..<idEnd]), as: UTF8.self)
                if ids.contains(id) { found[id] = seq }
                return found.count < ids.count
            }
        } catch let error as EventLogError {
            throw error
        } catch {
            throw EventLogError.corrupt(seq: nil, offset: 0, reason: EventLogError.words(for: error))
        }
        return found
    }

    /// The log's header, read from its first entry.
    public func header() throws -> LogHeader { try Self.header(of: file) }

    static func header(of file: OpenFile) throws -> LogHeader {
        let first = try file.read(count: min(EntryFormat.maximumLineBytes, try file.size), at: 0)
        guard let newline = first.firstIndex(of: 0x0A) else {
            throw EventLogError.corrupt(seq: 1, offset: 0, reason: "the log has no complete first entry (an init was interrupted): run 'clearance init' again")
        }
        let entry: LogEntry
        do { entry = try first[..<newline].withUnsafeBytes { (raw) throws -> LogEntry in try LogEntry(line: raw, offset: 0) } } catch let error as FrameError {
            throw EventLogError.corrupt(seq: 1, offset: 0, reason: error.reason)
        }
        return try LogHeader(entry: entry)
    }
}
