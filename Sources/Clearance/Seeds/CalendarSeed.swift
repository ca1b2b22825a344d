import EventLog

/// Reads a calendar (`calendar.json` of a seed folder, format in docs/seeds.md; or the log's calendar
/// events) into a `WorkingCalendar`.
public enum CalendarSeed {
    /// `{"weekend": [...], "years": [{"year": Y, "notices": [notice, ...]}, ...]}`. A year written the
    /// older way, with its one notice's fields on the year itself, reads as that one notice.
    public static func load(_ json: JSONValue, file: String = "calendar.json") throws -> WorkingCalendar {
        func fail(_ message: String) -> SeedError { SeedError(file: file, message: message) }
        guard let weekendNames = json["weekend"]?.arrayValue?.compactMap(\.stringValue) else {
            throw fail("weekend must be a list of weekday names")
        }
        let weekend = try self.weekend(weekendNames, file: file)
        guard let years = json["years"]?.arrayValue, !years.isEmpty else { throw fail("years must be a non-empty list") }
        var notices: [WorkingCalendar.Notice] = []
        for (i, year) in years.enumerated() {
            guard let number = year["year"]?.intValue else { throw fail("years[\(i)].year must be an integer") }
            if let list = year["notices"]?.arrayValue {
                guard !list.isEmpty else { throw fail("years[\(i)].notices must name at least one notice") }
                for (j, notice) in list.enumerated() {
                    notices.append(try self.notice(notice, year: number, where: "years[\(i)].notices[\(j)]", file: file))
                }
            } else {
                notices.append(try self.notice(year, year: number, where: "years[\(i)]", file: file))
            }
        }
        return WorkingCalendar(weekend: weekend, notices: notices)
    }

    public static func weekend(_ names: [String], file: String) throws -> Set<Int> {
        var weekend = Set<Int>()
        for name in names {
            guard let index = Day.weekdayNames.firstIndex(of: name) else {
                throw SeedError(file: file, message: "weekend: unknown weekday \"\(name)\" (allowed: \(Day.weekdayNames.joined(separator: ", ")))")
            }
            weekend.insert(index + 1)
        }
        return weekend
    }

    /// One notice: `zh`, `number`, `date`, `holidays`, `workingWeekends` (the older shape keeps its
    /// title and number under `notice`). Throws naming the field at `place`.
    public static func notice(_ json: JSONValue, year: Int, where place: String, file: String) throws -> WorkingCalendar.Notice {
        func fail(_ message: String) -> SeedError { SeedError(file: file, message: message) }
        func day(_ value: JSONValue?, _ field: String) throws -> Day {
            guard let text = value?.stringValue, let day = Day(text) else { throw fail("\(field) must be a date written YYYY-MM-DD") }
            return day
        }
        var holidays: [WorkingCalendar.Holiday] = []
        for (j, holiday) in (json["holidays"]?.arrayValue ?? []).enumerated() {
            let from = try day(holiday["from"], "\(place).holidays[\(j)].from")
            let to = try day(holiday["to"], "\(place).holidays[\(j)].to")
            guard from <= to else { throw fail("\(place).holidays[\(j)] ends before it starts") }
            guard to.distance(to: from) > -60 else { throw fail("\(place).holidays[\(j)] is longer than 60 days") }
            holidays.append(.init(nameZh: holiday["zh"]?.stringValue ?? "", nameEn: holiday["en"]?.stringValue ?? "", from: from, to: to))
        }
        var working: [Day] = []
        for (j, value) in (json["workingWeekends"]?.arrayValue ?? []).enumerated() {
            working.append(try day(value, "\(place).workingWeekends[\(j)]"))
        }
        let issued = try json["date"].flatMap { $0 == .null ? nil : $0 }.map { try day($0, "\(place).date") }
        return WorkingCalendar.Notice(
            year: year, title: json["zh"]?.stringValue ?? json["notice"]?["zh"]?.stringValue ?? "",
            number: json["number"]?.stringValue ?? json["notice"]?["number"]?.stringValue, issued: issued,
            holidays: holidays, workingWeekends: working)
    }
}

/// A seed file that does not say what docs/seeds.md says it must.
public struct SeedError: Error, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
