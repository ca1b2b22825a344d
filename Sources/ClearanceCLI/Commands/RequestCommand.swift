import Clearance
import EventLog

/// `clearance request …`: requests for disclosure, from receipt to answer, against the rule set's time limits.
enum RequestCommand {
    static let actions = ["receive", "ask-correction", "corrected", "extend", "answer", "show", "list", "notice", "challenge", "decided"]

    static let spec = CommandSpec(
        name: "request",
        summary: "receive a request, ask for a correction, extend once, answer; show its deadline; list; its written replies (notice)",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "REQUEST", help: "the request id (all actions but list)", optional: true),
        ],
        options: [
            .value("--unit", "UNIT", "receive: the unit; list: only this unit"), .value("--applicant", "NAME", "receive"),
            .value("--applicant-kind", "KIND", "receive: natural-person, commercial-enterprise, research-institution, public-interest-organisation, legal-service-institution or other-organisation (required from 2019-05-15: the report counts by it)"),
            .value("--basis", "BASIS", "answer: the exemption basis of what a partial disclosure withholds"),
            .value("--competent-body", "TEXT", "answer: the body competent to disclose (name and contact), where this one is not"),
            .value("--description", "TEXT", "receive: what is asked for"), .value("--note", "TEXT", "ask-correction, answer"),
            .value("--approved-by", "NAME", "extend: who approved the extension"), .value("--reason", "TEXT", "extend"),
            .value("--correct-by", "DATE", "ask-correction: the day the applicant must correct the request by (2019 rules: uncorrected by then, it counts as withdrawn)"),
            .value("--outcome", "ROW", "answer: a reply outcome row id, e.g. disclosed, not-disclosed/state-secret"),
            .value("--at", "DATE", "the business date (default: today)"), .flag("--json", "show, list: JSON"),
            .value("--format", "FORMAT", "notice: text (default), json or html (a page that prints on A4)"), .value("--out", "FILE", "notice: write to FILE"),
            .value("--case", "ID", "challenge, decided: the reconsideration or lawsuit"),
            .value("--kind", "KIND", "challenge: reconsideration or litigation"), .value("--route", "ROUTE", "challenge, litigation: direct or after-reconsideration"),
            .value("--result", "RESULT", "decided: upheld, corrected or other"),
        ],
        discussion: "Time limits, corrections and outcomes follow the rule set in force on the day of receipt (15+15 working days before 2019-05-15, 20+20 after; a correction asked within 7 working days restarts the clock from 2019). The due day is the one the funnel and progress judge by.")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let labels = context.labels
        switch arguments.positional(0) {
        case "receive":
            let event = RequestReceived(
                at: try action.businessDate(), request: try action.positional(1, "REQUEST"), unit: try action.required("--unit"),
                applicant: try action.required("--applicant"), description: try action.required("--description"),
                applicantKind: arguments.value("--applicant-kind"))
            try action.append { _ in [event.entry(actor: try action.actor)] }
        case "ask-correction", "corrected", "extend", "answer":
            let kind: RequestStep.Kind = switch arguments.positional(0) {
            case "ask-correction": .correctionAsked
            case "corrected": .corrected
            case "extend": .extended
            default: .answered
            }
            let step = RequestStep(
                kind: kind, at: try action.businessDate(), request: try action.positional(1, "REQUEST"),
                outcome: kind == .answered ? try action.required("--outcome") : nil,
                approvedBy: kind == .extended ? try action.required("--approved-by") : nil,
                note: kind == .extended ? try action.required("--reason") : kind == .correctionAsked ? try action.required("--note") : arguments.value("--note"),
                correctBy: kind == .correctionAsked ? try arguments.value("--correct-by").map { text in
                    guard let day = Day(text) else { throw UsageError("--correct-by takes a date written YYYY-MM-DD, not '\(text)'", command: spec.name) }
                    return day
                } : nil,
                basis: kind == .answered ? arguments.value("--basis") : nil, competentBody: kind == .answered ? arguments.value("--competent-body") : nil)
            try action.append { _ in [step.entry(actor: try action.actor)] }
        case "show", "list":
            let (state, _) = try action.service.load()
            let today = try action.service.today()
            let ids = arguments.positional(0) == "show"
                ? [try action.positional(1, "REQUEST")]
                : state.requests.keys.sorted().filter { arguments.value("--unit") == nil || state.requests[$0]?.received.unit == arguments.value("--unit") }
            // The due column last and whole: it may read "unknown until the 2027 notice (…)".
            let table = TextTable([("REQUEST", 14), ("UNIT", 16), ("RECEIVED", 10), ("EXTENDED", 8), ("ANSWERED", 10), ("OUTCOME", 32), ("DUE", 0)], labels: labels)
            if !arguments.has("--json") { Terminal.out(table.headerLine) }
            for id in ids {
                guard let request = state.requests[id] else { throw CommandFailure("request \(id) was never received") }
                let due = RequestDeadline.due(request, state, on: today)
                let cells = [
                    id, request.received.unit, request.received.at.description, due, request.extended ? labels("yes") : "",
                    request.answered?.at.description ?? "", request.answered?.outcome ?? "",
                ]
                if arguments.has("--json") {
                    Terminal.out(JSONWriter.string(.object(zip(["request", "unit", "received", "due", "extended", "answered", "outcome"], cells).map { ($0, .string($1)) })))
                } else {
                    Terminal.out(table.line([cells[0], cells[1], cells[2], cells[4], cells[5], cells[6], cells[3]]))
                }
            }
        case "notice":
            try ReplyNoticeOutput.run(action, request: try action.positional(1, "REQUEST"))
        case "challenge":
            // The applicant took the answer to reconsideration or to court: recorded against the request's unit.
            let id = try action.positional(1, "REQUEST")
            guard let kind = RemedyFiled.Kind(rawValue: try action.required("--kind")) else { throw UsageError("--kind takes reconsideration or litigation", command: spec.name) }
            let route = try arguments.value("--route").map { text in
                guard let route = RemedyFiled.Route(rawValue: text) else { throw UsageError("--route takes direct or after-reconsideration, not '\(text)'", command: spec.name) }
                return route
            }
            if kind == .litigation, route == nil { throw UsageError("a lawsuit names its --route: direct or after-reconsideration", command: spec.name) }
            let remedyCase = try action.required("--case")
            let at = try action.businessDate()
            try action.append { state in
                guard let request = state.requests[id] else { throw CommandFailure("request \(id) was never received") }
                return [RemedyFiled(at: at, remedyCase: remedyCase, kind: kind, unit: request.received.unit, request: id, route: kind == .litigation ? route : nil).entry(actor: try action.actor)]
            }
        case "decided":
            guard let outcome = RemedyDecided.Outcome(rawValue: try action.required("--result")) else { throw UsageError("--result takes upheld, corrected or other", command: spec.name) }
            let event = RemedyDecided(at: try action.businessDate(), remedyCase: try action.required("--case"), outcome: outcome)
            try action.append { _ in [event.entry(actor: try action.actor)] }
        default: throw action.unknownAction(actions)
        }
    }
}

/// A request's reply deadline as `request list` prints it, from `RequestClock`, the rule the funnel
/// and the progress pages ask too.
enum RequestDeadline {
    static func due(_ request: RequestState, _ state: ClearanceState, on day: Day) -> String {
        let clock = RequestClock(of: request, in: state, on: day)
        switch clock.standing {
        case .awaitingCorrection(let since, _) where !clock.isCounting: return "paused since \(since)"
        case .withdrawn(let on): return "withdrawn \(on)"
        default: break
        }
        guard let calendar = try? state.reference.calendar() else { return "unknown" }
        do {
            return try clock.due(on: calendar)?.description ?? "unknown"
        } catch let error as CalendarError {
            return error.shortText
        } catch {
            return "unknown"
        }
    }
}
