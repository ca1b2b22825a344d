import Clearance
import EventLog

/// `clearance record …`: a record's way through registration, classification, review and publication.
enum RecordCommand {
    static let actions = ["register", "classify", "review", "publish", "withdraw", "correct", "reassess", "show", "list"]

    static let spec = CommandSpec(
        name: "record",
        summary: "register, classify, review, publish, withdraw, correct or reassess a record; show and list records",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "RECORD", help: "the record id (all actions but list)", optional: true),
        ],
        options: [
            .value("--unit", "UNIT", "register, list: the unit"),
            .value("--title", "TEXT", "register, correct: the title"),
            .value("--doc", "NUMBER", "register, correct: the document number (文号)"),
            .value("--created", "DATE", "register: when the information was created (default: --at); correct: the corrected creation date"),
            .value("--summary", "TEXT", "register, correct: the summary"),
            .value("--term", "TERM", "register: the government term, e.g. 2007-2011"),
            .value("--class", "CLASS", "classify: a content class of the unit's norm"),
            .value("--item", "KEY-ITEM", "classify: a key item, e.g. 10-08"),
            .value("--disclosure", "HOW", "classify: proactive | on-request | exempt"),
            .value("--basis", "BASIS", "classify: the exemption basis (exempt only); reassess --keep: the basis it stays withheld on"),
            .value("--level", "N", "review: 1 or 2 (default: the next one due)"),
            .flag("--approve", "review: approve (secrecy and accuracy passed)"),
            .value("--return", "REASON", "review: return it for reclassification, with the reason (its grounds)"),
            .value("--checked", "TEXT", "review: what was checked (the written review: 2007 Art. 14, 2019 Art. 17)"),
            .value("--grounds", "TEXT", "review --approve, reassess: the grounds of the conclusion"),
            .flag("--keep", "reassess: the withheld record stays withheld (on --basis, or its classification's)"),
            .flag("--disclose", "reassess: circumstances changed; it goes back to classification to be disclosed"),
            .value("--channel", "CHANNEL", "publish: where (default portal)"),
            .value("--reason", "TEXT", "withdraw, correct: why"),
            .value("--status", "STATUS", "list: registered | classified | approved | published | withdrawn"),
            .value("--at", "DATE", "the business date (default: today, or the simulated clock's day)"),
            .flag("--json", "show, list: JSON"),
        ],
        discussion: """
            Every action passes the rules (docs/rules.md) before it is appended: a clerk of the record's unit
            registers and classifies, a reviewer who did not classify it reviews, a publisher publishes an
            approved proactive record under the next index number. Refusals name the rule and exit 1.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        switch arguments.positional(0) {
        case "register": try register(action)
        case "classify": try classify(action)
        case "review": try review(action)
        case "publish": try publish(action)
        case "withdraw":
            let (record, at) = (try action.positional(1, "RECORD"), try action.businessDate())
            let reason = try action.required("--reason")
            try action.append { _ in [RecordWithdrawn(at: at, record: record, reason: reason).entry(actor: try action.actor)] }
        case "correct":
            let (record, at) = (try action.positional(1, "RECORD"), try action.businessDate())
            let created = try arguments.value("--created").map { text in
                guard let day = Day(text) else { throw UsageError("--created takes a date written YYYY-MM-DD, not '\(text)'", command: spec.name) }
                return day
            }
            let (title, summary, number) = (arguments.value("--title"), arguments.value("--summary"), arguments.value("--doc"))
            guard title != nil || summary != nil || number != nil || created != nil else {
                throw UsageError("correct: give what is corrected: --title, --summary, --doc or --created", command: spec.name)
            }
            let reason = try action.required("--reason")
            try action.append { state in
                // The log says what each corrected field said before, read off the record as it stands.
                let r = state.records[record]?.registration
                let before = RecordCorrected.Before(
                    title: title.flatMap { _ in r?.title }, summary: summary.flatMap { _ in r?.summary },
                    documentNumber: number.flatMap { _ in r?.documentNumber }, created: created.flatMap { _ in r?.created })
                let event = RecordCorrected(
                    at: at, record: record, title: title, summary: summary, documentNumber: number, created: created, before: before, reason: reason)
                return [event.entry(actor: try action.actor)]
            }
        case "reassess":
            guard arguments.has("--keep") != arguments.has("--disclose") else {
                throw UsageError("reassess: give exactly one of --keep or --disclose", command: spec.name)
            }
            let event = RecordReassessed(
                at: try action.businessDate(), record: try action.positional(1, "RECORD"),
                conclusion: arguments.has("--keep") ? .keepWithheld : .disclose, basis: arguments.value("--basis"),
                grounds: try action.required("--grounds"))
            try action.append { _ in [event.entry(actor: try action.actor)] }
        case "show": try RecordViews.show(action)
        case "list": try RecordViews.list(action)
        default: throw action.unknownAction(actions)
        }
    }

    static func register(_ action: DomainAction) throws {
        let at = try action.businessDate()
        let event = RecordRegistered(
            at: at, record: try action.positional(1, "RECORD"), unit: try action.required("--unit"),
            title: try action.required("--title"), documentNumber: action.arguments.value("--doc"),
            created: try action.day("--created") ?? at, summary: action.arguments.value("--summary") ?? "",
            term: action.arguments.value("--term"))
        try action.append { _ in [event.entry(actor: try action.actor)] }
    }

    static func classify(_ action: DomainAction) throws {
        let text = try action.required("--disclosure")
        guard let disclosure = Disclosure(rawValue: text) else {
            throw UsageError("--disclosure must be proactive, on-request or exempt, not '\(text)'", command: spec.name)
        }
        let event = RecordClassified(
            at: try action.businessDate(), record: try action.positional(1, "RECORD"), contentClass: try action.required("--class"),
            keyItem: action.arguments.value("--item"), disclosure: disclosure, basis: action.arguments.value("--basis"))
        try action.append { _ in [event.entry(actor: try action.actor)] }
    }

    static func review(_ action: DomainAction) throws {
        let record = try action.positional(1, "RECORD")
        let returned = action.arguments.value("--return")
        guard action.arguments.has("--approve") != (returned != nil) else {
            throw UsageError("give exactly one of --approve or --return REASON", command: spec.name)
        }
        let at = try action.businessDate()
        let level = try action.arguments.integer("--level", in: 1...2, command: spec.name)
        let checked = try action.required("--checked")
        let grounds = returned == nil ? try action.required("--grounds") : returned
        try action.append { state in
            let next = level ?? (state.records[record]?.approvedLevels ?? 0) + 1
            let event = RecordReviewed(
                at: at, record: record, level: next, secrecy: .passed, accuracy: returned == nil ? .passed : .failed,
                outcome: returned == nil ? .approved : .returned, checked: checked, grounds: grounds)
            return [event.entry(actor: try action.actor)]
        }
    }

    static func publish(_ action: DomainAction) throws {
        let record = try action.positional(1, "RECORD")
        let at = try action.businessDate()
        let channel = action.arguments.value("--channel") ?? "portal"
        let state = try action.append { state in
            // The index number is the next of the record's unit for the year of publication.
            let unit = state.records[record]?.registration.unit ?? ""
            let number = IndexNumber.next(for: unit, year: at.year, in: state)
            return [RecordPublished(at: at, record: record, indexNumber: number.description, channel: channel).entry(actor: try action.actor)]
        }
        if let number = state.records[record]?.indexNumber { Terminal.out("index number \(number)") }
    }
}
