import Clearance

/// Something a unit owed by a deadline and had not done by then: a proactive record to publish
/// (within 20 working days, or its class's shorter limit), feedback or a request to answer, withheld
/// information to reassess (2019 Art. 18: its title is left out, as it may itself be withheld). Found by
/// `FunnelProjection`, which counts these per unit.
public struct PastDeadline: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case publication, feedback, request, reassessment }

    public let kind: Kind
    /// The record, feedback or request id.
    public let item: String
    /// The record's title; empty for feedback and requests (their text may name a person).
    public let title: String
    public let unit: String
    public let unitName: String
    public let due: Day
    /// The day it was done after all (published, answered); nil if still not done on the funnel's day.
    public let done: Day?
}
