/// When a proactive record must be published: within its norm class's time limit, at most the rule
/// set's working days (20), from its creation or its latest correction (2007 Art. 18). Information
/// created before any rule set applied (before the plan began, 2007-10-01) has no such clock: the plan
/// gives that backlog until its publication deadline (the records-published stage). The one rule, for
/// every view that judges it.
public struct PublicationClock: Sendable, Equatable {
    public let start: Day
    public let workingDays: Int
    /// For a record from before the plan: the records-published stage's deadline, before which it is not due.
    public let notBefore: Day?

    /// The clock of `record`; nil unless it is classified proactive.
    public init?(of record: RecordState, in state: ClearanceState) {
        guard let classification = record.classification, classification.disclosure == .proactive else { return nil }
        self.init(ifProactive: record, in: state)
    }

    /// The clock `record` has, or will have, if it is (found) proactive: for a record still to be
    /// classified, the day it must be published by should it be disclosed, so that classifying and
    /// reviewing it leave time to. Its class's limit counts where it has one (it keeps its class when a
    /// review returns it); with none yet, only the rule set's.
    public init(ifProactive record: RecordState, in state: ClearanceState) {
        let ruleSet = state.reference.ruleSet(on: record.changed)
        let rule = ruleSet?.proactive.workingDays ?? 20
        let contentClass = record.classification?.contentClass
        let classLimit = state.norms[record.registration.unit]?.classes.first { $0.id == contentClass }?.timeLimitDays ?? rule
        start = record.changed
        workingDays = min(rule, classLimit)
        notBefore = ruleSet != nil ? nil : state.reference.stage(completedBy: .recordsPublished)?.deadline
    }

    /// The due day, given the day `workingDays` working days after `start` (nil: outside the calendar).
    public func due(after counted: Day?) -> Day? {
        guard let counted else { return nil }
        return notBefore.map { max($0, counted) } ?? counted
    }
}
