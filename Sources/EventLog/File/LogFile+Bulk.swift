import Dispatch

extension LogFile {
    /// Appends a stream of batches for a bulk load, holding the lock throughout. Each batch is
    /// atomic and `fdatasync`ed before the next is written, exactly as successive `append` calls
    /// would leave the file, but the next batch is encoded while the previous one is being written
    /// and synced. Ids are generated (`ev-<seq>`): explicit ids are refused, as the log is not
    /// searched for them.
    ///
    /// `acknowledged` is called with the head after each batch is durable. On an error, every batch
    /// acknowledged before it stays and nothing of the failing batch does.
    @discardableResult
    public func appendBulk<Batches: Sequence>(
        _ batches: Batches, acknowledged: (LogHead) -> Void = { _ in }
    ) throws -> LogHead? where Batches.Element == [NewEntry] {
        try file.lockExclusive()
        defer { file.unlock() }
        var tail = try TailInspector.inspect(file)
        if let torn = tail.torn {
            _ = try quarantine(torn)
            tail = LogTail(head: tail.head, committedEnd: tail.committedEnd, torn: nil)
        }
        var head = tail.head
        var end = tail.committedEnd
        var encoder = EntryEncoder(afterSeq: head?.seq ?? 0, hashHex: head.map { Array($0.hashHex.utf8) } ?? EntryFormat.zeroHash)
        let writer = PipelinedWriter(file: file)
        var spare: [UInt8] = []
        var pending: LogHead?
        for batch in batches {
            guard !batch.isEmpty else { continue }
            guard batch.count <= Self.maximumBatchEntries else {
                throw EventLogError.invalidEntry(index: Self.maximumBatchEntries, reason: "a batch holds at most \(Self.maximumBatchEntries) events")
            }
            for (index, entry) in batch.enumerated() {
                try Self.validate(entry, index: index)
                if entry.id != nil { throw EventLogError.invalidEntry(index: index, reason: "a bulk load generates ids: leave id out") }
            }
            let firstSeq = encoder.nextSeq
            let batchEnd = firstSeq + batch.count - 1
            let stamp = nextTime(after: head)
            var bytes = spare
            bytes.removeAll(keepingCapacity: true)
            let lengths = BatchEncoder.encode(
                batch, ids: (firstSeq...batchEnd).map(Self.generatedID(seq:)), firstSeq: firstSeq, recorded: stamp.iso8601,
                batchEnd: batchEnd, encoder: &encoder, into: &bytes)
            if let tooLong = lengths.firstIndex(where: { $0 > EntryFormat.maximumLineBytes }) {
                throw EventLogError.invalidEntry(index: tooLong, reason: "the entry is longer than \(EntryFormat.maximumLineBytes) bytes")
            }
            // Waits for the previous batch to be durable, then starts writing this one.
            spare = try writer.submit(bytes, at: end)
            if let pending { acknowledged(pending) }
            end += bytes.count
            head = LogHead(seq: batchEnd, hashHex: String(decoding: encoder.prevHex, as: UTF8.self), recorded: stamp)
            pending = head
        }
        try writer.finish()
        if let pending { acknowledged(pending) }
        return head
    }
}

/// Writes one batch at a time on a background queue, so the caller can encode the next meanwhile.
/// A failed write is truncated away (as `LogFile.write` does) and reported by the next call.
private final class PipelinedWriter: @unchecked Sendable {
    private let file: OpenFile
    private let queue = DispatchQueue(label: "clearance.log.writer")
    private let idle = DispatchSemaphore(value: 1)
    private var failure: EventLogError?
    private var written: [UInt8] = []

    init(file: OpenFile) { self.file = file }

    /// Starts writing `bytes` at `offset` once the previous batch is durable; returns that previous
    /// batch's buffer for reuse. Throws the previous batch's failure, if any.
    func submit(_ bytes: [UInt8], at offset: Int) throws -> [UInt8] {
        idle.wait()
        if let failure {
            idle.signal()
            throw failure
        }
        let previous = written
        written = []  // so the caller's reuse of the buffer does not copy it
        queue.async { [self] in
            do {
                try file.writeAll(bytes, at: offset)
                try file.syncData()
            } catch {
                try? file.truncate(to: offset)
                try? file.syncData()
                failure = error as? EventLogError ?? .io(operation: "write", path: file.path, message: EventLogError.words(for: error))
            }
            written = bytes
            idle.signal()
        }
        return previous
    }

    /// Waits for the last batch to be durable; throws its failure, if any.
    func finish() throws {
        idle.wait()
        defer { idle.signal() }
        if let failure { throw failure }
    }
}
