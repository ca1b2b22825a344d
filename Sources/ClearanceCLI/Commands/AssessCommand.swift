import Clearance
import EventLog
import Projections

/// `clearance assess --year Y`: the annual target assessment by the rubric in force, every lost point
/// explained with the log entries behind it.
enum AssessCommand {
    static let spec = CommandSpec(
        name: "assess",
        summary: "the annual target assessment of a year by the general office's rubric: scores, ranks within tiers, every point lost with its seqs",
        options: [
            .value("--year", "YEAR", "the year assessed"), .value("--unit", "UNIT", "only this unit"), .value("--tier", "N", "only this tier (1-3)"),
            .value("--district", "ID", "only the units of this district"),
            .value("--date", "DATE", "the day judged (default: today, or the simulated clock's day); the report on the year is judged then"),
        ] + PaperOutput.options + AsOf.options,
        discussion: """
            The rubric is reference data (rubric.json; 'rubric.declared' events change it from a year on). Ranks are within
            each tier of the units chosen, ties sharing a rank. Each lost point names the rule applied and the seqs of the
            entries behind it: the unit's own records, requests, feedback, findings, norm, profile and report, or, for
            something never done, the entry that set the obligation (the stage, the report forms, the rubric).
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let format = try PaperOutput.chosen(arguments, command: spec.name)
        guard let year = try arguments.integer("--year", in: 1990...2100, command: spec.name) else { throw UsageError("--year is required", command: spec.name) }
        let tier = try arguments.integer("--tier", in: 1...3, command: spec.name)
        let action = DomainAction(spec.name, arguments, context)
        let date = try action.day("--date")
        let limit = try AsOf.limit(arguments, command: spec.name)
        let service = action.service
        let (state, head) = try limit.map { try service.load(asOf: $0, reading: .all) } ?? service.load(reading: .all)
        let day = try date ?? (limit == nil ? service.today() : AsOf.day(after: head, in: context.logDirectory))
        let unit = arguments.value("--unit"), district = arguments.value("--district")
        if let unit, state.reference.units[unit] == nil { throw CommandFailure("unit \(unit) is not registered") }
        if let district, state.reference.units[district]?.kind != .districtGovernment {
            throw UsageError("--district takes the id of a district government (\(ProgressGroup.districts(in: state).joined(separator: ", "))), not '\(district)'", command: spec.name)
        }
        guard state.reference.rubric(for: year) != nil else { throw CommandFailure("no assessment rubric is declared for \(year) (rubric.declared)") }
        let units = CatalogueProjection.units(unit: unit, tier: tier, district: district, in: state)
        let assessment = Assessment(year: year, on: day, units: units, state: state)
        let seqs = try SeqIndex(refs: assessment.refs, reader: LogReader(directory: context.logDirectory), through: head?.seq ?? 0)
        let language = context.paperLanguage
        let scope = [unit.flatMap { state.reference.units[$0]?.name }, district.flatMap { state.reference.units[$0]?.name }, tier.map { state.reference.tierName($0) }]
            .compactMap { $0 }.joined(separator: " ")
        var paper = assessment.paper(language, seqs: seqs, scope: scope.isEmpty ? language("全部单位", "every unit") : scope)
        paper.anchor = head?.anchor
        try Document.emit(PaperOutput.bytes(paper, json: assessment.json(seqs: seqs), format: format), to: arguments.value("--out"), summary: "\(assessment.results.count) units assessed on \(year)")
    }
}
