import Clearance

/// Inspection findings still open on the day, to remedy by the day the inspector set.
public struct FindingWork: WorkSource {
    public init() {}

    public func collect(_ scope: WorkScope, _ deadlines: inout WorkDeadlines, into items: inout [WorkItem]) {
        for finding in scope.state.supervision.findings() where finding.isOpen(on: scope.day) && scope.contains(finding.found.unit) {
            let found = finding.found
            items.append(WorkItem(kind: .finding, id: found.finding, unit: found.unit, title: found.about, task: .remedy, due: .on(found.remedyBy)))
        }
    }
}
