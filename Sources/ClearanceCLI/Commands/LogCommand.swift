import Projections
import EventLog

/// `clearance log`: lists entries, filtered, as an aligned table or as the raw lines.
enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        summary: "list entries (filters; an aligned table or --json for the raw lines)",
        options: [
            .value("--type", "TYPE", "only this type (repeatable; TYPE.* matches a family)"),
            .value("--actor", "NAME", "only this actor (repeatable)"),
            .value("--since", "TIME", "recorded at or after TIME (2008-01-28 or 2008-01-28T09:30:00Z)"),
            .value("--until", "TIME", "recorded before TIME"),
            .value("--from-seq", "N", "seq N and later"),
            .value("--to-seq", "N", "seq N and earlier"),
            .value("--limit", "N", "at most N entries (with --reverse, the newest N)"),
            .flag("--reverse", "newest first"),
            .flag("--json", "print the raw JSON lines exactly as stored"),
        ],
        discussion: "Reads up to the last complete batch; a torn tail is mentioned on stderr, never changed.")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let filter = try LogFilter(arguments, command: spec.name)
        let limit = try arguments.integer("--limit", in: 0...Int.max, command: spec.name)
        let reverse = arguments.has("--reverse")
        let reader = try LogReader(directory: context.logDirectory)
        if let torn = reader.tail.torn { Terminal.note(RecoveryReport.describe(torn)) }

        let table = TextTable([
            ("SEQ", max(3, String(reader.tail.head?.seq ?? 0).count)), ("RECORDED", 24), ("ACTOR", 16),
            ("TYPE", 24), ("DATA", 0),
        ])
        let json = arguments.has("--json")
        var output = BufferedOutput()
        func show(_ entry: LogEntry) {
            if json {
                output.line(bytes: entry.line)
            } else {
                output.line(table.line([
                    String(entry.seq), entry.recorded.iso8601, entry.actor, entry.type,
                    DisplayWidth.truncate(String(decoding: entry.dataBytes, as: UTF8.self), to: 80),
                ]))
            }
        }
        if !json { output.line(table.headerLine) }
        // Forward: print while reading and stop at the limit. Reverse: keep only the newest `limit`.
        var shown = 0
        var newest: [LogEntry] = []
        try reader.forEachEntry { entry in
            if let toSeq = filter.toSeq, entry.seq > toSeq { return false }
            guard filter.matches(entry) else { return true }
            if reverse {
                newest.append(entry)
                if let limit, newest.count >= 2 * max(limit, 1024) { newest.removeFirst(newest.count - limit) }
                return true
            }
            if let limit, shown >= limit { return false }
            show(entry)
            shown += 1
            return true
        }
        if reverse {
            for entry in newest.suffix(limit ?? newest.count).reversed() { show(entry) }
        }
        output.flush()
    }
}

/// The entry filters of `clearance log`.
struct LogFilter {
    var types: [String] = []
    var actors: [String] = []
    var since: Timestamp?
    var until: Timestamp?
    var fromSeq: Int?
    var toSeq: Int?

    init(_ arguments: ParsedArguments, command: String) throws {
        types = arguments.values["--type"] ?? []
        actors = arguments.values["--actor"] ?? []
        since = try Self.time(arguments, "--since", command)
        until = try Self.time(arguments, "--until", command)
        fromSeq = try arguments.integer("--from-seq", in: 1...Int.max, command: command)
        toSeq = try arguments.integer("--to-seq", in: 1...Int.max, command: command)
    }

    private static func time(_ arguments: ParsedArguments, _ name: String, _ command: String) throws -> Timestamp? {
        guard let text = arguments.value(name) else { return nil }
        guard let time = Timestamp(parsing: text) else {
            throw UsageError("\(name) takes a UTC date or time like 2008-01-28 or 2008-01-28T09:30:00Z, not '\(text)'", command: command)
        }
        return time
    }

    func matches(_ entry: LogEntry) -> Bool {
        if let fromSeq, entry.seq < fromSeq { return false }
        if let toSeq, entry.seq > toSeq { return false }
        if let since, entry.recorded < since { return false }
        if let until, entry.recorded >= until { return false }
        if !types.isEmpty && !types.contains(where: { EntryFormat.type(entry.type, matches: $0) }) { return false }
        if !actors.isEmpty && !actors.contains(entry.actor) { return false }
        return true
    }

}
