import EventLog

/// A calendar date without a time of day (business dates, deadlines), written `2008-01-28`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Nil unless `text` is a real date written `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let days = CivilDate.daysSinceEpoch(year: y, month: m, day: d)
        else { return nil }
        ordinal = Int(days)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilDate.fromDaysSinceEpoch(Int64(ordinal)) }

    public var year: Int { components.year }

    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((ordinal % 7 + 7) % 7 + 3) % 7 + 1 }

    public var weekdayName: String { Self.weekdayNames[weekday - 1] }

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    public static func < (l: Day, r: Day) -> Bool { l.ordinal < r.ordinal }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }
}
