import EventLog

/// Reads `calendar.json` of a seed folder (format in docs/seeds.md) into a `WorkingCalendar`.
public enum CalendarSeed {
    public static func load(_ json: JSONValue, file: String = "calendar.json") throws -> WorkingCalendar {
        func fail(_ message: String) -> SeedError { SeedError(file: file, message: message) }
        func day(_ value: JSONValue?, _ field: String) throws -> Day {
            guard let text = value?.stringValue, let day = Day(text) else {
                throw fail("\(field) must be a date written YYYY-MM-DD")
            }
            return day
        }
        guard let weekendNames = json["weekend"]?.arrayValue?.compactMap(\.stringValue) else {
            throw fail("weekend must be a list of weekday names")
        }
        var weekend = Set<Int>()
        for name in weekendNames {
            guard let index = Day.weekdayNames.firstIndex(of: name) else {
                throw fail("weekend: unknown weekday \"\(name)\" (allowed: \(Day.weekdayNames.joined(separator: ", ")))")
            }
            weekend.insert(index + 1)
        }
        guard let years = json["years"]?.arrayValue, !years.isEmpty else { throw fail("years must be a non-empty list") }
        var holidays: [WorkingCalendar.Holiday] = []
        var working = Set<Day>()
        var yearNumbers: [Int] = []
        for (i, year) in years.enumerated() {
            guard let number = year["year"]?.intValue else { throw fail("years[\(i)].year must be an integer") }
            yearNumbers.append(number)
            for (j, holiday) in (year["holidays"]?.arrayValue ?? []).enumerated() {
                let from = try day(holiday["from"], "years[\(i)].holidays[\(j)].from")
                let to = try day(holiday["to"], "years[\(i)].holidays[\(j)].to")
                guard from <= to else { throw fail("years[\(i)].holidays[\(j)] ends before it starts") }
                holidays.append(.init(
                    nameZh: holiday["zh"]?.stringValue ?? "", nameEn: holiday["en"]?.stringValue ?? "", from: from, to: to))
            }
            for (j, value) in (year["workingWeekends"]?.arrayValue ?? []).enumerated() {
                working.insert(try day(value, "years[\(i)].workingWeekends[\(j)]"))
            }
        }
        return WorkingCalendar(weekend: weekend, holidays: holidays, workingWeekends: working, years: Set(yearNumbers))
    }
}

/// A seed file that does not say what docs/seeds.md says it must.
public struct SeedError: Error, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
