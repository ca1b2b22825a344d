import EventLog

/// How far one unit's records have come, in the figures stage progress is judged by: whether its
/// backlog (the records it held when the clearance stage closed) is cleared, and in what order, and
/// whether every proactive record of that backlog is published, and when the last of them was. The
/// state snapshot stores one per unit, so progress over a city's million records reads 909 of these
/// instead of every record.
public struct UnitRecordSummary: Sendable, Equatable {
    /// The last creation day of the backlog (`ReferenceData.backlogCutoff`); nil: every record is backlog.
    public let backlogCutoff: Day?
    /// Records created on or before `backlogCutoff`.
    public private(set) var backlog = 0
    /// Backlog records with an approval day (every review level they needed approved them).
    public private(set) var backlogCleared = 0
    public private(set) var lastBacklogCleared: Day?
    /// Backlog records cleared while a newer backlog record was still waiting (see `aheadOfNewer`).
    public private(set) var clearedAheadOfNewer = 0
    /// Backlog records classified to be disclosed proactively: what the publishing stage (stage 6)
    /// publishes of what the clearance stage cleared. Later records are on their own 20-working-day
    /// clock, which the funnel checks, so a unit that keeps publishing new ones is not held back.
    public private(set) var backlogProactive = 0
    /// Backlog proactive records with a publication day.
    public private(set) var backlogProactivePublished = 0
    public private(set) var lastBacklogProactivePublished: Day?
    /// Backlog records the publishing stage has nothing more to do with: cleared, and published if
    /// proactive. Stage 6's share is these of the whole `backlog`, so a unit that never classified most
    /// of its records does not read "9 of 9" for the few it published.
    public private(set) var backlogDone = 0

    /// The summary of one unit's records (all of them: the order is judged among them).
    public init(of records: [RecordState], backlogCutoff: Day?) {
        self.backlogCutoff = backlogCutoff
        var backlogDays: [(created: Day, cleared: Day?)] = []
        for record in records {
            guard backlogCutoff.map({ record.registration.created <= $0 }) ?? true else { continue }
            backlogDays.append((record.registration.created, record.approvedOn))
            if let day = record.approvedOn {
                backlogCleared += 1
                lastBacklogCleared = max(lastBacklogCleared ?? day, day)
                if record.classification?.disclosure != .proactive || record.published != nil { backlogDone += 1 }
            }
            guard record.classification?.disclosure == .proactive else { continue }
            backlogProactive += 1
            if let day = record.published {
                backlogProactivePublished += 1
                lastBacklogProactivePublished = max(lastBacklogProactivePublished ?? day, day)
            }
        }
        backlog = backlogDays.count
        clearedAheadOfNewer = Self.aheadOfNewer(backlogDays)
    }

    /// The day the last backlog record was cleared, if every one is (and there is one).
    public var allBacklogCleared: Day? { backlog > 0 && backlogCleared == backlog ? lastBacklogCleared : nil }

    /// The day the backlog was all published: cleared, so every proactive record of it is known, and
    /// each of those published (one with no proactive record has only to be cleared); the later of the
    /// last clearance and the last publication. Nil without a backlog.
    public var allBacklogPublished: Day? {
        guard let cleared = allBacklogCleared, backlogProactivePublished == backlogProactive else { return nil }
        return max(cleared, lastBacklogProactivePublished ?? cleared)
    }

    /// As the snapshot stores it (format 7): `[backlogCutoff, backlog, backlogCleared,
    /// lastBacklogCleared, clearedAheadOfNewer, backlogProactive, backlogProactivePublished,
    /// lastBacklogProactivePublished, backlogDone]`, days as `YYYY-MM-DD` or null.
    var json: JSONValue {
        func day(_ day: Day?) -> JSONValue { day.map { .string($0.description) } ?? .null }
        return .array([
            day(backlogCutoff), .integer(backlog), .integer(backlogCleared), day(lastBacklogCleared), .integer(clearedAheadOfNewer),
            .integer(backlogProactive), .integer(backlogProactivePublished), day(lastBacklogProactivePublished), .integer(backlogDone),
        ])
    }

    /// Nil unless `json` is what `json` writes.
    init?(json: JSONValue) {
        func day(_ value: JSONValue) -> Day?? {
            if value == .null { return .some(nil) }
            return value.stringValue.flatMap(Day.init).map { .some($0) }
        }
        guard let fields = json.arrayValue, fields.count == 9, let backlogCutoff = day(fields[0]), let backlog = fields[1].intValue,
            let backlogCleared = fields[2].intValue, let lastBacklogCleared = day(fields[3]), let aheadOfNewer = fields[4].intValue,
            let proactive = fields[5].intValue, let published = fields[6].intValue, let lastPublished = day(fields[7]),
            let done = fields[8].intValue
        else { return nil }
        backlogDone = done
        self.backlogCutoff = backlogCutoff
        (self.backlog, self.backlogCleared, self.lastBacklogCleared, self.clearedAheadOfNewer) = (backlog, backlogCleared, lastBacklogCleared, aheadOfNewer)
        (self.backlogProactive, self.backlogProactivePublished, self.lastBacklogProactivePublished) = (proactive, published, lastPublished)
    }
}
