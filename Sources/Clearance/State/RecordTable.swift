import EventLog
import Foundation

/// The records of the state: the ones read or changed since the snapshot, in memory, over the
/// snapshot's records on disk, which are read one at a time when asked for. So a command on a log
/// of a million events reads the few records it touches, not all of them.
public struct RecordTable: Sendable, Equatable {
    private var changed: [String: RecordState] = [:]
    /// The ids in `changed` by unit, so one unit's records are found without looking at the others.
    private var changedByUnit: [String: [String]] = [:]
    private let stored: StoredRecords?

    public init() { stored = nil }

    init(stored: StoredRecords) { self.stored = stored }

    public subscript(id: String) -> RecordState? {
        get {
            if let record = changed[id] { return record }
            return stored?.record(id)
        }
        set {
            guard let newValue else {
                changed[id] = nil
                return
            }
            if changed.updateValue(newValue, forKey: id) == nil { changedByUnit[newValue.registration.unit, default: []].append(id) }
        }
    }

    /// Changes a record in place; false (and nothing changed) for an unknown id.
    @discardableResult
    mutating func update(_ id: String, _ change: (inout RecordState) -> Void) -> Bool {
        if let index = changed.index(forKey: id) {
            change(&changed.values[index])
        } else if var record = stored?.record(id) {
            change(&record)
            self[id] = record
        } else {
            return false
        }
        return true
    }

    /// Every record (reads the whole snapshot once: for listings, not for rules).
    public var all: [String: RecordState] {
        guard let stored else { return changed }
        return stored.allRecords().merging(changed) { _, new in new }
    }

    /// Calls `body` with every record of `units` (nil: of every unit), reading only their part of
    /// the snapshot. The order is unspecified.
    public func forEach(inUnits units: Set<String>?, _ body: (RecordState) throws -> Void) rethrows {
        guard let units else {
            if let stored {
                for (id, record) in stored.allRecords() where changed[id] == nil { try body(record) }
            }
            for record in changed.values { try body(record) }
            return
        }
        if let stored {
            for (id, record) in stored.records(ofUnits: units) where changed[id] == nil { try body(record) }
        }
        for unit in units {
            for id in changedByUnit[unit] ?? [] {
                if let record = changed[id] { try body(record) }
            }
        }
    }

    public var count: Int { all.count }

    public static func == (l: RecordTable, r: RecordTable) -> Bool { l.all == r.all }
}

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
    private let lock = NSLock()
    private var cache: [String: RecordState] = [:]

    init(file: FileHandle, recordsStart: Int, indexStart: Int, slots: Int, unitRanges: [String: Range<Int>]) {
        (self.file, self.recordsStart, self.indexStart, self.slots, self.unitRanges) = (file, recordsStart, indexStart, slots, unitRanges)
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
            guard let entry = readSlot(file, slot), entry.offset != 0 else { return nil }
            if entry.hash == hash, let line = readLine(file, at: Int(entry.offset) - 1),
                let json = try? JSONParser.parse(line), let (found, record) = try? StateCodec.decodeRecord(json), found == id
            {
                cache[id] = record
                return record
            }
            slot = (slot + 1) % slots
        }
        return nil
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

    /// The stored records of these units: only their lines are read, unless every record already was.
    func records(ofUnits units: Set<String>) -> [String: RecordState] {
        lock.lock()
        defer { lock.unlock() }
        if let everyRecord {
            var found: [String: RecordState] = [:]
            for unit in units {
                for id in everyIDByUnit[unit] ?? [] { found[id] = everyRecord[id] }
            }
            return found
        }
        var found: [String: RecordState] = [:]
        for unit in units {
            guard let range = unitRanges[unit] else { continue }
            found.merge(decodeLines(in: range)) { _, new in new }
        }
        return found
    }

    private func readAll() -> [String: RecordState] {
        if let everyRecord { return everyRecord }
        let all = decodeLines(in: recordsStart..<indexStart)
        for (id, record) in all { everyIDByUnit[record.registration.unit, default: []].append(id) }
        everyRecord = all
        return all
    }

    private func decodeLines(in range: Range<Int>) -> [String: RecordState] {
        try? file.seek(toOffset: UInt64(range.lowerBound))
        let data = (try? file.read(upToCount: range.count)) ?? Data()
        var found: [String: RecordState] = [:]
        for line in Array(data).split(separator: 0x0A) {
            if let json = try? JSONParser.parse(Array(line)), let (id, record) = try? StateCodec.decodeRecord(json) { found[id] = record }
        }
        return found
    }

    private func readSlot(_ file: FileHandle, _ slot: Int) -> (hash: UInt64, offset: UInt64)? {
        try? file.seek(toOffset: UInt64(indexStart + slot * 16))
        guard let bytes = try? file.read(upToCount: 16), bytes.count == 16 else { return nil }
        let words = bytes.withUnsafeBytes { ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
        return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
    }

    private func readLine(_ file: FileHandle, at offset: Int) -> [UInt8]? {
        try? file.seek(toOffset: UInt64(offset))
        var line: [UInt8] = []
        while line.count < EntryFormat.maximumLineBytes * 4 {
            guard let chunk = try? file.read(upToCount: 4096), !chunk.isEmpty else { break }
            if let newline = chunk.firstIndex(of: 0x0A) {
                line.append(contentsOf: chunk[chunk.startIndex..<newline])
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
