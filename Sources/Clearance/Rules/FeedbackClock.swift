/// When feedback must be answered: within the working days the unit's norm sets (`feedbackDays`),
/// from receipt. The one rule every view asks.
public struct FeedbackClock: Sendable, Equatable {
    public let start: Day
    public let workingDays: Int

    /// Nil when the unit has adopted no norm yet (it then sets no time limit).
    public init?(of feedback: FeedbackState, in state: ClearanceState) {
        guard let days = state.norms[feedback.received.unit]?.feedbackDays else { return nil }
        start = feedback.received.at
        workingDays = days
    }

    public func due(on calendar: WorkingCalendar) throws -> Day {
        try calendar.adding(workingDays: workingDays, to: start).due
    }
}
