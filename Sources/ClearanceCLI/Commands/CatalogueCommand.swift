import Clearance
import EventLog
import Foundation
import Projections

/// `clearance catalogue`: the disclosure catalogue of a unit, a tier or a district, from the log.
enum CatalogueCommand {
    static let spec = CommandSpec(
        name: "catalogue",
        summary: "the disclosure catalogue of a unit, tier or district (text, csv, json or html), from the log",
        positionals: [.init(name: "UNIT", help: "one unit (or use --tier / --district)", optional: true)],
        options: [
            .value("--tier", "N", "every unit of tier 1, 2 or 3"), .value("--district", "ID", "every unit of a district"),
        ] + formats.options + [.value("--out", "FILE", "write to FILE instead of stdout")] + AsOf.options,
        discussion: """
            Published proactive records with index number, title, summary, creation date, issuing unit,
            document number, class and key item, form and publication date; then the titles of what is
            available on request. Exempt, unreviewed and withdrawn records never appear.
            """)

    static let formats = FormatOption(
        formats: ["text"] + CatalogueFormat.allCases.map(\.rawValue), help: "text (default), csv (UTF-8 with BOM, CRLF: opens in Excel), json or html")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let chosen = try formats.chosen(arguments, command: spec.name)
        let tier = try arguments.integer("--tier", in: 1...3, command: spec.name)
        let unit = arguments.positional(0)
        let district = arguments.value("--district")
        guard unit != nil || tier != nil || district != nil else {
            throw UsageError("name a UNIT, --tier N or --district ID", command: spec.name)
        }
        // A catalogue reads records, norms and reference data, which every load has: no other part.
        let (state, _) = try AsOf.state(arguments, ClearanceService(directory: context.logDirectory), command: spec.name, reading: [])
        let units = CatalogueProjection.units(unit: unit, tier: tier, district: district, in: state)
        guard !units.isEmpty else { throw CommandFailure("no registered unit matches \(unit ?? district ?? "tier \(tier!)")") }
        let title = unit.flatMap { state.reference.units[$0]?.name } ?? district.flatMap { state.reference.units[$0]?.name } ?? state.reference.tierName(tier ?? 0)
        let catalogue = CatalogueProjection(title: "\(title) 政府信息公开目录", units: units, state: state)
        let bytes: [UInt8]
        switch CatalogueFormat(rawValue: chosen) {
        case nil:
            let table = TextTable([("INDEX NUMBER", 26), ("CREATED", 10), ("PUBLISHED", 10), ("DOC", 20), ("TITLE", 0)], labels: context.labels)
            var lines = [catalogue.title, table.headerLine]
            lines += catalogue.entries.map { table.line([$0.indexNumber, $0.created, $0.published, $0.documentNumber, $0.title]) }
            lines.append("\(catalogue.entries.count) published; \(catalogue.onRequest.count) on request:")
            lines += catalogue.onRequest.map { "  \($0.title)" }
            bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        case let format?:
            bytes = catalogue.document(format)
        }
        try Document.emit(bytes, to: arguments.value("--out"), summary: "\(catalogue.entries.count) published, \(catalogue.onRequest.count) on request")
    }
}
