import Clearance
import EventLog
import Foundation

/// `clearance calendar due DATE DAYS`: a deadline in working days, with what it crossed.
enum CalendarCommand {
    static let spec = CommandSpec(
        name: "calendar",
        summary: "working-day deadlines: 'calendar due DATE DAYS' (holidays and adjusted weekends shown)",
        positionals: [
            .init(name: "due", help: "the question (only 'due' for now)"),
            .init(name: "DATE", help: "the day of receipt or creation, YYYY-MM-DD"),
            .init(name: "DAYS", help: "working days, counted from the day after DATE"),
        ],
        options: [
            .value("--seed", "DIR", "read this seed folder's calendar.json (or the built-in seed's: chengdu-2007) instead of the log's calendar events"),
            .flag("--json", "print the result as JSON"),
        ],
        discussion: """
            The calendar is the one the log holds (loaded by 'clearance init --seed', one
            calendar.notice-declared event per State Council holiday notice, and changed by later ones:
            a later notice decides the days it names), or with --seed the one in a seed folder (or the
            built-in chengdu-2007). Weekends are off except adjusted working days; official holidays are
            off. A deadline that reaches a year whose notice is not declared yet (or the last week of a
            December, before the next year's notice) is refused with the working days counted so far,
            never guessed. Example: clearance calendar due 2008-01-28 15
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        guard arguments.positional(0) == "due" else {
            throw UsageError("unknown question '\(arguments.positional(0) ?? "")' (available: due)", command: spec.name)
        }
        guard let text = arguments.positional(1), let start = Day(text) else {
            throw UsageError("DATE must be a real date written YYYY-MM-DD, not '\(arguments.positional(1) ?? "")'", command: spec.name)
        }
        guard let daysText = arguments.positional(2), let days = Int(daysText), (0...1000).contains(days) else {
            throw UsageError("DAYS must be a whole number from 0 to 1000, not '\(arguments.positional(2) ?? "")'", command: spec.name)
        }
        let calendar = try arguments.value("--seed").map(loadCalendar(seed:)) ?? loadCalendar(log: context.logDirectory)
        let deadline = try calendar.adding(workingDays: days, to: start)
        if arguments.has("--json") {
            Terminal.out(JSONWriter.string(json(deadline)))
            return
        }
        Terminal.out("\(start) (\(start.weekdayName)) + \(days) working days, counted from the day after: due \(deadline.due) (\(deadline.due.weekdayName))")
        for holiday in deadline.holidaysCrossed {
            Terminal.out("  crossed holiday: \(holiday.nameZh) \(holiday.nameEn) \(holiday.from)..\(holiday.to)")
        }
        for day in deadline.adjustedWorkingDays {
            Terminal.out("  counted adjusted working day: \(day) (\(day.weekdayName))")
        }
    }

    static func loadCalendar(log directory: String) throws -> WorkingCalendar {
        guard let calendar = try ClearanceService(directory: directory).load().state.reference.calendar() else {
            throw CommandFailure("the log in \(directory) declares no calendar: create it with 'clearance init --seed seeds/chengdu-2007', or pass --seed DIR")
        }
        return calendar
    }

    static func loadCalendar(seed: String) throws -> WorkingCalendar {
        let folder = try SeedFolder(path: seed)
        return try CalendarSeed.load(try folder.read("calendar.json"), file: folder.path + "/calendar.json")
    }

    static func json(_ deadline: WorkingCalendar.Deadline) -> JSONValue {
        .object([
            ("start", .string(deadline.start.description)), ("workingDays", .integer(deadline.workingDays)),
            ("due", .string(deadline.due.description)),
            ("holidaysCrossed", .array(deadline.holidaysCrossed.map { holiday in
                .object([
                    ("zh", .string(holiday.nameZh)), ("en", .string(holiday.nameEn)),
                    ("from", .string(holiday.from.description)), ("to", .string(holiday.to.description)),
                ])
            })),
            ("adjustedWorkingDays", .array(deadline.adjustedWorkingDays.map { .string($0.description) })),
        ])
    }
}
