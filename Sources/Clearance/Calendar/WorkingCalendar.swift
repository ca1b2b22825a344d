/// The official working-day calendar: weekends off except adjusted working days, holidays off, as the
/// State Council General Office's holiday notices arrange them, year by year.
///
/// A later notice decides the days it names over an earlier one (2020's extension of the Spring
/// Festival turned the working Saturday 2020-02-01 of the first notice into a day off). A day is known
/// once the notice of its year is declared; a day from 25 December on also needs the next year's
/// notice, which may move it (the 2008 notice made 2007-12-29 a working Saturday and 2007-12-31 a
/// holiday). A computation that reaches an unknown day is refused, never guessed.
public struct WorkingCalendar: Sendable {
    public struct Holiday: Sendable, Equatable {
        public let nameZh: String
        public let nameEn: String
        public let from: Day
        public let to: Day
    }

    /// One holiday notice: the year it arranges, its title, number and date, and what it arranges.
    public struct Notice: Sendable, Equatable {
        public let year: Int
        public let title: String
        /// Its document number (国办发明电〔2006〕49号); nil where no copy of the notice shows it.
        public let number: String?
        public let issued: Day?
        public let holidays: [Holiday]
        public let workingWeekends: [Day]
    }

    public let weekend: Set<Int>
    /// In the order they were declared; a later one decides the days it names.
    public let notices: [Notice]
    /// The years with a notice.
    public let years: Set<Int>
    /// The days some notice names, with what the latest of them says: a working day, or a holiday.
    private let named: [Day: NamedDay]

    private enum NamedDay: Sendable {
        case working
        case holiday(Holiday)
    }

    public init(weekend: Set<Int>, notices: [Notice]) {
        self.weekend = weekend
        self.notices = notices
        years = Set(notices.map(\.year))
        var named: [Day: NamedDay] = [:]
        for notice in notices {
            for holiday in notice.holidays {
                for day in holiday.from...holiday.to { named[day] = .holiday(holiday) }
            }
            for day in notice.workingWeekends { named[day] = .working }
        }
        self.named = named
    }

    public func holiday(on day: Day) -> Holiday? {
        if case .holiday(let holiday) = named[day] { return holiday }
        return nil
    }

    /// The year whose notice `day` still waits for, or nil when the day is known.
    public func undeclaredYear(for day: Day) -> Int? {
        let (year, month, dayOfMonth) = day.components
        if !years.contains(year) { return year }
        if month == 12 && dayOfMonth >= 25 && !years.contains(year + 1) { return year + 1 }
        return nil
    }

    public func isWorkingDay(_ day: Day) throws -> Bool {
        if let year = undeclaredYear(for: day) { throw CalendarError.undeclared(year: year, day: day, counted: nil, years: years.sorted()) }
        return isWorkingDay(known: day)
    }

    /// For a day already known to be declared.
    private func isWorkingDay(known day: Day) -> Bool {
        switch named[day] {
        case .working: return true
        case .holiday: return false
        case nil: return !weekend.contains(day.weekday)
        }
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

    /// The day `workingDays` working days after `start`, counting from the day after it. Throws
    /// `CalendarError.undeclared` with the working days counted so far when the count reaches a day
    /// whose notice is not declared yet.
    public func adding(workingDays: Int, to start: Day) throws -> Deadline {
        precondition(workingDays >= 0)
        var day = start
        var counted = 0
        var crossed: [Holiday] = []
        var adjusted: [Day] = []
        while counted < workingDays {
            day = day.advanced(by: 1)
            if let year = undeclaredYear(for: day) {
                throw CalendarError.undeclared(year: year, day: day, counted: (start: start, workingDays: counted), years: years.sorted())
            }
            if isWorkingDay(known: day) {
                counted += 1
                if weekend.contains(day.weekday) { adjusted.append(day) }
            } else if let holiday = holiday(on: day), !crossed.contains(holiday) {
                crossed.append(holiday)
            }
        }
        return Deadline(start: start, workingDays: workingDays, due: day, holidaysCrossed: crossed, adjustedWorkingDays: adjusted)
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`).
    public func workingDays(after start: Day, through end: Day) throws -> Int {
        guard end > start else { return 0 }
        return try (start.advanced(by: 1)...end).filter { try isWorkingDay($0) }.count
    }

    /// Working days in the whole calendar year `year` (which must be known to its last day).
    public func workingDays(inYear year: Int) throws -> Int {
        guard let first = Day("\(year)-01-01"), let last = Day("\(year)-12-31") else { return 0 }
        return try (first...last).filter { try isWorkingDay($0) }.count
    }
}

/// A calendar question the reference data cannot answer yet.
public enum CalendarError: Error, Equatable, CustomStringConvertible {
    /// `day` waits for the holiday notice of `year`; `counted`: how far a deadline had come by then.
    case undeclared(year: Int, day: Day, counted: (start: Day, workingDays: Int)?, years: [Int])

    public static func == (a: CalendarError, b: CalendarError) -> Bool { a.description == b.description }

    /// What a deadline column shows: `unknown until the 2027 notice (12 working days counted to 2026-12-31)`.
    public var shortText: String {
        switch self {
        case .undeclared(let year, let day, let counted, _):
            let so = counted.map { " (\($0.workingDays) working days counted to \(day.advanced(by: -1)))" } ?? ""
            return "unknown until the \(year) notice\(so)"
        }
    }

    public var description: String {
        switch self {
        case .undeclared(let year, let day, let counted, let years):
            let covered = years.isEmpty ? "none" : "\(years.first!)–\(years.last!)"
            let so = counted.map { ": \($0.workingDays) working days counted from \($0.start) up to \(day.advanced(by: -1))" } ?? ""
            return "\(day) is unknown until the \(year) holiday notice of the State Council General Office is declared (the calendar holds the notices of \(covered))\(so); add it with a calendar.notice-declared event"
        }
    }
}
