import EventLog

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
    /// the snapshot. The order is unspecified, except that a unit's records come together.
    public func forEach(inUnits units: Set<String>?, _ body: (RecordState) throws -> Void) rethrows {
        guard let units else {
            if let stored {
                for (id, record) in stored.allRecords() where changed[id] == nil { try body(record) }
            }
            for record in changed.values { try body(record) }
            return
        }
        // A unit at a time, so that only one unit's records are in memory (a city has 1.3 million).
        for unit in units {
            if let stored {
                for (id, record) in stored.records(ofUnit: unit) where changed[id] == nil { try body(record) }
            }
            for id in changedByUnit[unit] ?? [] {
                if let record = changed[id] { try body(record) }
            }
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
            var byUnit: [String: [RecordState]] = [:]
            forEach(inUnits: units) { byUnit[$0.registration.unit, default: []].append($0) }
            return byUnit.mapValues { UnitRecordSummary(of: $0, backlogCutoff: backlogCutoff) }
        }
        var touched: Set<String> = []
        for (unit, ids) in changedByUnit where !ids.isEmpty && units?.contains(unit) != false { touched.insert(unit) }
        for (unit, summary) in storedSummaries where !touched.contains(unit) && units?.contains(unit) != false {
            if summary.backlogCutoff == backlogCutoff { result[unit] = summary } else { touched.insert(unit) }
        }
        // A unit at a time: the order is judged among all of a unit's records, and one unit's are few.
        for unit in touched {
            var records: [RecordState] = []
            forEach(inUnits: [unit]) { records.append($0) }
            if !records.isEmpty { result[unit] = UnitRecordSummary(of: records, backlogCutoff: backlogCutoff) }
        }
        return result
    }

    public var count: Int { all.count }

    public static func == (l: RecordTable, r: RecordTable) -> Bool { l.all == r.all }
}
