import EventLog

/// The records of the state: the ones read or changed since the snapshot, in memory, over the
/// snapshot's records on disk, which are read one at a time when asked for. So a command on a log
/// of a million events reads the few records it touches, not all of them.
public struct RecordTable: Sendable, Equatable {
    private var changed = RecordStore()
    /// The places in `changed` by unit, so one unit's records are found without looking at the others.
    private var changedByUnit: [String: [Int]] = [:]
    private let stored: StoredRecords?

    public init() { stored = nil }

    init(stored: StoredRecords) { self.stored = stored }

    public subscript(id: String) -> RecordState? {
        if let record = changed[id] { return record }
        return stored?.record(id)
    }

    /// A record's status, without copying the record when it is in memory: a rebuild asks for it twice
    /// for every record event of the log.
    public func status(of id: String) -> RecordState.Status? {
        if let status = changed.status(of: id) { return status }
        return stored?.record(id)?.status
    }

    /// Adds a record under its id (`registration.record`), or replaces the one with that id.
    mutating func add(_ record: RecordState) {
        let (place, isNew) = changed.add(record)
        if isNew { changedByUnit[record.registration.unit, default: []].append(place) }
    }

    /// Changes a record in place; false (and nothing changed) for an unknown id.
    @discardableResult
    mutating func update(_ id: String, _ change: (inout RecordState) -> Void) -> Bool {
        if changed.update(id, change) { return true }
        guard var record = stored?.record(id) else { return false }
        change(&record)
        add(record)
        return true
    }

    /// The units that have records.
    public var units: Set<String> {
        var units = Set(changedByUnit.keys)
        if let stored { units.formUnion(stored.unitRanges.keys) }
        return units
    }

    /// Calls `body` with every record of `units` (nil: of every unit), reading only their part of
    /// the snapshot. The order is unspecified, except that, for given `units`, a unit's records come
    /// together.
    public func forEach(inUnits units: Set<String>?, _ body: (RecordState) throws -> Void) rethrows {
        guard let units else {
            if let stored {
                try stored.allRecords().forEach { record in
                    if !changed.contains(record.registration.record) { try body(record) }
                }
            }
            try changed.forEach(body)
            return
        }
        // A unit at a time, so that only one unit's records are in memory (a city has 1.3 million).
        for unit in units {
            if let stored {
                for record in stored.records(ofUnit: unit) where !changed.contains(record.registration.record) { try body(record) }
            }
            for place in changedByUnit[unit] ?? [] { try body(changed[place: place]) }
        }
    }

    /// The summary of each unit's records, for `units` (nil: every unit), with its backlog cut at
    /// `backlogCutoff`; units without records are absent. A unit none of whose records changed since
    /// the snapshot gets the summary the snapshot stored, without reading a record, if it was cut at the
    /// same day (a stage 4 rescheduled since changes the cut); the others are summed from their records.
    /// Records never move between units (an id is registered once), so a unit's changed records are
    /// all it needs to know which stored summaries still hold.
    public func summaries(ofUnits units: Set<String>?, backlogCutoff: Day?) -> [String: UnitRecordSummary] {
        var result: [String: UnitRecordSummary] = [:]
        guard let stored, let storedSummaries = stored.unitSummaries() else {
            for unit in units ?? self.units { result[unit] = summary(ofUnit: unit, backlogCutoff: backlogCutoff) }
            return result
        }
        var touched: Set<String> = []
        for (unit, places) in changedByUnit where !places.isEmpty && units?.contains(unit) != false { touched.insert(unit) }
        for (unit, summary) in storedSummaries where !touched.contains(unit) && units?.contains(unit) != false {
            if summary.backlogCutoff == backlogCutoff { result[unit] = summary } else { touched.insert(unit) }
        }
        for unit in touched { result[unit] = summary(ofUnit: unit, backlogCutoff: backlogCutoff) }
        return result
    }

    /// The summary of one unit's records (nil if it has none), read a unit at a time: the order they
    /// were cleared in is judged among all of a unit's records, and one unit's are few.
    private func summary(ofUnit unit: String, backlogCutoff: Day?) -> UnitRecordSummary? {
        var records: [RecordState] = []
        forEach(inUnits: [unit]) { records.append($0) }
        return records.isEmpty ? nil : UnitRecordSummary(of: records, backlogCutoff: backlogCutoff)
    }

    /// How many records there are (with a snapshot, every stored record is read once to tell).
    public var count: Int {
        guard stored != nil else { return changed.count }
        var count = 0
        forEach(inUnits: nil) { _ in count += 1 }
        return count
    }

    public static func == (l: RecordTable, r: RecordTable) -> Bool {
        guard l.count == r.count else { return false }
        var same = true
        l.forEach(inUnits: nil) { record in same = same && r[record.registration.record] == record }
        return same
    }
}
