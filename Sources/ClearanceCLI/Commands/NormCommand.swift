import Clearance
import EventLog
import Foundation

/// `clearance norm adopt|show`: a unit's classification norm (stage 2).
enum NormCommand {
    static let actions = ["adopt", "show"]

    static let spec = CommandSpec(
        name: "norm",
        summary: "adopt a unit's classification norm from a JSON file; show it",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "UNIT", help: "the unit"),
        ],
        options: [
            .value("--file", "FILE", "adopt: the norm as JSON: {\"classes\": [...], \"feedbackDays\": N} (docs/events.md, norm.adopted)"),
            .value("--at", "DATE", "the business date (default: today)"),
            .flag("--json", "show: JSON"),
        ])

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let labels = context.labels
        let unit = try action.positional(1, "UNIT")
        switch arguments.positional(0) {
        case "adopt":
            let path = try action.required("--file")
            guard let bytes = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
            let body: JSONValue
            do { body = try JSONParser.parse(Array(bytes)) } catch { throw CommandFailure("\(path): not valid JSON: \(ErrorText.line(error))") }
            let data = JSONValue.object(
                [("at", .string(try action.businessDate().description)), ("unit", .string(unit))]
                    + (body.objectValue ?? []).filter { $0.key != "at" && $0.key != "unit" })
            let event: NormAdopted
            do { event = try NormAdopted(data: data) } catch let error as EventDataError { throw CommandFailure("\(path): \(error)") }
            try action.append { _ in [event.entry(actor: try action.actor)] }
        case "show":
            let (state, _) = try action.service.load()
            guard let norm = state.norms[unit] else { throw CommandFailure("\(unit) has adopted no norm") }
            if arguments.has("--json") {
                Terminal.out(JSONWriter.string(norm.data))
                return
            }
            Terminal.out("norm of \(unit), adopted \(norm.at); feedback answered within \(norm.feedbackDays) working days")
            let table = TextTable([("CLASS", 12), ("NAME", 24), ("KEY ITEMS", 18), ("LIMIT", 6), ("REVIEW", 10), ("OFFICE", 0)], labels: labels)
            Terminal.out(table.headerLine)
            for c in norm.classes {
                Terminal.out(table.line([c.id, c.name, c.keyItems.joined(separator: ","), "\(c.timeLimitDays)", labels(c.review.rawValue), c.office]))
            }
        default: throw action.unknownAction(actions)
        }
    }
}
