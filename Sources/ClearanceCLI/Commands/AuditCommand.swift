import Clearance
import EventLog
import Foundation
import Projections

/// `clearance audit`: who did what, when, in which role, and whether the record was ever altered.
enum AuditCommand {
    static let spec = CommandSpec(
        name: "audit",
        summary: "the audit trail: every entry with actor, roles then, change and flags; the chain's status",
        options: [
            .value("--record", "RECORD", "only this record"), .value("--unit", "UNIT", "only this unit"),
            .value("--actor", "NAME", "only this actor (repeatable)"), .value("--type", "TYPE", "only this type (repeatable; TYPE.* a family)"),
            .value("--since", "TIME", "recorded at or after TIME"), .value("--until", "TIME", "recorded before TIME"),
            .flag("--rules", "replay the whole log through the rules in force when each entry was appended, and flag every entry that breaks one"),
        ] + formats.options + [.value("--out", "FILE", "write to FILE instead of stdout")] + AsOf.options,
        discussion: """
            Flags: backdated (business date before the recorded day), exempt with its basis, returned at
            review with its reason, a review not written, corrected (each field before and after), withdrawn
            after publication; with --rules, an entry that breaks a rule of the version it was appended under
            (BREAKS …, as 'clearance verify --rules' finds it). Each row names the version of the rules and the
            rule set in force on its day (RULES) and the roles its actor held then. The first line says whether
            every hash, link and signature of the log checks (as 'clearance verify' does) and names the head.
            """)

    static let formats = FormatOption(formats: ["text", "csv", "json", "html"], help: "text (default), csv, json (one object a line) or html")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let chosen = try formats.chosen(arguments, command: spec.name)
        var filter = AuditTrail.Filter()
        filter.record = arguments.value("--record")
        filter.unit = arguments.value("--unit")
        filter.actors = arguments.values["--actor"] ?? []
        filter.types = arguments.values["--type"] ?? []
        let times = try LogFilter(arguments, command: spec.name)
        filter.since = times.since
        filter.until = times.until
        let chain: String
        do {
            let report = try LogVerifier.verify(directory: context.logDirectory)
            chain = "chain intact: \(report.entries) entries, head \(report.head?.anchor ?? "none")"
        } catch let error as EventLogError {
            chain = "CHAIN BROKEN: \(error)"
        }
        // As of a point: the entries of the whole batches up to it, as `catalogue --as-of` counts them.
        let through = try AsOf.limit(arguments, command: spec.name).map { limit in
            try ClearanceService(directory: context.logDirectory).load(asOf: limit).head?.seq ?? 0
        }
        var breaches: [Int: String] = [:]
        var replayed = ""
        if arguments.has("--rules") {
            let replay = try RulesReplay.run(directory: context.logDirectory, stopAtFirst: false)
            for breach in replay.breaches {
                breaches[breach.seq] = "the \(breach.violation.rule.rawValue) rule of rules v\(breach.rulesVersion): \(breach.violation.message)"
            }
            replayed = "; rules replayed: " + (replay.breaches.isEmpty ? "every entry passes" : "\(replay.breaches.count) entries break one")
        }
        let trail = try AuditTrail(reader: LogReader(directory: context.logDirectory), filter: filter, through: through, breaches: breaches)
        let status = chain + replayed
        let bytes: [UInt8]
        switch chosen {
        case "csv": bytes = trail.csv
        case "json": bytes = Array(trail.json.map { JSONWriter.string($0) + "\n" }.joined().utf8)
        case "html": bytes = Array(trail.html(chain: status).utf8)
        default:
            // Actors, roles and rules are shown whole: the columns are as wide as their longest cell.
            func width(_ title: String, _ cell: (AuditTrail.Row) -> String) -> (String, Int) {
                (title, max(DisplayWidth.of(title), trail.rows.map { DisplayWidth.of(cell($0)) }.max() ?? 0))
            }
            let table = TextTable(
                [("SEQ", 7), ("RECORDED", 24), ("AT", 10), width("ACTOR", \.actor), width("ROLES", \.roles), width("RULES", \.rules),
                 width("TYPE", \.type), ("SUBJECT", 24), ("CHANGE", 24), ("FLAGS", 0)], labels: context.labels)
            var lines = [status, table.headerLine]
            lines += trail.rows.map {
                table.line([String($0.seq), $0.recorded, $0.at, $0.actor, $0.roles, $0.rules, $0.type, $0.subject, $0.change, $0.flags.joined(separator: "; ")])
            }
            bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        }
        try Document.emit(bytes, to: arguments.value("--out"), summary: "\(trail.rows.count) entries; \(status)")
    }
}
