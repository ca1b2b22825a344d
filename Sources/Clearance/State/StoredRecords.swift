import EventLog
import Foundation

/// The records section of a state snapshot file, looked up through its hash index.
///
/// It keeps the file open: a newer snapshot renamed over it meanwhile does not change what it reads.
final class StoredRecords: @unchecked Sendable {
    private let file: FileHandle
    let recordsStart: Int
    let indexStart: Int
    let slots: Int
    /// Where each unit's record lines lie (records are stored grouped by unit).
    let unitRanges: [String: Range<Int>]
    /// Where the line of each unit's `UnitRecordSummary` starts (it runs to the end of the file).
    let summariesStart: Int
    private let lock = NSLock()
    private var cache: [String: RecordState] = [:]

    init(file: FileHandle, recordsStart: Int, indexStart: Int, slots: Int, unitRanges: [String: Range<Int>], summariesStart: Int) {
        (self.file, self.recordsStart, self.indexStart, self.slots) = (file, recordsStart, indexStart, slots)
        (self.unitRanges, self.summariesStart) = (unitRanges, summariesStart)
    }

    deinit { try? file.close() }

    func record(_ id: String) -> RecordState? {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[id] { return hit }
        guard slots > 0 else { return nil }
        let hash = SnapshotHash.of(id)
        var slot = Int(hash % UInt64(slots))
        for _ in 0..<slots {
            guard let entry = readSlot(slot), entry.offset != 0 else { return nil }
            if entry.hash == hash, let line = readLine(at: Int(entry.offset) - 1),
                let (found, record) = line.withUnsafeBytes(StateCodec.decodeRecordLine), found == id
            {
                cache[id] = record
                return record
            }
            slot = (slot + 1) % slots
        }
        return nil
    }

    private var summaries: [String: UnitRecordSummary]?

    /// The summary of each unit's stored records (units without any are absent), read once; nil if
    /// they cannot be read, so the caller reads the records instead.
    func unitSummaries() -> [String: UnitRecordSummary]? {
        lock.lock()
        defer { lock.unlock() }
        if let summaries { return summaries }
        guard let size = try? file.seekToEnd(), let line = file.bytes(at: summariesStart, count: Int(size) - summariesStart),
            line.last == 0x0A, case .object(let members)? = try? JSONParser.parse(Array(line.dropLast()))
        else { return nil }
        var read: [String: UnitRecordSummary] = [:]
        for (unit, json) in members {
            guard let summary = UnitRecordSummary(json: json) else { return nil }
            read[unit] = summary
        }
        summaries = read
        return read
    }

    private var everyRecord: [String: RecordState]?
    /// The ids of `everyRecord` by unit (ids, not copies: a city's records are hundreds of megabytes).
    private var everyIDByUnit: [String: [String]] = [:]

    /// Every stored record, read once and kept (listings ask for them again and again).
    func allRecords() -> [String: RecordState] {
        lock.lock()
        defer { lock.unlock() }
        return readAll()
    }

    /// The stored records of `unit`, with their ids: only its lines are read, unless every record
    /// already was.
    func records(ofUnit unit: String) -> [(id: String, record: RecordState)] {
        lock.lock()
        defer { lock.unlock() }
        if let everyRecord { return (everyIDByUnit[unit] ?? []).compactMap { id in everyRecord[id].map { (id, $0) } } }
        return unitRanges[unit].map(decodeLines) ?? []
    }

    private func readAll() -> [String: RecordState] {
        if let everyRecord { return everyRecord }
        let lines = decodeLines(in: recordsStart..<indexStart)
        var all: [String: RecordState] = [:]
        all.reserveCapacity(lines.count)
        for (id, record) in lines {
            all[id] = record
            everyIDByUnit[record.registration.unit, default: []].append(id)
        }
        everyRecord = all
        return all
    }

    /// The records whose lines fill `range` (a line that cannot be decoded is skipped: the snapshot
    /// wrote it, so only damage to the file can cause that).
    private func decodeLines(in range: Range<Int>) -> [(id: String, record: RecordState)] {
        guard let bytes = file.bytes(at: range.lowerBound, count: range.count) else { return [] }
        var found: [(id: String, record: RecordState)] = []
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let end = memchr(base + start, 0x0A, buffer.count - start).map { base.distance(to: $0) } ?? buffer.count
                if let decoded = StateCodec.decodeRecordLine(UnsafeRawBufferPointer(rebasing: buffer[start..<end])) { found.append(decoded) }
                start = end + 1
            }
        }
        return found
    }

    private func readSlot(_ slot: Int) -> (hash: UInt64, offset: UInt64)? {
        guard let bytes = file.bytes(at: indexStart + slot * 16, count: 16) else { return nil }
        let words = bytes.withUnsafeBytes { ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
    }

    private func readLine(at offset: Int) -> [UInt8]? {
        var line: [UInt8] = []
        while line.count < EntryFormat.maximumLineBytes * 4 {
            let chunk = file.bytes(at: offset + line.count, count: 4096, orFewer: true) ?? []
            guard !chunk.isEmpty else { break }
            if let newline = chunk.firstIndex(of: 0x0A) {
                line.append(contentsOf: chunk[..<newline])
                return line
            }
            line.append(contentsOf: chunk)
        }
        return line.isEmpty ? nil : line
    }
}

/// FNV-1a, 64 bits: the snapshot index's hash of a record id (stable across runs, unlike `Hasher`).
enum SnapshotHash {
    static func of(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
