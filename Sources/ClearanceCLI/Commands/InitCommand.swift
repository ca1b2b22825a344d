import EventLog

/// `clearance init`: creates a log whose first entry declares its format and clock.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        summary: "create a new log (its first entry says what the log is)",
        options: [
            .value("--simulated-clock", "TIME", "declare a simulated clock starting at TIME (generated scenarios, tests)")
        ],
        discussion: """
            Creates DIR/events.jsonl. Refuses (exit 1) if a log is already there; nothing is changed then.
            The actor who creates the log is recorded in its first entry.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let actor = try context.requireActor(for: spec.name)
        var clock = LogClock.system
        if let start = arguments.value("--simulated-clock") {
            guard let time = Timestamp(parsing: start) else {
                throw UsageError("--simulated-clock takes a UTC time like 2007-10-08T09:00:00Z, not '\(start)'", command: spec.name)
            }
            clock = .simulated(start: time)
        }
        let (_, head) = try LogFile.create(in: context.logDirectory, actor: actor, clock: clock)
        let clockName = if case .simulated = clock { "simulated clock" } else { "system clock" }
        Terminal.out("created \(LogFile.path(in: context.logDirectory)) (format \(EntryFormat.version), \(clockName))")
        Terminal.out("head \(head.anchor)")
    }
}
