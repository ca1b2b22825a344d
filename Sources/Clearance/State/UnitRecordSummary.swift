import EventLog

/// How far one unit's records have come, in the figures stage progress is judged by: whether every
/// record is cleared (approved at every review level) and every proactive one published, and when
/// the last of them was. The state snapshot stores one per unit, so progress over a city's million
/// records reads 909 of these instead of every record.
public struct UnitRecordSummary: Sendable, Equatable {
    public private(set) var records = 0
    /// Records with an approval day (every review level they needed approved them).
    public private(set) var approved = 0
    public private(set) var lastApproved: Day?
    /// Records classified to be disclosed proactively.
    public private(set) var proactive = 0
    /// Proactive records with a publication day.
    public private(set) var proactivePublished = 0
    public private(set) var lastProactivePublished: Day?

    public init() {}

    public mutating func add(_ record: RecordState) {
        records += 1
        if let day = record.approvedOn {
            approved += 1
            lastApproved = max(lastApproved ?? day, day)
        }
        guard record.classification?.disclosure == .proactive else { return }
        proactive += 1
        if let day = record.published {
            proactivePublished += 1
            lastProactivePublished = max(lastProactivePublished ?? day, day)
        }
    }

    /// The day the last record was cleared, if every record is (and there is one).
    public var allCleared: Day? { records > 0 && approved == records ? lastApproved : nil }

    /// The day the last proactive record was published, if every one is (and there is one).
    public var allProactivePublished: Day? { proactive > 0 && proactivePublished == proactive ? lastProactivePublished : nil }

    /// As the snapshot stores it: `[records, approved, lastApproved, proactive, proactivePublished,
    /// lastProactivePublished]`, days as `YYYY-MM-DD` or null.
    var json: JSONValue {
        func day(_ day: Day?) -> JSONValue { day.map { .string($0.description) } ?? .null }
        return .array([
            .integer(records), .integer(approved), day(lastApproved), .integer(proactive), .integer(proactivePublished),
            day(lastProactivePublished),
        ])
    }

    /// Nil unless `json` is what `json` writes.
    init?(json: JSONValue) {
        guard let fields = json.arrayValue, fields.count == 6, let records = fields[0].intValue, let approved = fields[1].intValue,
            let proactive = fields[3].intValue, let proactivePublished = fields[4].intValue
        else { return nil }
        func day(_ value: JSONValue) -> Day?? {
            if value == .null { return .some(nil) }
            return value.stringValue.flatMap(Day.init).map { .some($0) }
        }
        guard let lastApproved = day(fields[2]), let lastProactivePublished = day(fields[5]) else { return nil }
        (self.records, self.approved, self.lastApproved) = (records, approved, lastApproved)
        (self.proactive, self.proactivePublished, self.lastProactivePublished) = (proactive, proactivePublished, lastProactivePublished)
    }
}
