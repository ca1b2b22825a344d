import Clearance
import EventLog

/// `clearance feedback receive|answer|list`: the public's feedback and the unit's answers.
enum FeedbackCommand {
    static let actions = ["receive", "answer", "list"]

    static let spec = CommandSpec(
        name: "feedback",
        summary: "receive the public's feedback, answer it, list it with its deadlines",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "FEEDBACK", help: "receive, answer: the feedback id", optional: true),
        ],
        options: [
            .value("--unit", "UNIT", "receive: the unit; list: only this unit"), .value("--record", "RECORD", "receive: the record it is about"),
            .value("--text", "TEXT", "receive: what was said; answer: the answer"),
            .value("--at", "DATE", "the business date (default: today)"), .flag("--json", "list: JSON"),
        ])

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let labels = context.labels
        switch arguments.positional(0) {
        case "receive":
            let event = FeedbackReceived(
                at: try action.businessDate(), feedback: try action.positional(1, "FEEDBACK"), unit: try action.required("--unit"),
                record: arguments.value("--record"), text: try action.required("--text"))
            try action.append { _ in [event.entry(actor: try action.actor)] }
        case "answer":
            let event = FeedbackAnswered(at: try action.businessDate(), feedback: try action.positional(1, "FEEDBACK"), answer: try action.required("--text"))
            try action.append { _ in [event.entry(actor: try action.actor)] }
        case "list":
            let (state, _) = try action.service.load()
            let calendar = try? state.reference.calendar()
            let rows = state.feedback.sorted { $0.key < $1.key }.filter { arguments.value("--unit") == nil || $0.value.received.unit == arguments.value("--unit") }
            // The due day may read "unknown until the 2027 notice (…)": wide enough for it.
            let table = TextTable([("FEEDBACK", 14), ("UNIT", 16), ("RECEIVED", 10), ("DUE", 64), ("ANSWERED", 10), ("TEXT", 0)], labels: labels)
            if !arguments.has("--json") { Terminal.out(table.headerLine) }
            for (id, item) in rows {
                let due: String
                if let clock = FeedbackClock(of: item, in: state), let calendar {
                    do { due = try clock.due(on: calendar).description } catch let error as CalendarError { due = error.shortText }
                } else {
                    due = "(no norm)"
                }
                let cells = [id, item.received.unit, item.received.at.description, due, item.answered?.at.description ?? "", item.received.text]
                if arguments.has("--json") {
                    Terminal.out(JSONWriter.string(.object(zip(["feedback", "unit", "received", "due", "answered", "text"], cells).map { ($0, .string($1)) })))
                } else {
                    Terminal.out(table.line(cells))
                }
            }
        default: throw action.unknownAction(actions)
        }
    }
}
