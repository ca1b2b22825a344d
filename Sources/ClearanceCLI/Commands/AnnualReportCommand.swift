import Clearance
import EventLog
import Foundation
import Projections

/// `clearance annual-report`: a unit's annual report on a year (a draft from the log until it is
/// filed), filing it with what the unit writes, publishing it; or the city's, compiled from its units'.
enum AnnualReportCommand {
    static let spec = CommandSpec(
        name: "annual-report",
        summary: "a unit's annual report on a year in the form in force (figures from the log), filed and published; or --city, the sum of the units'",
        options: [
            .value("--unit", "UNIT", "the unit"), .flag("--city", "the general office's report, compiling every unit's filed report"),
            .value("--year", "YEAR", "the year reported on"),
            .value("--file", "FILE.json", "file the report: {\"narrative\": {SECTION: TEXT…}, \"feesCharged\", \"feesWaived\", \"staffFullTime\", \"staffPartTime\", \"funding\"}; the figures come from the log"),
            .flag("--publish", "record that the filed report is published"), .value("--at", "DATE", "--file, --publish: the business date (default: today)"),
        ] + PaperOutput.options + AsOf.options,
        discussion: """
            The form is the one declared for the year (annual-reports.json): for 2008 the city's (成办函〔2009〕54号,
            filed by 2009-03-20 by city departments and district governments, published by 2009-03-31), 2009-2018
            the 2007 Regulations' Art. 32, from 2019 the national format with applicant columns. A filing whose
            figures differ from the log, or whose table does not balance, is refused, naming the requests behind
            the difference; so is one that lacks a part the form has the unit write. Annual reports are public.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let format = try PaperOutput.chosen(arguments, command: spec.name)
        guard let year = try arguments.integer("--year", in: 1990...2100, command: spec.name) else { throw UsageError("--year is required", command: spec.name) }
        let action = DomainAction(spec.name, arguments, context)
        let language = context.paperLanguage
        let out = arguments.value("--out")
        if arguments.has("--city") {
            guard arguments.value("--unit") == nil, arguments.value("--file") == nil, !arguments.has("--publish") else {
                throw UsageError("--city shows the compiled report: no --unit, --file or --publish", command: spec.name)
            }
            let (state, head) = try AsOf.state(arguments, action.service, command: spec.name, reading: [.supervision])
            let report = CityAnnualReport(year: year, state: state)
            var paper = report.paper(language)
            paper.anchor = head?.anchor
            try Document.emit(PaperOutput.bytes(paper, json: report.json, format: format), to: out, summary: "\(report.units.count - report.notFiled.count) of \(report.units.count) units filed")
            return
        }
        let unit = try action.required("--unit")
        if let path = arguments.value("--file") {
            let body = try fileBody(path)
            let at = try action.businessDate()
            try action.append { state in
                guard state.reference.units[unit] != nil else { throw CommandFailure("unit \(unit) is not registered") }
                var data: [(key: String, value: JSONValue)] = [
                    ("at", .string(at.description)), ("unit", .string(unit)), ("year", .integer(year)),
                    ("figures", AnnualFigures(unit: unit, year: year, state: state).json),
                ]
                data += (body.objectValue ?? []).filter { !["at", "unit", "year", "figures"].contains($0.key) }
                do { return [try ReportFiled(data: .object(data)).entry(actor: try action.actor)] } catch let error as EventDataError {
                    throw CommandFailure("\(path): \(error)")
                }
            }
            return
        }
        if arguments.has("--publish") {
            let event = ReportPublished(at: try action.businessDate(), unit: unit, year: year)
            try action.append { _ in [event.entry(actor: try action.actor)] }
            return
        }
        let (state, head) = try AsOf.state(arguments, action.service, command: spec.name, reading: [.requests, .supervision])
        guard state.reference.units[unit] != nil else { throw CommandFailure("unit \(unit) is not registered") }
        let report = AnnualReport(unit: unit, year: year, state: state)
        var paper = report.paper(language)
        paper.anchor = head?.anchor
        try Document.emit(PaperOutput.bytes(paper, json: report.json, format: format), to: out, summary: "\(report.status.rawValue)")
    }

    /// The unit's own parts, from a JSON file checked before anything is appended.
    static func fileBody(_ path: String) throws -> JSONValue {
        guard let bytes = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        let body: JSONValue
        do { body = try JSONParser.parse(Array(bytes)) } catch { throw CommandFailure("\(path): not valid JSON: \(ErrorText.line(error))") }
        guard case .object = body else { throw CommandFailure("\(path): must hold a JSON object with narrative, fees, staff and funding") }
        return body
    }
}
