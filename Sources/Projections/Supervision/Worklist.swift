import Clearance

/// What waits for a person or at a unit as of a day, ordered by due day (督办): every `WorkSource`'s
/// items, each judged overdue, due soon or pending on the day by one rule, in working days.
///
/// For a person, only what their roles let them do, in the units they hold the roles for, and not
/// what the separation of duties keeps from them (`WorkItem.mayBeDone(by:in:)`). Pure: the state and
/// the day in, the items out. The log's state is judged as it stands (a record published after the
/// day is not waiting); a view of what had been recorded by a time is a state loaded as of it.
public struct Worklist: Sendable {
    /// Every kind of item, in one place: a new kind (reports to file, say) is one more source here.
    public static let sources: [any WorkSource] = [RecordWork(), FeedbackWork(), RequestWork(), FindingWork(), ReportWork()]

    /// A unit's items, counted by status.
    public struct UnitCount: Sendable, Equatable {
        public let unit: String
        public let name: String
        public var items = 0, overdue = 0, dueSoon = 0

        public var pending: Int { items - overdue - dueSoon }
    }

    public let day: Day
    /// Working days before its due day from which an item is due soon.
    public let warn: Int
    /// By due day (known days first, then the unknown, then those with no time limit), then unit and id.
    public let items: [WorkItem]
    /// The units with items, those with the most overdue first, then the most due soon, then by id.
    public let units: [UnitCount]
    private let names: [String: String]

    /// The worklist of `units` (nil: every unit), narrowed to what `actor` may do if one is named.
    public init(
        state: ClearanceState, units: Set<String>?, for actor: String? = nil, on day: Day, warn: Int = 3,
        sources: [any WorkSource] = Worklist.sources
    ) {
        self.day = day
        self.warn = warn
        var scope = units
        if let actor, let acting = Self.actingUnits(of: actor, in: state) {
            scope = scope.map { $0.intersection(acting) } ?? acting
        }
        let calendar = try? state.reference.calendar()
        var deadlines = WorkDeadlines(calendar: calendar)
        var items: [WorkItem] = []
        for source in sources { source.collect(WorkScope(state: state, units: scope, day: day), &deadlines, into: &items) }
        if let actor { items.removeAll { !$0.mayBeDone(by: actor, in: state) } }

        // Each due day is judged once: a city's items share a few hundred.
        var judged: [Day: WorkItem.Status] = [:]
        var counts: [String: UnitCount] = [:]
        for index in items.indices {
            let item = items[index]
            if let due = item.due.day {
                let status = judged[due] ?? Self.status(of: due, on: day, warn: warn, calendar: calendar)
                judged[due] = status
                items[index].status = status
            }
            var count = counts[item.unit] ?? UnitCount(unit: item.unit, name: state.reference.units[item.unit]?.name ?? item.unit)
            count.items += 1
            switch items[index].status {
            case .overdue: count.overdue += 1
            case .dueSoon: count.dueSoon += 1
            case .pending: break
            }
            counts[item.unit] = count
        }
        items.sort { a, b in a.due.precedes(b.due) ?? ((a.unit, a.id, a.task.rawValue) < (b.unit, b.id, b.task.rawValue)) }
        self.items = items
        self.units = counts.values.sorted { a, b in (b.overdue, b.dueSoon, a.unit) < (a.overdue, a.dueSoon, b.unit) }
        names = counts.mapValues(\.name)
    }

    /// The name of a unit with items (its id for one the reference data does not name).
    public func name(of unit: String) -> String { names[unit] ?? unit }

    /// Overdue the day after its due day; due soon from `warn` working days before it (0: on the day
    /// itself); pending before that, or when the calendar cannot count the days between.
    static func status(of due: Day, on day: Day, warn: Int, calendar: WorkingCalendar?) -> WorkItem.Status {
        if day > due { return .overdue }
        guard let left = try? calendar?.workingDays(after: day, through: due) else { return .pending }
        return left <= warn ? .dueSoon : .pending
    }

    /// The units `person` acts for in some role (nil: every unit), to walk only their records; which
    /// item each role may take is `WorkItem.mayBeDone`'s to say.
    static func actingUnits(of person: String, in state: ClearanceState) -> Set<String>? {
        guard let held = state.roles[person] else { return [] }
        if held[.generalOffice] != nil { return nil }
        var units: Set<String> = []
        for role in WorkItem.Task.allCases.map(\.role) {
            guard let these = held[role] else { continue }
            if these.isEmpty { return nil }  // held everywhere
            units.formUnion(these)
        }
        return units
    }

    /// Whether `person` holds a role that acts on items (an auditor's only reads).
    public static func acts(_ person: String, in state: ClearanceState) -> Bool {
        guard let held = state.roles[person] else { return false }
        return held[.generalOffice] != nil || WorkItem.Task.allCases.contains { held[$0.role] != nil }
    }
}
