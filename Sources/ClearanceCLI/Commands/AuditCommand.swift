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
        ] + formats.options + [.value("--out", "FILE", "write to FILE instead of stdout")] + AsOf.options,
        discussion: """
            Flags: backdated (business date before the recorded day), exempt with its basis, returned at
            review with its reason, a review not written, corrected (each field before and after), withdrawn
            after publication. The first line says whether every hash and
            link of the log checks (as 'clearance verify' does) and names the head to anchor.
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
        let trail = try AuditTrail(reader: LogReader(directory: context.logDirectory), filter: filter, through: through)
        let bytes: [UInt8]
        switch chosen {
        case "csv": bytes = trail.csv
        case "json": bytes = Array(trail.json.map { JSONWriter.string($0) + "\n" }.joined().utf8)
        case "html": bytes = Array(trail.html(chain: chain).utf8)
        default:
            let table = TextTable([("SEQ", 7), ("RECORDED", 24), ("AT", 10), ("ACTOR", 15), ("TYPE", 24), ("SUBJECT", 24), ("CHANGE", 24), ("FLAGS", 0)], labels: context.labels)
            var lines = [chain, table.headerLine]
            lines += trail.rows.map { table.line([String($0.seq), $0.recorded, $0.at, $0.actor, $0.type, $0.subject, $0.change, $0.flags.joined(separator: "; ")]) }
            bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        }
        try Document.emit(bytes, to: arguments.value("--out"), summary: "\(trail.rows.count) entries; \(chain)")
    }
}
