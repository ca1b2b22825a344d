import Clearance

/// How far a unit kept to the plan's order for stage 4, clearing its backlog "from near to far"
/// (由近及远), newest first: of the records it cleared, how many were cleared in order, that is with
/// no newer backlog record still waiting. Reported beside completion, not a condition of it.
public struct ClearingOrder: Sendable, Equatable {
    public let cleared: Int
    public let inOrder: Int

    /// Nil while the unit has cleared nothing: there is no order to judge yet.
    public init?(_ summary: UnitRecordSummary) {
        guard summary.backlogCleared > 0 else { return nil }
        cleared = summary.backlogCleared
        inOrder = summary.backlogCleared - summary.clearedAheadOfNewer
    }

    /// Yes when no record was cleared ahead of a newer one.
    public var newestFirst: Bool { inOrder == cleared }
}
