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
    /// Records looked up lately. Bounded: an incremental fold over a long log looks up hundreds of
    /// thousands, and the state keeps each one it changes anyway.
    private var cache = RecentCache<String, RecordState>(limit: 4096)

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
                cache.keep(record, for: id)
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

    private var everyRecord: RecordStore?
    /// The places in `everyRecord` by unit.
    private var everyPlaceByUnit: [String: [Int]] = [:]

    /// Every stored record, read once and kept (listings ask for them again and again).
    func allRecords() -> RecordStore {
        lock.lock()
        defer { lock.unlock() }
        if let everyRecord { return everyRecord }
        var all = RecordStore()
        // One copy of each unit's and person's name for all their records, as the fold keeps them
        // (`ClearanceState.evolve`): each line decodes its own, a few hundred megabytes for a city.
        var names: [String: String] = [:]
        func shared(_ name: String) -> String {
            if let known = names[name] { return known }
            names[name] = name
            return name
        }
        forEachRecord(in: recordsStart..<indexStart) { record in
            var record = record
            record.registration.unit = shared(record.registration.unit)
            record.registeredBy = shared(record.registeredBy)
            record.classifiedBy = record.classifiedBy.map(shared)
            record.firstApprovedBy = record.firstApprovedBy.map(shared)
            everyPlaceByUnit[record.registration.unit, default: []].append(all.add(record).place)
        }
        everyRecord = all
        return all
    }

    /// The stored records of `unit`: only its lines are read, unless every record already was.
    func records(ofUnit unit: String) -> [RecordState] {
        lock.lock()
        defer { lock.unlock() }
        if let everyRecord { return (everyPlaceByUnit[unit] ?? []).map { everyRecord[place: $0] } }
        return unitRanges[unit].map(decodeLines) ?? []
    }

    /// The records whose lines fill `range`, in order (a line that cannot be decoded is skipped: the
    /// snapshot wrote it, so only damage to the file can cause that).
    private func decodeLines(in range: Range<Int>) -> [RecordState] {
        var found: [RecordState] = []
        forEachRecord(in: range) { found.append($0) }
        return found
    }

    /// Calls `body` with each record whose line lies in `range`, reading a few megabytes at a time:
    /// the records of a city take most of a gigabyte.
    private func forEachRecord(in range: Range<Int>, _ body: (RecordState) -> Void) {
        var position = range.lowerBound
        var carry: [UInt8] = []
        while position < range.upperBound {
            guard let chunk = file.bytes(at: position, count: min(8 << 20, range.upperBound - position)), !chunk.isEmpty else { return }
            position += chunk.count
            carry += chunk
            let atEnd = position >= range.upperBound
            let used = carry.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                var start = 0
                while start < buffer.count {
                    guard let newline = memchr(base + start, 0x0A, buffer.count - start) else {
                        if !atEnd { return start }
                        break
                    }
                    let end = base.distance(to: newline)
                    if let decoded = StateCodec.decodeRecordLine(UnsafeRawBufferPointer(rebasing: buffer[start..<end])) { body(decoded.record) }
                    start = end + 1
                }
                return buffer.count
            }
            carry.removeFirst(used)
        }
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
