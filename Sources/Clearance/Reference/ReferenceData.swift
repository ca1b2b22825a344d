import EventLog

/// The reference data as the log holds it at some point: folded from reference events, so a later
/// correction (a new unit, a moved deadline, an added holiday year) changes what follows it.
public struct ReferenceData: Sendable {
    public private(set) var seed: String?
    public private(set) var weekend: [String] = []
    /// Calendar years by year number; a re-declared year replaces the earlier declaration.
    public private(set) var calendarYears: [Int: JSONValue] = [:]
    public private(set) var units: [String: JSONValue] = [:]
    public private(set) var unitOrder: [String] = []
    public private(set) var stages: [Int: JSONValue] = [:]

    public init() {}

    /// Applies one event; events of other types are ignored.
    public mutating func evolve(type: String, data: JSONValue) {
        switch type {
        case ReferenceEventType.seedLoaded:
            seed = data["id"]?.stringValue
        case ReferenceEventType.calendarDeclared:
            weekend = data["weekend"]?.arrayValue?.compactMap(\.stringValue) ?? []
        case ReferenceEventType.calendarYearDeclared:
            if let year = data["year"]?.intValue { calendarYears[year] = data }
        case ReferenceEventType.unitRegistered:
            if let id = data["id"]?.stringValue {
                if units[id] == nil { unitOrder.append(id) }
                units[id] = data
            }
        case ReferenceEventType.stageScheduled:
            if let number = data["number"]?.intValue { stages[number] = data }
        default:
            break
        }
    }

    /// Folds every reference event of a log (other entries are skipped without parsing their data).
    public static func load(from reader: LogReader) throws -> ReferenceData {
        var reference = ReferenceData()
        try reader.forEachEntry { entry in
            if ReferenceEventType.all.contains(entry.type) { reference.evolve(type: entry.type, data: try entry.data()) }
            return true
        }
        return reference
    }

    /// The working-day calendar these declarations make, or nil when none was declared.
    public func calendar() throws -> WorkingCalendar? {
        guard !calendarYears.isEmpty else { return nil }
        let json = JSONValue.object([
            ("weekend", .array(weekend.map { .string($0) })),
            ("years", .array(calendarYears.keys.sorted().map { calendarYears[$0]! })),
        ])
        return try CalendarSeed.load(json, file: "the log's calendar events")
    }
}
