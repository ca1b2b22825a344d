import Dispatch
import Foundation

/// Checks every validity rule of docs/log-format.md on every entry (envelope, hash, chain, batch framing,
/// data), and optionally an anchor.
///
/// The file is split into one segment per core; each segment is checked on its own thread and the
/// seams are checked afterwards, so the answer (the first bad entry by offset) is the same as a
/// single pass would give.
public enum LogVerifier {
    public struct Report: Sendable {
        public let head: LogHead?
        public let entries: Int
        public let bytes: Int
        public let torn: TornTail?
        /// Signed submissions whose signatures were checked (S1–S6), up to the head.
        public let signedSubmissions: Int
        /// The seq of the mark this check started after (nil: it checked from seq 1).
        public let resumedFrom: Int?
        /// Where this check stopped, for the next one to start from (nil for an empty log).
        public let mark: VerificationMark?
    }

    /// A published `SEQ:HASH` that the log must still hold exactly.
    public struct Anchor: Equatable, Sendable {
        public let seq: Int
        public let hashHex: String

        /// Parses `SEQ:HASH`; nil unless SEQ is a positive integer and HASH 64 lowercase hex digits.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let seq = Int(parts[0]), seq > 0, parts[1].utf8.count == 64,
                parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else { return nil }
            self.seq = seq
            self.hashHex = String(parts[1])
        }
    }

    /// Throws `.corrupt` naming the first bad seq and its byte offset.
    public static func verify(
        directory: String, anchor: Anchor? = nil, threads: Int = activeProcessorCount(), resumingFrom mark: VerificationMark? = nil
    ) throws -> Report {
        let reader: LogReader
        do { reader = try LogReader(directory: directory) } catch EventLogError.corrupt(let seq, let offset, let reason) {
            // The end of the file is damaged; an earlier entry may be too, and the first one counts.
            throw try firstFailure(in: directory, before: offset) ?? EventLogError.corrupt(seq: seq, offset: offset, reason: reason)
        }
        return try verify(reader, anchor: anchor, threads: threads, resumingFrom: mark)
    }

    /// The same, on a log already open (as a rebuild has it). Throws `.corrupt` naming the first bad seq.
    ///
    /// With a `mark` the log still holds (and no anchor, which may lie before it), only the entries
    /// after the mark are checked, their chain continuing from the marked hash.
    public static func verify(
        _ reader: LogReader, anchor: Anchor? = nil, threads: Int = activeProcessorCount(), resumingFrom mark: VerificationMark? = nil
    ) throws -> Report {
        let end = reader.tail.committedEnd
        let mark = anchor == nil ? mark.flatMap { $0.holds(in: reader) ? $0 : nil } : nil
        let start = mark?.end ?? 0
        // More segments than cores, so a faster core takes more of them (this VM's two are unequal).
        let bounds = try segmentBounds(reader, from: start, end: end, count: max(1, threads) * 4)
        let results = ResultSlots<SegmentResult>(count: bounds.count - 1)
        DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { i in
            results[i] = SegmentChecker.check(reader, from: bounds[i], to: bounds[i + 1], anchor: anchor)
        }
        var previous = mark.map { SegmentResult(entries: 1, lastSeq: $0.seq, lastHash: Array($0.hashHex.utf8), lastBatchEnd: $0.seq) }
        var entries = mark?.seq ?? 0
        for result in results.values {
            if let failure = result.seamFailure(after: previous) { throw failure }
            if let failure = result.failure { throw failure }
            entries += result.entries
            if result.entries > 0 { previous = result }
        }
        // Signatures (S1–S6) need the keys in force in log order: one more pass, only where there is
        // something to check.
        var signatures = mark?.signatures ?? SignatureChecker.Resume(keys: [:], lastSigned: [:], signedThrough: 0, submissions: 0, batchEnd: 0)
        if entries > (mark?.seq ?? 0) {
            let header = try reader.header()
            if header.actors == .bound || signatures.submissions > 0 || results.values.contains(where: { $0.signedBlocks > 0 }) {
                var checker = SignatureChecker(header: header, resuming: mark?.signatures)
                try reader.forEachEntry(from: start) { entry in
                    try checker.take(entry)
                    return true
                }
                try checker.finish()
                signatures = checker.resume
            }
        }
        if let anchor, anchor.seq > (reader.tail.head?.seq ?? 0) {
            throw EventLogError.corrupt(
                seq: anchor.seq, offset: end,
                reason: "the log ends at seq \(reader.tail.head?.seq ?? 0), before the anchor's seq: history was cut")
        }
        var next: VerificationMark?
        if let head = try reader.lastEntry() {
            let now = Timestamp.now()
            signatures.batchEnd = head.seq
            next = VerificationMark(
                seq: head.seq, offset: head.offset, end: head.offset + head.line.count + 1, hashHex: head.hashHex, checkedAt: now,
                fullCheckAt: mark?.fullCheckAt ?? now, signatures: signatures)
        }
        return Report(
            head: reader.tail.head, entries: entries, bytes: end, torn: reader.tail.torn, signedSubmissions: signatures.submissions,
            resumedFrom: mark?.seq, mark: next)
    }

    /// The first failure among the complete lines before `offset`, checked in one pass.
    static func firstFailure(in directory: String, before offset: Int) throws -> EventLogError? {
        let file = try OpenFile(path: LogFile.path(in: directory), flags: O_RDONLY)
        let reader = try LogReader(file: file, committedEnd: offset)
        let result = SegmentChecker.check(reader, from: 0, to: offset, anchor: nil)
        return result.seamFailure(after: nil) ?? result.failure
    }

    /// Split points at line starts: `[0, …, end]`.
    static func segmentBounds(_ reader: LogReader, from start: Int = 0, end: Int, count: Int) throws -> [Int] {
        var bounds = [start]
        let minimumSegment = 1 << 20
        guard end - start > minimumSegment * 2 else { return [start, end] }
        for i in 1..<count {
            var point = start + (end - start) / count * i
            let probe = try reader.file.read(count: min(EntryFormat.maximumLineBytes + 1, end - point), at: point)
            guard let newline = probe.firstIndex(of: 0x0A) else { continue }
            point += newline + 1
            if point > bounds.last! && point < end { bounds.append(point) }
        }
        bounds.append(end)
        return bounds
    }

    /// Cores this process may use (a container may offer fewer than the machine has).
    public static func activeProcessorCount() -> Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// What one segment saw: its first and last entries (for the seams) and its first failure.
