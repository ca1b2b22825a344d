import Clearance
import EventLog
import Projections

/// `clearance progress`: each stage's deadline and how its units stand, as of a day, rolled up by tier
/// and district; or with `--funnel`, each unit's clearance funnel.
enum ProgressCommand {
    static let spec = CommandSpec(
        name: "progress",
        summary: "stage progress as of a day: done on time, done late, open, overdue, per stage, by tier and district; or the funnel per unit",
        options: [
            .value("--stage", "N", "only this stage (1-7): its roll-up in full and the units behind it"),
            .value("--tier", "N", "only units of this tier (1-3)"), .value("--district", "ID", "only units of this district"),
            .value("--date", "DATE", "judge as of this day (default: today, or the simulated clock's day)"),
            .flag("--funnel", "per unit instead: registered, classified, approved, published, on request, exempt, past deadline"),
        ] + formats.options + [.value("--out", "FILE", "write to FILE instead of stdout")] + AsOf.options,
        discussion: """
            With --as-of or --as-of-seq and no --date, the day is the one an append right after that
            point would have been given (for a log on the system clock, today).
            """)

    static let formats = FormatOption(formats: ["text", "json", "html"], help: "text (default), json or html (a page with charts)")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        // Every option is checked before the log is read, so a mistake costs nothing.
        let format = try formats.chosen(arguments, command: spec.name)
        let tier = try arguments.integer("--tier", in: 1...3, command: spec.name)
        let stage = try arguments.integer("--stage", in: 1...7, command: spec.name)
        let date = try arguments.value("--date").map { text in
            guard let day = Day(text) else { throw UsageError("--date takes YYYY-MM-DD, not '\(text)'", command: spec.name) }
            return day
        }
        let limit = try AsOf.limit(arguments, command: spec.name)
        let service = ClearanceService(directory: context.logDirectory)
        // Stages read milestones beside records and norms; the funnel reads requests and feedback.
        // Stage 6 needs the profiles too: a unit's guide is part of it.
        // The text also lists open inspection findings, from the supervision part.
        let parts: StateParts = arguments.has("--funnel") ? [.requests, .feedback] : [.milestones, .profiles, .supervision]
        let (state, head) = try limit.map { try service.load(asOf: $0, reading: parts) } ?? service.load(reading: parts)
        let district = arguments.value("--district")
        if let district, !ProgressGroup.districts(in: state).contains(district) {
            let known = ProgressGroup.districts(in: state).joined(separator: ", ")
            throw UsageError("--district takes the id of a district government (\(known)), not '\(district)'", command: spec.name)
        }
        let units = CatalogueProjection.units(unit: nil, tier: tier, district: district, in: state)
        let day = try date ?? (limit == nil ? service.today() : AsOf.day(after: head, in: context.logDirectory))
        let scope = [district.flatMap { state.reference.units[$0]?.name }, tier.map { state.reference.tierName($0) }]
            .compactMap { $0 }.joined(separator: " ")
        let out = arguments.value("--out")
        if arguments.has("--funnel") {
            let funnel = FunnelProjection(state: state, units: units, on: day)
            let summary = "\(funnel.rows.count) units with records, \(funnel.pastDeadline.count) items past their deadline"
            switch format {
            case "json":
                // A city's list of late items is over a hundred megabytes: handed over as it is made.
                try Document.emit(to: out, summary: summary) { write in
                    try funnel.writeJSON(to: write)
                    try write([0x0A])
                }
            case "html": try Document.emit(Array(funnel.html(scope: scope.isEmpty ? "全部单位" : scope).utf8), to: out, summary: summary)
            default:
                try Document.emit(Array((FunnelText.lines(funnel, labels: context.labels).joined(separator: "\n") + "\n").utf8), to: out, summary: summary)
            }
            return
        }
        let progress = ProgressProjection(state: state, units: units, on: day).only(stage: stage)
        let bytes: [UInt8] =
            switch format {
            case "json": JSONWriter.bytes(progress.json) + [0x0A]
            case "html": Array(progress.html(scope: scope.isEmpty ? "全部单位" : scope).utf8)
            default:
                Array((ProgressText.lines(progress, labels: context.labels) + ProgressText.openFindings(
                    state.supervision, units: units, on: day, names: { state.reference.units[$0]?.name ?? $0 })).joined(separator: "\n").utf8 + [0x0A])
            }
        let summary = "\(stage.map { "stage \($0)" } ?? "\(progress.stages.count) stages"), \(progress.unitCount) units, as of \(day)"
        try Document.emit(bytes, to: out, summary: summary)
    }
}
