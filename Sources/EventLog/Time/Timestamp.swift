import Foundation

/// A UTC instant with millisecond precision, written as `2008-01-28T09:30:00.000Z`.
///
/// The text form has a fixed width, so comparing the strings orders the instants too.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public static func < (l: Timestamp, r: Timestamp) -> Bool { l.millisecondsSinceEpoch < r.millisecondsSinceEpoch }

    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + milliseconds)
    }

    public var description: String { iso8601 }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` (24 characters).
    public var iso8601: String {
        var ms = millisecondsSinceEpoch
        var days = ms / 86_400_000
        ms -= days * 86_400_000
        if ms < 0 {
            ms += 86_400_000
            days -= 1
        }
        let (y, m, d) = CivilDate.fromDaysSinceEpoch(days)
        // Written in place: the audit trail formats one of these for every entry of the log.
        return String(unsafeUninitializedCapacity: 24) { out in
            func put(_ value: Int, width: Int, at start: Int, then separator: UInt8) {
                var v = value
                for i in (start..<start + width).reversed() {
                    out[i] = UInt8(0x30 + v % 10)
                    v /= 10
                }
                out[start + width] = separator
            }
            put(y, width: 4, at: 0, then: 0x2D)
            put(m, width: 2, at: 5, then: 0x2D)
            put(d, width: 2, at: 8, then: 0x54)
            put(Int(ms / 3_600_000), width: 2, at: 11, then: 0x3A)
            put(Int(ms / 60_000 % 60), width: 2, at: 14, then: 0x3A)
            put(Int(ms / 1000 % 60), width: 2, at: 17, then: 0x2E)
            put(Int(ms % 1000), width: 3, at: 20, then: 0x5A)
            return 24
        }
    }

    /// Parses exactly the stored form `YYYY-MM-DDTHH:MM:SS.mmmZ` (24 bytes), year 0001 to 9999, without
    /// allocating: the reader does this for every entry. (No year 0000: ISO 8601 allows it only by
    /// agreement, and Python's `datetime`, say, has none.)
    public init?(stored b: UnsafeRawBufferPointer) {
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
            b[19] == 0x2E, b[23] == 0x5A
        else { return nil }
        var ok = true
        func n(_ from: Int, _ count: Int) -> Int {
            var v = 0
            for i in from..<(from + count) {
                let d = b[i] &- 0x30
                if d > 9 { ok = false }
                v = v &* 10 &+ Int(d)
            }
            return v
        }
        let (y, mo, d, h, mi, s, ms) = (n(0, 4), n(5, 2), n(8, 2), n(11, 2), n(14, 2), n(17, 2), n(20, 3))
        guard ok, y > 0, h < 24, mi < 60, s < 60, let days = CivilDate.daysSinceEpoch(year: y, month: mo, day: d) else {
            return nil
        }
        millisecondsSinceEpoch = days * 86_400_000 + Int64(h * 3_600_000 + mi * 60_000 + s * 1000 + ms)
    }

    /// Parses `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DDTHH:MM[:SS[.mmm]]Z`, or the same with a space for `T`.
    /// Returns nil for anything else, including impossible dates such as 2008-02-30.
    public init?(parsing text: String) {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, let y = number(0, 4), let mo = number(5, 2),
            let d = number(8, 2), let days = CivilDate.daysSinceEpoch(year: y, month: mo, day: d)
        else { return nil }
        var ms = Int64(days) * 86_400_000
        if b.count > 10 {
            guard b[10] == 0x54 || b[10] == 0x20, b.last == 0x5A, b.count >= 17, b[13] == 0x3A,
                let h = number(11, 2), let mi = number(14, 2), h < 24, mi < 60
            else { return nil }
            ms += Int64(h * 3_600_000 + mi * 60_000)
            var i = 16
            if b[i] == 0x3A {
                guard let s = number(17, 2), s < 60 else { return nil }
                ms += Int64(s * 1000)
                i = 19
                if b[i] == 0x2E {
                    guard let f = number(20, 3) else { return nil }
                    ms += Int64(f)
                    i = 23
                }
            }
            guard i == b.count - 1 else { return nil }
        }
        self.millisecondsSinceEpoch = ms
    }
}

/// Conversions between proleptic Gregorian dates and days since 1970-01-01 (Howard Hinnant's algorithms).
public enum CivilDate {
    public static func fromDaysSinceEpoch(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    /// Nil when the month or day does not exist.
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
