import EventLog

/// One stage of the plan (a `stage.scheduled` event; stages.json): its deadline, whom it applies to,
/// and how a unit's completion is read off the log.
public struct Stage: Sendable, Equatable {
    /// How a unit completes the stage.
    public enum Completion: String, Sendable, CaseIterable {
        /// The general office records it (a milestone, or a training held).
        case milestone
        /// The unit adopts its classification norm (stage 2).
        case normAdopted = "norm-adopted"
        /// Every record of the unit's backlog is classified and approved (stage 4).
        case recordsCleared = "records-cleared"
        /// That backlog cleared, its proactive records published, the unit's guide complete (stage 6).
        case recordsPublished = "records-published"
    }

    public let number: Int
    public let title: String
    public let deadline: Day?
    /// The units named responsible (the general office, the information office…).
    public let responsible: [String]
    /// Whether the stage asks every unit, or only those responsible.
    public let appliesToEveryUnit: Bool
    public let completion: Completion
    /// The event's data as declared, for `stage list --json` and `stage reschedule`.
    public let data: JSONValue

    /// Nil without a number; an unknown completion reads as a milestone (recorded by the office).
    init?(_ data: JSONValue) {
        guard let number = data["number"]?.intValue else { return nil }
        self.number = number
        title = data["zh"]?.stringValue ?? ""
        deadline = data["deadline"]?.stringValue.flatMap(Day.init)
        responsible = data["responsible"]?.arrayValue?.compactMap(\.stringValue) ?? []
        appliesToEveryUnit = data["appliesTo"]?.stringValue == "every-unit"
        completion = data["completion"]?.stringValue.flatMap(Completion.init) ?? .milestone
        self.data = data
    }
}
