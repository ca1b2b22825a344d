import Clearance
import EventLog

/// `--as-of TIME` (what was recorded by then) and `--as-of-seq N`, shared by the projections.
enum AsOf {
    static let options: [CommandSpec.Option] = [
        .value("--as-of", "TIME", "as things stood when TIME was reached (what had been recorded by then)"),
        .value("--as-of-seq", "N", "as things stood after entry N (its whole batch)"),
    ]

    static func limit(_ arguments: ParsedArguments, command: String) throws -> ClearanceService.Limit? {
        if let seq = try arguments.integer("--as-of-seq", in: 1...Int.max, command: command) {
            guard arguments.value("--as-of") == nil else { throw UsageError("give --as-of or --as-of-seq, not both", command: command) }
            return .seq(seq)
        }
        guard let text = arguments.value("--as-of") else { return nil }
        guard let time = Timestamp(parsing: text) else {
            throw UsageError("--as-of takes a UTC date or time like 2008-03-31 or 2008-03-31T18:00:00Z, not '\(text)'", command: command)
        }
        // A bare date means the end of that day.
        return .recorded(text.count == 10 ? time.adding(milliseconds: 86_400_000 - 1) : time)
    }

    /// The day a view as of `head` is judged on: the day an append right after it would be given, which
    /// is what `ClearanceService.today()` says on a copy of the log cut there (today, for a system clock;
    /// the as-of point's day, for a simulated one).
    static func day(after head: LogHead?, in directory: String) throws -> Day {
        let millisecond = try LogReader(directory: directory).header().clock.nextTime(after: head).millisecondsSinceEpoch
        let (days, rest) = millisecond.quotientAndRemainder(dividingBy: 86_400_000)
        return Day(ordinal: Int(rest < 0 ? days - 1 : days))
    }

    /// The entry `head` names (the last of the as-of state's batches), read from the log, so that a
    /// manifest can name it by offset as it names the head of a full rebuild.
    static func entry(at head: LogHead?, in reader: LogReader) throws -> LogEntry? {
        guard let head else { return nil }
        var found: LogEntry?
        try reader.forEachEntry { entry in
            if entry.seq == head.seq { found = entry }
            return entry.seq < head.seq
        }
        return found
    }

    /// The limit as a manifest records it: `{"seq": N}`, `{"recorded": TIME}`, or null for none.
    static func json(_ limit: ClearanceService.Limit?) -> JSONValue {
        switch limit {
        case .seq(let seq): .object([("seq", .integer(seq))])
        case .recorded(let time): .object([("recorded", .string(time.iso8601))])
        case nil: .null
        }
    }

    /// The state now, or as of the limit the arguments give, with only the `parts` the command reads.
    static func state(
        _ arguments: ParsedArguments, _ service: ClearanceService, command: String, reading parts: StateParts = .all
    ) throws -> (state: ClearanceState, head: LogHead?) {
        if let limit = try limit(arguments, command: command) { return try service.load(asOf: limit, reading: parts) }
        return try service.load(reading: parts)
    }
}
