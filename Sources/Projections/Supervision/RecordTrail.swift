import Clearance

/// A sampled record with its whole trail: who registered, classified, reviewed (each level) and
/// published it, in which role, on which business date (the audit trail's rows), and whether it was
/// published on time by its `PublicationClock`, the rule the funnel judges by.
public struct RecordTrail: Sendable {
    public enum Timeliness: String, Sendable, CaseIterable {
        case onTime = "on-time"
        /// Published after its due day.
        case late
        /// Not published, and its due day has passed.
        case overdue
        case notYetDue = "not-yet-due"
        /// Its due day cannot be counted (no calendar, or a year whose holiday notice is not declared).
        case unknown
        /// Not a proactive record: no publication clock.
        case notApplicable = "not-applicable"
    }

    public let record: RecordState
    /// The publication deadline, for a proactive record.
    public let due: Day?
    public let timeliness: Timeliness
    public let steps: [AuditTrail.RecordStep]

    /// Judged on `day`, by the clock of `record` in `state`, as `FunnelProjection` judges it: late when
    /// the day it was published (or `day`, if not yet) is after the due day.
    public init(_ record: RecordState, steps: [AuditTrail.RecordStep], state: ClearanceState, calendar: WorkingCalendar?, on day: Day) {
        (self.record, self.steps) = (record, steps)
        guard let clock = PublicationClock(of: record, in: state) else {
            (due, timeliness) = (nil, .notApplicable)
            return
        }
        due = clock.due(on: calendar)
        guard let due else {
            timeliness = .unknown
            return
        }
        if let published = record.published {
            timeliness = published > due ? .late : .onTime
        } else {
            timeliness = day > due ? .overdue : .notYetDue
        }
    }
}
