import Clearance
import EventLog
import Projections

/// `clearance todo`: what waits for a person or at a unit (督办), by due day, overdue and due soon
/// marked; without either, the general office's view of every unit.
enum TodoCommand {
    static let spec = CommandSpec(
        name: "todo",
        summary: "worklist: records to classify, review, publish, feedback and requests to answer, findings to remedy, annual reports to file and publish, by due day",
        options: [
            .value("--actor", "NAME", "only what NAME may do: by the roles NAME holds, in the units NAME holds them for"),
            .value("--unit", "UNIT", "only what waits at this unit"),
            .value("--date", "DATE", "judge as of this day (default: today, or the simulated clock's day)"),
            .value("--warn", "N", "due soon within N working days of the due day (default 3)"),
        ] + PaperOutput.options + AsOf.options,
        discussion: """
            A clerk classifies, answers feedback and requests and remedies findings; a reviewer reviews
            (not what they classified, nor the second level of what they approved at the first); a
            publisher publishes; the general office sees everything. Records are due by their publication
            deadline, feedback and requests by their reply deadline, findings by the day the inspector set.
            --actor is read from the option only, never from $CLEARANCE_ACTOR: without it, the view is
            the general office's, grouped by unit, the units with the most overdue first. The log is judged
            as it stands on --date; with --as-of or --as-of-seq, as it stood then.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        // Every option is checked before the log is read, so a mistake costs nothing.
        let format = try PaperOutput.chosen(arguments, command: spec.name)
        let date = try arguments.value("--date").map { text in
            guard let day = Day(text) else { throw UsageError("--date takes YYYY-MM-DD, not '\(text)'", command: spec.name) }
            return day
        }
        let warn = try arguments.integer("--warn", in: 0...250, command: spec.name) ?? 3
        let limit = try AsOf.limit(arguments, command: spec.name)
        let service = ClearanceService(directory: context.logDirectory)
        let parts: StateParts = [.roles, .requests, .feedback, .supervision]
        let (state, head) = try limit.map { try service.load(asOf: $0, reading: parts) } ?? service.load(reading: parts)
        let unit = arguments.value("--unit")
        if let unit, state.reference.units[unit] == nil {
            throw UsageError("--unit takes a unit id of the log's reference data (`clearance unit list`), not '\(unit)'", command: spec.name)
        }
        let actor = arguments.value("--actor")
        if let actor, !Worklist.acts(actor, in: state) {
            let why = state.roles[actor] == nil ? "holds no role in this log (`clearance role list` shows who does)" : "holds no role that acts (an auditor only reads)"
            throw UsageError("--actor: '\(actor)' \(why)", command: spec.name)
        }
        let day = try date ?? (limit == nil ? service.today() : AsOf.day(after: head, in: context.logDirectory))
        let worklist = Worklist(state: state, units: unit.map { [$0] }, for: actor, on: day, warn: warn)
        let scope = actor ?? unit.map { "\(state.reference.units[$0]?.name ?? $0) (\($0))" }
        switch format {
        case "json":
            try Document.emit(to: arguments.value("--out"), summary: "\(worklist.items.count) items") { write in
                var bytes: [UInt8] = []
                worklist.writeJSON(actor: actor, unit: unit) { bytes += $0 }
                try write(bytes + [0x0A])
            }
            return
        case "html", "xlsx":
            var paper = worklist.paper(context.paperLanguage, scope: scope ?? context.paperLanguage("全部单位", "every unit"))
            paper.anchor = head?.anchor
            try Document.emit(PaperOutput.bytes(paper, json: .null, format: format), to: arguments.value("--out"), summary: "\(worklist.items.count) items")
            return
        default: break
        }
        if let out = arguments.value("--out") {
            var text: [UInt8] = []
            TodoText.write(worklist, scope: scope, grouped: actor == nil && unit == nil, labels: context.labels) { text += Array($0.utf8) + [0x0A] }
            try Document.emit(text, to: out, summary: "\(worklist.items.count) items")
            return
        }
        var output = BufferedOutput()
        TodoText.write(worklist, scope: scope, grouped: actor == nil && unit == nil, labels: context.labels) { output.line($0) }
        output.flush()
    }
}
