/// The official working-day calendar: weekends off except adjusted working days, holidays off.
///
/// It knows only the years its reference data covers; a computation that would need a day outside
/// them is refused rather than guessed (holidays are set by notice, year by year).
public struct WorkingCalendar: Sendable {
    public struct Holiday: Sendable, Equatable {
        public let nameZh: String
        public let nameEn: String
        public let from: Day
        public let to: Day
    }

    public let weekend: Set<Int>
    public let holidays: [Holiday]
    public let workingWeekends: Set<Day>
    /// The calendar years the calendar speaks for (each needs its own holiday notice).
    public let years: Set<Int>
    private let holidayOf: [Day: Int]

    public init(weekend: Set<Int>, holidays: [Holiday], workingWeekends: Set<Day>, years: Set<Int>) {
        self.weekend = weekend
        self.holidays = holidays
        self.workingWeekends = workingWeekends
        self.years = years
        var holidayOf: [Day: Int] = [:]
        for (index, holiday) in holidays.enumerated() {
            for day in holiday.from...holiday.to { holidayOf[day] = index }
        }
        self.holidayOf = holidayOf
    }

    public func holiday(on day: Day) -> Holiday? { holidayOf[day].map { holidays[$0] } }

    public func isWorkingDay(_ day: Day) throws -> Bool {
        guard years.contains(day.year) else { throw CalendarError.outsideCalendar(day: day, years: years.sorted()) }
        if workingWeekends.contains(day) { return true }
        return !weekend.contains(day.weekday) && holidayOf[day] == nil
    }

    /// What a deadline computation passed on its way.
    public struct Deadline: Sendable, Equatable {
        public let start: Day
        public let workingDays: Int
        public let due: Day
        /// Holidays with at least one day between start (exclusive) and due (inclusive).
        public let holidaysCrossed: [Holiday]
        /// Adjusted working weekend days that were counted.
        public let adjustedWorkingDays: [Day]
    }

    /// The day `workingDays` working days after `start`, counting from the day after it.
    public func adding(workingDays: Int, to start: Day) throws -> Deadline {
        precondition(workingDays >= 0)
        var day = start
        var counted = 0
        var crossed: [Int] = []
        var adjusted: [Day] = []
        while counted < workingDays {
            day = day.advanced(by: 1)
            if try isWorkingDay(day) {
                counted += 1
                if weekend.contains(day.weekday) { adjusted.append(day) }
            } else if let index = holidayOf[day], !crossed.contains(index) {
                crossed.append(index)
            }
        }
        return Deadline(
            start: start, workingDays: workingDays, due: day, holidaysCrossed: crossed.map { holidays[$0] },
            adjustedWorkingDays: adjusted)
    }

    /// Working days in the whole calendar year `year` (which must be covered).
    public func workingDays(inYear year: Int) throws -> Int {
        guard let first = Day("\(year)-01-01"), let last = Day("\(year)-12-31") else { return 0 }
        return try (first...last).filter { try isWorkingDay($0) }.count
    }
}

/// A calendar question the reference data cannot answer.
public enum CalendarError: Error, Equatable, CustomStringConvertible {
    case outsideCalendar(day: Day, years: [Int])

    public var description: String {
        switch self {
        case .outsideCalendar(let day, let years):
            let covered = years.map(String.init).joined(separator: ", ")
            return "\(day) is outside the working-day calendar, which covers the years \(covered): declare \(day.year)'s holidays first (a calendar.year-declared event, or the seed's calendar.json)"
        }
    }
}
