import EventLog
import Foundation

/// The `clearance` command line: finds the command, runs it, and turns every error into one line
/// on stderr and an exit status (0 success, 1 refused or a failed check, 2 usage).
public enum ClearanceCLI {
    public static let version = "0.1.0"

    static let commands: [Command] = [
        Command(InitCommand.spec, InitCommand.run), Command(AppendCommand.spec, AppendCommand.run),
        Command(LogCommand.spec, LogCommand.run), Command(VerifyCommand.spec, VerifyCommand.run),
        Command(UnitCommand.spec, UnitCommand.run), Command(RoleCommand.spec, RoleCommand.run),
        Command(IdentityCommand.spec, IdentityCommand.run), Command(KeyCommand.spec, KeyCommand.run),
        Command(PeopleCommand.spec, PeopleCommand.run),
        Command(NormCommand.spec, NormCommand.run), Command(RecordCommand.spec, RecordCommand.run),
        Command(FeedbackCommand.spec, FeedbackCommand.run), Command(RequestCommand.spec, RequestCommand.run),
        Command(StageCommand.spec, StageCommand.run), Command(ImportCommand.spec, ImportCommand.run),
        Command(CatalogueCommand.spec, CatalogueCommand.run), Command(GuideCommand.spec, GuideCommand.run),
        Command(AuditCommand.spec, AuditCommand.run), Command(ProgressCommand.spec, ProgressCommand.run),
        Command(RebuildCommand.spec, RebuildCommand.run), Command(NoticeCommand.spec, NoticeCommand.run),
        Command(AnnualReportCommand.spec, AnnualReportCommand.run), Command(AssessCommand.spec, AssessCommand.run),
        Command(InspectCommand.spec, InspectCommand.run), Command(ServeCommand.spec, ServeCommand.run),
        Command(CalendarCommand.spec, CalendarCommand.run), Command(DemoCommand.spec, DemoCommand.run),
        Command(BenchCommand.spec, BenchCommand.run), Command(TodoCommand.spec, TodoCommand.run),
    ]

    /// The commands that answer questions from the log: each says on stderr which chain check its
    /// answer rests on (`VerificationMarks.chainStatus`). `audit` and `rebuild` check the chain themselves.
    static let answersFromTheLog: Set<String> = [
        "log", "catalogue", "guide", "progress", "record", "request", "feedback", "todo", "notice", "inspect", "assess",
        "annual-report",
    ]

    public static func main() -> Never {
        let environment = ProcessInfo.processInfo.environment
        let status = run(Array(CommandLine.arguments.dropFirst()), environment: environment)
        PeakMemory.reportIfAsked(environment)
        exit(status)
    }

    /// Runs one invocation and returns its exit status.
    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        do {
            try dispatch(arguments, environment: environment)
            return 0
        } catch let error as UsageError {
            Terminal.error(error.description)
            return 2
        } catch {
            Terminal.error(ErrorText.line(error))
            return 1
        }
    }

    private static func dispatch(_ arguments: [String], environment: [String: String]) throws {
        guard let first = arguments.first else {
            Terminal.out(overview)
            return
        }
        switch first {
        case "--help", "-h":
            Terminal.out(overview)
        case "--version":
            Terminal.out("clearance \(version)")
        case "help":
            guard let name = arguments.dropFirst().first else {
                Terminal.out(overview)
                return
            }
            guard let command = command(named: name) else { throw unknownCommand(name) }
            Terminal.out(command.spec.help)
        default:
            guard let command = command(named: first) else { throw unknownCommand(first) }
            let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), for: command.spec)
            if parsed.has("--help") {
                Terminal.out(command.spec.help)
                return
            }
            let context = try Context(arguments: parsed, environment: environment)
            try command.run(parsed, context)
            if answersFromTheLog.contains(command.spec.name), let status = VerificationMarks.chainStatus(for: context.logDirectory, environment) {
                Terminal.note(status)
            }
        }
    }

    private static func command(named name: String) -> Command? {
        commands.first { $0.spec.name == name }
    }

    private static func unknownCommand(_ name: String) -> UsageError {
        UsageError("unknown command '\(name)'; commands: \(commands.map(\.spec.name).joined(separator: ", "))")
    }

    static var overview: String {
        var lines = [
            "clearance \(version): an event-sourced records-clearance engine with a hash-chained, append-only log.",
            "",
            "usage: clearance COMMAND [options]",
            "",
            "commands:",
        ]
        for command in commands {
            lines.append("  " + command.spec.name.padding(toLength: 14, withPad: " ", startingAt: 0) + command.spec.summary)
        }
        lines += [
            "",
            "Every command takes --log DIR (default $CLEARANCE_LOG, else ./event-log) and --actor NAME",
            "(default $CLEARANCE_ACTOR). 'clearance help COMMAND' shows a command's options.",
            "Exit status: 0 success, 1 refused or a check failed, 2 usage error.",
        ]
        return lines.joined(separator: "\n")
    }
}

/// One command of the CLI: what it accepts and what it does.
struct Command: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments, Context) throws -> Void

    init(_ spec: CommandSpec, _ run: @escaping @Sendable (ParsedArguments, Context) throws -> Void) {
        self.spec = spec
        self.run = run
    }
}
