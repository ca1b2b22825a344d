import Clearance
import EventLog

/// `clearance stage list|milestone|training`: the seven stages and the general office's records of them.
enum StageCommand {
    static let actions = ["list", "milestone", "training", "reschedule"]

    static let spec = CommandSpec(
        name: "stage",
        summary: "list the stages with deadlines; record a milestone reached or a training held; move a deadline (general office)",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "STAGE", help: "milestone, training, reschedule: the stage number", optional: true),
        ],
        options: [
            .value("--unit", "UNIT", "milestone: the unit that reached it; training: a unit trained (repeatable)"),
            .value("--title", "TEXT", "training: what it covered"), .value("--note", "TEXT", "milestone, reschedule: a note"),
            .value("--deadline", "DATE", "reschedule: the new deadline"),
            .value("--at", "DATE", "the business date (default: today)"), .flag("--json", "list: JSON"),
        ])

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let labels = context.labels
        switch arguments.positional(0) {
        case "list":
            let (state, _) = try action.service.load()
            let stages = state.reference.stages.keys.sorted().compactMap { state.reference.stages[$0]?.data }
            if arguments.has("--json") {
                for stage in stages { Terminal.out(JSONWriter.string(stage)) }
                return
            }
            let table = TextTable([("STAGE", 5), ("DEADLINE", 10), ("RESPONSIBLE", 24), ("MILESTONES", 10), ("NAME", 0)], labels: labels)
            Terminal.out(table.headerLine)
            for stage in stages {
                let number = stage["number"]?.intValue ?? 0
                Terminal.out(table.line([
                    "\(number)", stage["deadline"]?.stringValue ?? "", stage["responsibleZh"]?.stringValue ?? "",
                    "\(state.milestones[number]?.count ?? 0)", stage["zh"]?.stringValue ?? "",
                ]))
            }
        case "milestone", "training":
            guard let number = Int(try action.positional(1, "STAGE")) else { throw UsageError("STAGE must be a number from 1 to 7", command: spec.name) }
            let at = try action.businessDate()
            let entry: NewEntry
            if arguments.positional(0) == "milestone" {
                entry = StageMilestoneReached(at: at, stage: number, unit: try action.required("--unit"), note: arguments.value("--note")).entry(actor: try action.actor)
            } else {
                entry = TrainingHeld(at: at, stage: number, title: try action.required("--title"), units: arguments.values["--unit"] ?? []).entry(actor: try action.actor)
            }
            try action.append { _ in [entry] }
        case "reschedule":
            // A moved deadline is one more stage.scheduled event: the stage as it was, with the new date.
            guard let number = Int(try action.positional(1, "STAGE")) else { throw UsageError("STAGE must be a number from 1 to 7", command: spec.name) }
            guard let deadline = try action.day("--deadline") else { throw UsageError("--deadline is required", command: spec.name) }
            let at = try action.businessDate()
            try action.append { state in
                guard let stage = state.reference.stages[number]?.data.objectValue else { throw CommandFailure("stage \(number) is not scheduled") }
                var members = stage.filter { $0.key != "at" && $0.key != "deadline" && $0.key != "note" }
                members.insert(("at", .string(at.description)), at: 0)
                members.append(("deadline", .string(deadline.description)))
                if let note = arguments.value("--note") { members.append(("note", .string(note))) }
                return [NewEntry(actor: try action.actor, type: ReferenceEventType.stageScheduled, data: .object(members))]
            }
        default: throw action.unknownAction(actions)
        }
    }
}
