import Clearance
import EventLog
import Projections

/// `clearance inspect UNIT`: the inspection worksheet the general office takes to a unit; with
/// `--finding` or `--remedied`, what the inspection found and how the unit remedied it.
enum InspectCommand {
    static let spec = CommandSpec(
        name: "inspect",
        summary: "the inspection worksheet (督查底稿) of a unit: guide, catalogue against records, a sample with its trails, exemptions, late replies, open findings; --finding and --remedied record them",
        positionals: [.init(name: "UNIT", help: "the unit inspected")],
        options: [
            .value("--sample", "N", "how many records to draw at random (1-1000, default \(InspectionWorksheet.defaultSample))"),
            .value("--seed", "S", "the sample's seed (default \(InspectionWorksheet.defaultSeed)): the same seed and log draw the same records"),
            .value("--date", "DATE", "the day judged (default: today, or the simulated clock's day)"),
        ] + PaperOutput.options + AsOf.options + InspectFindings.options,
        discussion: """
            The worksheet is internal: it names the people who did each step and the titles of exempt records.
            Its parts: 1 what the guide lacks; 2 the catalogue against the records (every published record
            listed, index numbers without gaps, withdrawn and corrected records shown as such, discrepancies
            by record id); 3 a random sample of the unit's records (by record id, drawn with SplitMix64 and
            the seed), each with who registered, classified, reviewed (each level) and published it, in which
            role, on which day, and whether it was published on time (its publication clock); 4 exemptions
            and their bases; 5 feedback and requests past their deadline (the funnel's); 6 open inspection
            findings, those past their remedy day flagged; 7 the log entry it was drawn from (SEQ:HASH).
            Chinese by default; --lang en for English.
            Recording: --finding ID --about TEXT --remedy-by DATE [--item ID] [--at DATE] (general office);
            --remedied ID --note TEXT [--at DATE] (a clerk of the unit).
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let unit = try action.positional(0, "UNIT")
        if try InspectFindings.record(unit: unit, action, worksheetOptions: worksheetOptions) { return }
        let format = try PaperOutput.chosen(arguments, command: spec.name)
        let size = try arguments.integer("--sample", in: 1...1000, command: spec.name) ?? InspectionWorksheet.defaultSample
        let seed = try arguments.value("--seed").map { text in
            guard let seed = UInt64(text) else { throw UsageError("--seed must be a whole number from 0 to \(UInt64.max), not '\(text)'", command: spec.name) }
            return seed
        } ?? InspectionWorksheet.defaultSeed
        let date = try action.day("--date")
        let limit = try AsOf.limit(arguments, command: spec.name)
        let service = action.service
        // The guide reads the profiles; the late replies feedback and requests; the findings supervision.
        let parts: StateParts = [.profiles, .feedback, .requests, .supervision]
        let (state, head) = try limit.map { try service.load(asOf: $0, reading: parts) } ?? service.load(reading: parts)
        guard state.reference.units[unit] != nil else {
            throw UsageError("unit '\(unit)' is not registered; 'clearance unit list' lists the units", command: spec.name)
        }
        let day = try date ?? (limit == nil ? service.today() : AsOf.day(after: head, in: context.logDirectory))
        let worksheet = try InspectionWorksheet(
            unit: unit, state: state, head: head, on: day, sample: size, seed: seed, reader: LogReader(directory: context.logDirectory))
        let bytes = PaperOutput.bytes(worksheet.paper(context.paperLanguage), json: worksheet.json, format: format)
        let summary = "\(unit): \(worksheet.sample.trails.count) records sampled, \(worksheet.catalogue.discrepancies.count) discrepancies, \(worksheet.openFindings.count) open findings"
        try Document.emit(bytes, to: arguments.value("--out"), summary: summary)
    }

    /// The options that only the worksheet takes.
    static let worksheetOptions = ["--sample", "--seed", "--date", "--format", "--json", "--out", "--as-of", "--as-of-seq"]
}
