import Clearance

/// One thing waiting for someone at a unit (督办): a record to classify, review or publish, feedback
/// or a request to answer, an inspection finding to remedy; with the day it is due and how urgent it
/// is on the worklist's day. Found by a `WorkSource`, judged and ordered by `Worklist`.
public struct WorkItem: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case record, feedback, request, finding, report }

    /// What is to be done, and so the role that does it.
    public enum Task: String, Sendable, CaseIterable {
        case classify, review, publish, answer, remedy
        /// An annual report: filed with the general office, then published.
        case file, publishReport = "publish-report"

        public var role: Role {
            switch self {
            case .classify, .answer, .remedy, .file, .publishReport: .clerk
            case .review: .reviewer
            case .publish: .publisher
            }
        }
    }

    /// When it is due: a day; a day the calendar cannot tell yet (the text says why, e.g. `unknown
    /// until the 2027 notice (…)`); or no time limit at all (no rule set, no norm, not published).
    public enum Due: Sendable, Equatable {
        case on(Day)
        case unknown(String)
        case none

        public var day: Day? {
            if case .on(let day) = self { return day }
            return nil
        }

        /// Known days first, earliest first; then the unknown, then those with no time limit.
        func precedes(_ other: Due) -> Bool? {
            switch (self, other) {
            case (.on(let a), .on(let b)): a == b ? nil : a < b
            case (.on, _): true
            case (_, .on): false
            case (.unknown, .none): true
            case (.none, .unknown): false
            default: nil
            }
        }
    }

    /// How it stands on the worklist's day: past its due day, due within the warning's working days
    /// (the reminder a disclosure platform sends), or neither.
    public enum Status: String, Sendable, CaseIterable {
        case overdue
        case dueSoon = "due-soon"
        case pending
    }

    public let kind: Kind
    /// The record, feedback, request or finding id.
    public let id: String
    public let unit: String
    /// A record's title; for the public's feedback and requests only what names no one (the record
    /// it is about, the day received); for a finding, what the inspector found.
    public let title: String
    public let task: Task
    /// The review level due next, and the levels the record's class asks for (reviews only).
    public let level: Int?
    public let levels: Int?
    public let due: Due
    /// Who may not do it although their role would let them: who classified the record may not
    /// review it, who approved its first level may not give the second (separation of duties).
    public let notBy: [String]
    public internal(set) var status: Status = .pending

    public init(
        kind: Kind, id: String, unit: String, title: String, task: Task, level: Int? = nil, levels: Int? = nil, due: Due,
        notBy: [String] = []
    ) {
        (self.kind, self.id, self.unit, self.title, self.task) = (kind, id, unit, title, task)
        (self.level, self.levels, self.due, self.notBy) = (level, levels, due, notBy)
    }

    /// Whether `person` may do it: holds its role for its unit and is not barred from it.
    public func mayBeDone(by person: String, in state: ClearanceState) -> Bool {
        state.holds(person, task.role, for: unit) && !notBy.contains(person)
    }
}
