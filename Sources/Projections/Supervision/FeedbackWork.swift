import Clearance

/// The public's feedback to answer, within the days the unit's norm sets (`FeedbackClock`). Named by
/// id and unit only: what the public wrote may name a person.
public struct FeedbackWork: WorkSource {
    public init() {}

    public func collect(_ scope: WorkScope, _ deadlines: inout WorkDeadlines, into items: inout [WorkItem]) {
        for (id, feedback) in scope.state.feedback where feedback.answered == nil && scope.contains(feedback.received.unit) {
            let due = FeedbackClock(of: feedback, in: scope.state).map { deadlines.due($0.start, plus: $0.workingDays) } ?? .none
            items.append(WorkItem(kind: .feedback, id: id, unit: feedback.received.unit, title: "", task: .answer, due: due))
        }
    }
}
