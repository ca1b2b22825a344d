import EventLog
import Foundation

/// How the units of one group stand on one stage: how many are done on time, done late, open and
/// overdue; for stage 4, also how many of those done cleared newest first. A group the stage applies
/// to no unit of has a tally of zero units (and a share done of 0).
public struct StageTally: Sendable, Equatable {
    public private(set) var counts: [ProgressProjection.Status: Int] = [:]
    /// Units done that cleared their backlog newest first (only stage 4 counts them).
    public private(set) var newestFirst = 0

    public init() {}

    public mutating func count(_ status: ProgressProjection.Status, newestFirst: Bool = false) {
        counts[status, default: 0] += 1
        if newestFirst { self.newestFirst += 1 }
    }

    public subscript(status: ProgressProjection.Status) -> Int { counts[status] ?? 0 }

    /// The units the stage applies to in this group.
    public var units: Int { counts.values.reduce(0, +) }

    public var done: Int { self[.onTime] + self[.late] }

    public var shareDone: Double { units == 0 ? 0 : Double(done) / Double(units) }

    /// `units`, `counts` (every status, zeros included) and `shareDone`, for the JSON renderers.
    var jsonFields: [(key: String, value: JSONValue)] {
        [
            ("units", .integer(units)),
            ("counts", .object(ProgressProjection.Status.allCases.map { ($0.rawValue, .integer(self[$0])) })),
            ("shareDone", .number(String(format: "%.3f", shareDone))),
        ]
    }
}
