import EventLog

/// The reference data as the log holds it at some point: folded from reference events, so a later
/// correction (a new unit, a moved deadline, an added holiday year) changes what follows it.
public struct ReferenceData: Sendable {
    /// Every reference event folded so far, in order: what a state snapshot stores to rebuild this.
    public private(set) var declarations: [(type: String, data: JSONValue)] = []
    public private(set) var seed: String?
    public private(set) var weekend: [String] = []
    /// Calendar years by year number; a re-declared year replaces the earlier declaration.
    public private(set) var calendarYears: [Int: JSONValue] = [:]
    public private(set) var units: [String: JSONValue] = [:]
    public private(set) var unitOrder: [String] = []
    public private(set) var stages: [Int: JSONValue] = [:]
    /// Key item id -> the tiers it applies to.
    public private(set) var keyItems: [String: [Int]] = [:]
    /// Exemption basis id -> the rule sets under which it is valid.
    public private(set) var exemptionBases: [String: [String]] = [:]
    /// What a spreadsheet may write for a basis (its id, Chinese or English label) -> the basis id.
    public private(set) var exemptionNames: [String: String] = [:]
    public private(set) var ruleSets: [String: JSONValue] = [:]
    /// The reply outcome rows a request can be answered with.
    public private(set) var outcomeRows: Set<String> = []
    /// The sectors of public enterprises and institutions, with their Chinese names, as declared.
    public private(set) var sectors: [(id: String, name: String)] = []

    public init() {}

    /// Applies one event; events of other types are ignored.
    public mutating func evolve(type: String, data: JSONValue) {
        guard ReferenceEventType.all.contains(type) else { return }
        declarations.append((type, data))
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
        case ReferenceEventType.schemeDeclared:
            for item in data["keyItems"]?.arrayValue ?? [] {
                if let id = item["id"]?.stringValue { keyItems[id] = item["tiers"]?.arrayValue?.compactMap(\.intValue) ?? [] }
            }
        case ReferenceEventType.exemptionBasisDeclared:
            if let id = data["id"]?.stringValue {
                exemptionBases[id] = data["ruleSets"]?.arrayValue?.compactMap(\.stringValue) ?? []
                for name in [id, data["zh"]?.stringValue, data["en"]?.stringValue].compactMap({ $0 }) { exemptionNames[name] = id }
            }
        case ReferenceEventType.ruleSetDeclared:
            if let id = data["id"]?.stringValue { ruleSets[id] = data }
        case ReferenceEventType.requestOutcomesDeclared:
            outcomeRows = Set((data["rows"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
        case ReferenceEventType.sectorsDeclared:
            sectors = (data["sectors"]?.arrayValue ?? []).compactMap { item in
                item["id"]?.stringValue.map { ($0, item["zh"]?.stringValue ?? $0) }
            }
        default:
            break
        }
    }

    /// The rule set in force on `day`: the latest one effective by then, or whose plan period has begun
    /// (the 2007 Regulations are the plan's target from 2007-10-01, before they took effect).
    public func ruleSet(on day: Day) -> (id: String, data: JSONValue)? {
        let candidates = ruleSets.compactMap { id, data -> (String, JSONValue, Day)? in
            let starts = [data["effective"], data["appliesToPlanFrom"]].compactMap { $0?.stringValue.flatMap(Day.init) }
            guard let start = starts.min(), start <= day else { return nil }
            return (id, data, start)
        }
        return candidates.max { $0.2 < $1.2 }.map { ($0.0, $0.1) }
    }

    public func unitTier(_ unit: String) -> Int? { units[unit]?["tier"]?.intValue }

    /// The last creation day of the records a unit must clear in the plan's clearance stage: the
    /// deadline of the stage done by clearing records (`completion: records-cleared`, stage 4). What a
    /// unit holds by then is its backlog; what it creates later is new information, due on its own
    /// publication clock. Nil when no such stage has a deadline: then every record is backlog.
    public var backlogCutoff: Day? {
        let stage = stages.keys.sorted().lazy.compactMap { self.stages[$0] }.first { $0["completion"]?.stringValue == "records-cleared" }
        return stage?["deadline"]?.stringValue.flatMap(Day.init)
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
