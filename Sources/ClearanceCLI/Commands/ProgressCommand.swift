import Clearance
import EventLog
import Projections

/// `clearance progress`: each stage's deadline and how its units stand, as of a day.
enum ProgressCommand {
    static let spec = CommandSpec(
        name: "progress",
        summary: "stage progress as of a day: done on time, done late, open, overdue, per stage, for all units, a tier or a district",
        options: [
            .value("--stage", "N", "only this stage"), .value("--tier", "N", "only units of this tier"),
            .value("--district", "ID", "only units of this district"),
            .value("--date", "DATE", "judge as of this day (default: today, or the simulated clock's day)"),
            .flag("--funnel", "per unit instead: registered, classified, approved, published, on request, exempt, late"),
            .flag("--json", "print JSON"),
        ] + AsOf.options)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let service = ClearanceService(directory: context.logDirectory)
        let (state, _) = try AsOf.state(arguments, service, command: spec.name)
        let tier = try arguments.integer("--tier", in: 1...3, command: spec.name)
        let units = CatalogueProjection.units(unit: nil, tier: tier, district: arguments.value("--district"), in: state)
        var day = try service.today()
        if let text = arguments.value("--date") {
            guard let given = Day(text) else { throw UsageError("--date takes YYYY-MM-DD, not '\(text)'", command: spec.name) }
            day = given
        }
        let stage = try arguments.integer("--stage", in: 1...7, command: spec.name)
        if arguments.has("--funnel") {
            let funnel = FunnelProjection(state: state, units: units, on: day)
            if arguments.has("--json") {
                Terminal.out(JSONWriter.string(funnel.json))
                return
            }
            for line in FunnelText.lines(funnel, labels: context.labels) { Terminal.out(line) }
            return
        }
        let progress = ProgressProjection(state: state, units: units, on: day).only(stage: stage)
        if arguments.has("--json") {
            Terminal.out(JSONWriter.string(progress.json))
            return
        }
        for line in ProgressText.lines(progress, labels: context.labels) { Terminal.out(line) }
    }
}
