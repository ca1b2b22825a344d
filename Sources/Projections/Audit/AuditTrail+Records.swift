import Clearance
import EventLog

extension AuditTrail {
    /// One event of a record's trail: its audit row (who, in which role then, on which business date)
    /// and the event itself, for what the row does not say (a review's level, an index number).
    public struct RecordStep: Sendable {
        public let row: Row
        public let event: ClearanceEvent
    }

    /// The trail of every record of `unit`, by record id, each in log order, up to `lastSeq`: the rows
    /// `audit --unit UNIT` gives, folded the same way in one pass (so "the roles then" are exact), with
    /// their events. Records of other units are skipped unread, as `audit --unit` skips them.
    public static func recordSteps(ofUnit unit: String, reader: LogReader, through lastSeq: Int) throws -> [String: [RecordStep]] {
        var filter = Filter()
        filter.unit = unit
        var sieve = RecordSieve(filter)
        var state = ClearanceState()
        var steps: [String: [RecordStep]] = [:]
        try reader.forEachEntry { entry in
            if entry.seq > lastSeq { return false }
            if sieve.skips(entry) { return true }
            let item = try prepare(entry)
            guard let row = Self.row(folding: entry, item.decoded, item.prepared, into: &state, filter: filter),
                case .event(let event) = item.decoded, let record = item.prepared.facts.record,
                entry.type.hasPrefix("record.")
            else { return true }
            steps[record, default: []].append(RecordStep(row: row, event: event))
            return true
        }
        return steps
    }
}
