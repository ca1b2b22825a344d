import Clearance

/// Requests to answer by the day `RequestClock` says (the day `request list` shows). Not one that
/// awaits the applicant's correction, nor one that counts as withdrawn: the next step is not the
/// unit's. Named by id and unit only, as the applicant is a person.
public struct RequestWork: WorkSource {
    public init() {}

    public func collect(_ scope: WorkScope, _ deadlines: inout WorkDeadlines, into items: inout [WorkItem]) {
        for (id, request) in scope.state.requests where scope.contains(request.received.unit) {
            let clock = RequestClock(of: request, in: scope.state, on: scope.day)
            guard case .running = clock.standing else { continue }
            let due = clock.workingDays.map { deadlines.due(clock.start, plus: $0) } ?? .none
            items.append(WorkItem(kind: .request, id: id, unit: request.received.unit, title: "", task: .answer, due: due))
        }
    }
}
