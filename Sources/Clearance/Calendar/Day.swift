import EventLog

/// A calendar date without a time of day (business dates, deadlines), written `2008-01-28`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Strideable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Nil unless `text` is a real date written `YYYY-MM-DD`.
    public init?(_ text: String) {
        var text = text
        guard let days = text.withUTF8({ Day.daysSinceEpoch(parsing: UnsafeRawBufferPointer($0)) }) else { return nil }
        ordinal = days
    }

    /// Parses `YYYY-MM-DD` from bytes (dates are read by the million when a log is folded).
    static func daysSinceEpoch(parsing bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            let days = CivilDate.daysSinceEpoch(year: y, month: m, day: d)
        else { return nil }
        return Int(days)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilDate.fromDaysSinceEpoch(Int64(ordinal)) }

    public var year: Int { components.year }

    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else { return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)" }
        // Ten digits and dashes set in place (a small string, no allocation): the audit trail and the
        // checkpoint write a date for each of millions of entries and records.
        return String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, digits: Int, at start: Int) {
                var rest = value
                for position in (start..<start + digits).reversed() {
                    out[position] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(y, digits: 4, at: 0)
            put(m, digits: 2, at: 5)
            put(d, digits: 2, at: 8)
            out[4] = UInt8(ascii: "-")
            out[7] = UInt8(ascii: "-")
            return 10
        }
    }

    /// The ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((ordinal % 7 + 7) % 7 + 3) % 7 + 1 }

    public var weekdayName: String { Self.weekdayNames[weekday - 1] }

    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    public static func < (l: Day, r: Day) -> Bool { l.ordinal < r.ordinal }
    public func distance(to other: Day) -> Int { other.ordinal - ordinal }
    public func advanced(by n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// The same day `n` months later, or the month's last day where it is shorter (01-31 + 1 month
    /// is 02-28 or 02-29).
    public func adding(months n: Int) -> Day {
        let (y, m, d) = components
        let index = y * 12 + (m - 1) + n
        let (year, month) = (index / 12, index % 12 + 1)
        var day = d
        while day > 28, CivilDate.daysSinceEpoch(year: year, month: month, day: day) == nil { day -= 1 }
        return Day(ordinal: Int(CivilDate.daysSinceEpoch(year: year, month: month, day: day)!))
    }
}
