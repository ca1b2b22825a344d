import EventLog
import Foundation
import Testing

@testable import Clearance

@Suite struct WorkingCalendarTests {
    /// The seed city's calendar, as shipped in seeds/chengdu-2007/calendar.json.
    static func seedCalendar(filePath: String = #filePath) throws -> WorkingCalendar {
        var root = URL(fileURLWithPath: filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        let data = try Data(contentsOf: root.appendingPathComponent("seeds/chengdu-2007/calendar.json"))
        return try CalendarSeed.load(try JSONParser.parse(Array(data)))
    }

    @Test func daysKnowTheirWeekday() {
        #expect(Day("2008-01-28")?.weekdayName == "monday")
        #expect(Day("2008-02-21")?.weekdayName == "thursday")
        #expect(Day("1970-01-01")?.weekday == 4)
        #expect(Day("2008-02-30") == nil && Day("2008-2-3") == nil && Day("") == nil)
    }

    @Test(arguments: [(2007, 249), (2008, 251), (2009, 250)])
    func workingDaysPerYear(year: Int, expected: Int) throws {
        #expect(try Self.seedCalendar().workingDays(inYear: year) == expected)
    }

    /// domain.md's example: received Mon 2008-01-28, 15 working days later is 2008-02-21,
    /// across Spring Festival (02-06..12) and counting the working Saturday and Sunday 02-02/03.
    @Test func fifteenWorkingDaysAcrossSpringFestival2008() throws {
        let deadline = try Self.seedCalendar().adding(workingDays: 15, to: Day("2008-01-28")!)
        #expect(deadline.due == Day("2008-02-21"))
        #expect(deadline.holidaysCrossed.map(\.nameEn) == ["Spring Festival"])
        #expect(deadline.adjustedWorkingDays == [Day("2008-02-02")!, Day("2008-02-03")!])
    }

    @Test(arguments: [
        ("2007-12-28", 3, "2008-01-03"),  // working Saturday 12-29, then New Year 12-30..01-01
        ("2008-09-26", 5, "2008-10-08"),  // working 09-27/28, then National Day 09-29..10-05
        ("2008-04-30", 2, "2008-05-05"),  // Labour Day 05-01..03 and the working Sunday 05-04
        ("2008-06-06", 1, "2008-06-10"),  // Dragon Boat 06-07..09
        ("2009-01-23", 2, "2009-02-01"),  // working Saturday 01-24, Spring Festival 01-25..31, working Sunday 02-01
        ("2008-01-28", 0, "2008-01-28"),
        // Worked out by hand from the notices' texts (docs/seeds.md), one day at a time:
        ("2024-09-27", 15, "2024-10-23"),  // National Day 10-01..07; Sunday 09-29 and Saturday 10-12 worked
        ("2025-01-20", 20, "2025-02-21"),  // Spring Festival 01-28..02-04; Sunday 01-26 and Saturday 02-08 worked
        ("2026-09-25", 20, "2026-10-29"),  // Mid-Autumn 09-25..27, National Day 10-01..07; Saturday 10-10 worked
        ("2026-02-10", 10, "2026-03-02"),  // Spring Festival 02-15..23; Saturdays 02-14 and 02-28 worked
        ("2020-01-20", 10, "2020-02-11"),  // the extension notice: 01-24..02-02 off, the working Saturday 02-01 undone
    ])
    func deadlinesAcrossHolidaysAndAdjustedWeekends(start: String, days: Int, due: String) throws {
        #expect(try Self.seedCalendar().adding(workingDays: days, to: Day(start)!).due == Day(due))
    }

    @Test func daysOutsideTheCalendarAreRefusedNotGuessed() throws {
        let calendar = try Self.seedCalendar()
        #expect(throws: CalendarError.self) { try calendar.adding(workingDays: 15, to: Day("2026-12-20")!) }
        #expect(throws: CalendarError.self) { try calendar.isWorkingDay(Day("2006-12-29")!) }
    }

    @Test(arguments: [
        (#"{"weekend":["caturday"],"years":[{"year":2008}]}"#, "unknown weekday"),
        (#"{"weekend":["saturday"],"years":[]}"#, "years must be a non-empty list"),
        (#"{"weekend":["saturday"],"years":[{"year":2008,"holidays":[{"from":"2008-02-30","to":"2008-03-01"}]}]}"#, "holidays[0].from"),
        (#"{"weekend":["saturday"],"years":[{"year":2008,"workingWeekends":["soon"]}]}"#, "workingWeekends[0]"),
    ])
    func badSeedsAreNamedByField(json: String, message: String) throws {
        #expect {
            try CalendarSeed.load(try JSONParser.parse(json))
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
