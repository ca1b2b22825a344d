import Clearance
import EventLog

/// Which record events a filtered audit trail may skip unread. A record event changes only its own
/// record, so one record's trail (`--record R`) needs only R's events besides the others (roles, norms),
/// and one unit's trail (`--unit U`) only the events of records registered in U. Skipping the rest
/// spares decoding and folding almost every entry of a city's log.
///
/// Records are told apart by their data's bytes as the log stores every entry's data (`JSONWriter`:
/// no spaces, one member each): the `"record":` member's string, and at registration the `"unit":` one.
/// An entry whose record it cannot read is never skipped.
struct RecordSieve {
    /// `"R"` as stored, for one record's trail.
    private let record: [UInt8]?
    /// `"unit":"U"` as stored, and the records registered with it so far, for one unit's trail.
    private let unitMember: [UInt8]?
    private var unitRecords: Set<[UInt8]> = []

    init(_ filter: AuditTrail.Filter) {
        record = filter.record.map { JSONWriter.bytes(.string($0)) }
        unitMember = filter.unit.map { Array(#""unit":"#.utf8) + JSONWriter.bytes(.string($0)) }
    }

    /// Whether the trail can leave `entry` out without folding it.
    mutating func skips(_ entry: LogEntry) -> Bool {
        guard record != nil || unitMember != nil, entry.type.hasPrefix("record."),
            let id = Self.recordString(in: entry.dataBytes)
        else { return false }
        if let record { return id != record }
        guard let unitMember else { return false }
        if entry.type == RecordRegistered.type {
            guard Self.find(unitMember, in: entry.dataBytes) != nil else { return true }
            unitRecords.insert(id)
            return false
        }
        return !unitRecords.contains(id)
    }

    /// The `"record":` member's value, quotes and escapes as stored; nil if there is none.
    static func recordString(in data: ArraySlice<UInt8>) -> [UInt8]? {
        let key = Array(#""record":""#.utf8)
        guard let at = find(key, in: data) else { return nil }
        let start = at + key.count - 1  // the opening quote
        var index = start + 1
        while index < data.endIndex {
            switch data[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return Array(data[start...index])
            default: index += 1
            }
        }
        return nil
    }

    /// Where `part` first starts in `bytes`, if anywhere.
    static func find(_ part: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = part.first, bytes.count >= part.count else { return nil }
        let lastStart = bytes.endIndex - part.count
        var from = bytes.startIndex
        while from <= lastStart, let found = bytes[from...lastStart].firstIndex(of: first) {
            if bytes[found..<found + part.count].elementsEqual(part) { return found }
            from = found + 1
        }
        return nil
    }
}