struct SegmentResult {
    var entries = 0
    var firstSeq = 0
    var firstPrev: [UInt8] = []
    var firstBatchEnd = 0
    var firstOffset = 0
    var lastSeq = 0
    var lastHash: [UInt8] = []
    var lastBatchEnd = 0
    var signedBlocks = 0
    var failure: EventLogError?

    /// The chain rules across the seam between the previous segment's last entry and this one's first.
    func seamFailure(after previous: SegmentResult?) -> EventLogError? {
        guard entries > 0 else { return nil }
        guard let previous else {
            if firstSeq != 1 { return .corrupt(seq: firstSeq, offset: firstOffset, reason: "the first entry must be seq 1") }
            if firstPrev != EntryFormat.zeroHash {
                return .corrupt(seq: firstSeq, offset: firstOffset, reason: "the first entry's prev must be 64 zeros")
            }
            return nil
        }
        return ChainRule.check(
            seq: firstSeq, prev: firstPrev, batchEnd: firstBatchEnd, offset: firstOffset,
            after: (previous.lastSeq, previous.lastHash, previous.lastBatchEnd))
    }
}

/// The rules that tie an entry to the one before it.
enum ChainRule {
    static func check(
        seq: Int, prev: [UInt8], batchEnd: Int, offset: Int, after last: (seq: Int, hash: [UInt8], batchEnd: Int)
    ) -> EventLogError? {
        if seq != last.seq + 1 {
            return .corrupt(seq: seq, offset: offset, reason: "seq follows \(last.seq): expected \(last.seq + 1)")
        }
        if prev != last.hash {
            return .corrupt(seq: seq, offset: offset, reason: "prev does not equal the hash of seq \(last.seq)")
        }
        if last.seq < last.batchEnd, batchEnd != last.batchEnd {
            return .corrupt(seq: seq, offset: offset, reason: "batch ending at seq \(last.batchEnd) is interrupted")
        }
        if batchEnd < seq { return .corrupt(seq: seq, offset: offset, reason: "batchEnd \(batchEnd) is before its seq") }
        return nil
    }
}
