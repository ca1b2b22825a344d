import Clearance

/// Records still on their way: to classify (registered, or returned at review), to review at the
/// level due next, to publish (approved proactive). Each is due by its publication deadline
/// (`PublicationClock`); one still to classify by the deadline it has if found proactive. A record
/// under review that will not be published (on request, exempt) has no time limit.
public struct RecordWork: WorkSource {
    public init() {}

    public func collect(_ scope: WorkScope, _ deadlines: inout WorkDeadlines, into items: inout [WorkItem]) {
        let state = scope.state
        // One walk over the records (a city holds over a million, nearly all long published), a unit
        // at a time even for every unit, so that only one unit's records are read into memory at once.
        state.records.forEach(inUnits: scope.units ?? state.records.units) { record in
            let task: WorkItem.Task
            var level: Int?
            var levels: Int?
            var notBy: [String] = []
            switch record.status {
            case .registered:
                task = .classify
            case .classified:
                task = .review
                level = record.approvedLevels + 1
                levels = record.requiredLevels
                notBy = [record.classifiedBy, level == 2 ? record.firstApprovedBy : nil].compactMap { $0 }
            case .approved:
                guard record.classification?.disclosure == .proactive else { return }
                task = .publish
            case .published, .withdrawn:
                return
            }
            let clock = task == .classify ? PublicationClock(ifProactive: record, in: state) : PublicationClock(of: record, in: state)
            var due = WorkItem.Due.none
            if let clock {
                due = deadlines.due(clock.start, plus: clock.workingDays)
                if let counted = due.day, let day = clock.due(after: counted) { due = .on(day) }
            }
            let r = record.registration
            items.append(WorkItem(
                kind: .record, id: r.record, unit: r.unit, title: r.title, task: task, level: level, levels: levels, due: due, notBy: notBy))
        }
    }
}
