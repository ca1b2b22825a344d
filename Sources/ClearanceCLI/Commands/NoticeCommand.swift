import Clearance
import EventLog
import Foundation
import Projections

/// `clearance notice`: the general office's progress notice for a day; with `--issue`, the notice is
/// issued: its text is kept beside the log under its SHA-256 and a `notice.issued` event records it.
enum NoticeCommand {
    static let spec = CommandSpec(
        name: "notice",
        summary: "the general office's progress notice (工作进展通报) for a day: stages, good practice, problems, what is due next; --issue records it",
        options: [
            .value("--date", "DATE", "the day whose progress it reports (default: today, or the simulated clock's day)"),
            .value("--stage", "N", "only this stage (1-7)"), .value("--district", "ID", "only the units of this district"),
            .flag("--issue", "issue it: keep its text beside the log (documents/SHA256) and append notice.issued (general office)"),
            .value("--at", "DATE", "--issue: the day it is issued (default: --date)"),
            .flag("--list", "list the notices issued, each text checked against the hash its event carries (exit 1 if one is missing or altered)"),
        ] + PaperOutput.options + AsOf.options,
        discussion: """
            Its figures are those of 'clearance progress --date DATE' for the same units. Chinese by default;
            --lang en for English. Good practice names units that did every stage due on time and ahead of its
            deadline, cleared newest first, with nothing past its deadline; problems name every unit overdue,
            what it lacks and how many working days late. Notices are numbered from 1 each year (第N期).
            With --issue the text issued is the text format in the language chosen; 'clearance log --type notice.issued'
            lists what was issued, and the stored text is checked against its hash when read back.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        if arguments.has("--list") { return try list(arguments, context) }
        let format = try PaperOutput.chosen(arguments, command: spec.name)
        let stage = try arguments.integer("--stage", in: 1...7, command: spec.name)
        let action = DomainAction(spec.name, arguments, context)
        let date = try action.day("--date")
        let issuedOn = try action.day("--at")
        let limit = try AsOf.limit(arguments, command: spec.name)
        if arguments.has("--issue"), limit != nil { throw UsageError("--issue records a notice now: it cannot be issued --as-of an earlier point", command: spec.name) }
        let district = arguments.value("--district")
        let language = context.paperLanguage
        let service = action.service
        let parts: StateParts = [.milestones, .profiles, .requests, .feedback, .supervision]
        let (state, head) = try limit.map { try service.load(asOf: $0, reading: parts) } ?? service.load(reading: parts)
        let day = try date ?? (limit == nil ? service.today() : AsOf.day(after: head, in: context.logDirectory))
        if let district, state.reference.units[district]?.kind != .districtGovernment {
            throw UsageError("--district takes the id of a district government (\(ProgressGroup.districts(in: state).joined(separator: ", "))), not '\(district)'", command: spec.name)
        }
        guard arguments.has("--issue") else {
            let drawn = NoticeIssuing.draw(in: state, judged: day, issued: issuedOn ?? day, stage: stage, district: district, language: language)
            var paper = drawn.paper(language)
            paper.anchor = head?.anchor
            let bytes = PaperOutput.bytes(paper, json: drawn.json, format: format)
            try Document.emit(bytes, to: arguments.value("--out"), summary: "\(drawn.numberText(.en)): \(drawn.problems.count) overdue, \(drawn.goodPractice.count) commended")
            return
        }
        // Drawn again from the state the append is checked against, so its number and figures are
        // those of the log it joins.
        var issuedText: [UInt8] = []
        try action.append { current in
            let (event, text) = try NoticeIssuing.issue(
                in: current, logDirectory: context.logDirectory, actor: try action.actor, judged: day, issued: issuedOn ?? day, stage: stage,
                district: district, language: language)
            issuedText = text
            return [event.entry(actor: try action.actor)]
        }
        try Document.emit(issuedText, to: arguments.value("--out"), summary: "the notice as issued")
    }

    /// Every notice issued, in order, with whether its kept text is still the one its event names.
    private static func list(_ arguments: ParsedArguments, _ context: Context) throws {
        let (state, _) = try AsOf.state(arguments, ClearanceService(directory: context.logDirectory), command: spec.name, reading: [.supervision])
        let store = DocumentStore(logDirectory: context.logDirectory)
        let table = TextTable([("NUMBER", 12), ("ISSUED", 10), ("JUDGED", 10), ("TEXT", 8), ("DOCUMENT", 0)], labels: context.labels)
        Terminal.out(table.headerLine)
        var broken = 0
        for notice in state.supervision.notices {
            let check: String
            do {
                _ = try store.read(notice.document)
                check = "intact"
            } catch let error as DocumentError {
                broken += 1
                check = error.problem.hasPrefix("is missing") ? "missing" : "altered"
            }
            Terminal.out(table.line(["\(notice.at.year)年第\(notice.number)期", notice.at.description, notice.judged.description, check, notice.document]))
        }
        if broken > 0 { throw CommandFailure("\(broken) of the \(state.supervision.notices.count) notices' kept texts are missing or altered (\(store.folder))") }
    }
}
