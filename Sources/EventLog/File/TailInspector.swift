/// Finds the end of the last complete batch by reading backwards from the end of the file.
///
/// A writer puts a whole batch in one write, so after a crash only a prefix of the last batch can
/// be on disk: whole lines of that batch that are valid and chain correctly, then perhaps a partial
/// line. That is a torn tail. Any other damage near the end (a complete line that breaks a validity
/// rule, lines that do not chain) is corruption and is reported with its seq and offset
/// (docs/log-format.md, "The tail").
/// Only the last batch is examined: checking all of history is `verify`'s job.
enum TailInspector {
    static func inspect(_ file: OpenFile) throws -> LogTail {
        let size = try file.size
        var window = min(size, 64 * 1024)
        while true {
            if let tail = try inspect(file, size: size, window: window) { return tail }
            window = min(size, window * 4)
        }
    }

    /// nil when the window did not reach back far enough to decide.
    private static func inspect(_ file: OpenFile, size: Int, window: Int) throws -> LogTail? {
        let base = size - window
        let bytes = try file.read(count: window, at: base)
        guard bytes.count == window else {
            throw EventLogError.corrupt(seq: nil, offset: base + bytes.count, reason: "the file shrank while being read")
        }
        return try bytes.withUnsafeBytes { (buffer) throws -> LogTail? in
            var lineEnd = window  // exclusive end of the region still unexplained
            // The bytes after the last newline are a partial line (or nothing).
            while lineEnd > 0 && buffer[lineEnd - 1] != 0x0A { lineEnd -= 1 }
            if lineEnd == 0 && base > 0 { return nil }
            var scratch = JSONParser.Scratch()
            var unfinished: [(frame: EntryFrame, offset: Int, prev: [UInt8], hash: [UInt8], header: Bool)] = []
            while lineEnd > 0 {
                let stop = lineEnd - 1  // the newline
                var start = stop
                while start > 0 && buffer[start - 1] != 0x0A { start -= 1 }
                if start == 0 && base > 0 { return nil }
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<stop])
                let offset = base + start
                let frame: EntryFrame
                do { frame = try EntryFrame(line: line) } catch let error as FrameError {
                    throw EventLogError.corrupt(seq: leadingSeq(line), offset: offset, reason: error.reason)
                }
                let envelope: EntryEnvelope
                do { envelope = try EntryEnvelope(line: line, frame: frame) } catch let error as FrameError {
                    throw EventLogError.corrupt(seq: frame.seq, offset: offset, reason: error.reason)
                }
                guard frame.hashMatches(in: line) else {
                    throw EventLogError.corrupt(seq: frame.seq, offset: offset, reason: "its hash does not match its bytes")
                }
                if frame.seq != frame.batchEnd {
                    // A line of the unfinished batch must pass every rule to be torn rather than corrupt.
                    guard line.count <= EntryFormat.maximumLineBytes else {
                        throw EventLogError.corrupt(seq: frame.seq, offset: offset, reason: "the line is longer than \(EntryFormat.maximumLineBytes) bytes")
                    }
                    do { try DataRule.check(line, envelope, scratch: &scratch) } catch let error as FrameError {
                        throw EventLogError.corrupt(seq: frame.seq, offset: offset, reason: error.reason)
                    }
                }
                let prev = Array(line[frame.prevRange])
                let hash = Array(line[frame.hashRange])
                if let later = unfinished.last {
                    guard later.frame.seq == frame.seq + 1, later.prev == hash else {
                        throw EventLogError.corrupt(
                            seq: later.frame.seq, offset: later.offset,
                            reason: "it does not chain onto seq \(frame.seq) before it")
                    }
                    if frame.seq == frame.batchEnd {
                        guard later.frame.batchEnd >= later.frame.seq else {
                            throw EventLogError.corrupt(seq: later.frame.seq, offset: later.offset, reason: "batchEnd before seq")
                        }
                    } else if later.frame.batchEnd != frame.batchEnd {
                        throw EventLogError.corrupt(
                            seq: later.frame.seq, offset: later.offset,
                            reason: "batchEnd \(later.frame.batchEnd) differs from its batch's \(frame.batchEnd)")
                    }
                }
                if frame.seq == frame.batchEnd {
                    let head = LogHead(
                        seq: frame.seq, hashHex: String(decoding: hash, as: UTF8.self),
                        recorded: recordedTime(line) ?? Timestamp(millisecondsSinceEpoch: 0))
                    let committedEnd = base + lineEnd
                    return LogTail(
                        head: head, committedEnd: committedEnd,
                        torn: tornTail(from: committedEnd, size: size, entries: unfinished.count,
                                       firstSeq: unfinished.last?.frame.seq))
                }
                guard frame.batchEnd > frame.seq else {
                    throw EventLogError.corrupt(seq: frame.seq, offset: offset, reason: "batchEnd \(frame.batchEnd) is before its seq")
                }
                let header = line[envelope.type].elementsEqual(EntryFormat.headerType.utf8)
                unfinished.append((frame, offset, prev, hash, header))
                lineEnd = start
            }
            // Reached the start of the file without a complete batch.
            if let first = unfinished.last, first.frame.seq != 1 || first.prev != EntryFormat.zeroHash || !first.header {
                throw EventLogError.corrupt(
                    seq: first.frame.seq, offset: 0, reason: "the first line is not seq 1 of type \(EntryFormat.headerType) chained onto 64 zeros")
            }
            return LogTail(
                head: nil, committedEnd: 0,
                torn: tornTail(from: 0, size: size, entries: unfinished.count, firstSeq: unfinished.last?.frame.seq))
        }
    }

    private static func tornTail(from offset: Int, size: Int, entries: Int, firstSeq: Int?) -> TornTail? {
        offset == size ? nil : TornTail(offset: offset, byteCount: size - offset, completeEntries: entries, firstSeq: firstSeq)
    }

    /// The seq of a damaged line, if its start is still readable, so the error can name it.
    static func leadingSeq(_ line: UnsafeRawBufferPointer) -> Int? {
        guard line.starts(with: EntryFormat.seqKey) else { return nil }
        return parseDecimal(line, from: EntryFormat.seqKey.count)?.0
    }

    private static func recordedTime(_ line: UnsafeRawBufferPointer) -> Timestamp? {
        guard let entry = try? LogEntry(line: line, offset: 0) else { return nil }
        return entry.recorded
    }
}
