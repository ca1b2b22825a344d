import Clearance
import EventLog
import Projections

/// `clearance unit list|show|profile`: the units (reference data) and their guide profiles.
enum UnitCommand {
    static let actions = ["list", "show", "profile", "register"]

    static let spec = CommandSpec(
        name: "unit",
        summary: "list units (by tier, district, kind); show one; set its disclosure office profile; register a new unit",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "UNIT", help: "show, profile, register: the unit id", optional: true),
        ],
        options: [
            .value("--tier", "N", "list: 1, 2 or 3"), .value("--district", "ID", "list: a district, county-level city or county"),
            .value("--kind", "KIND", "list: e.g. department, township, sub-district"),
            .value("--office", "NAME", "profile"), .value("--address", "TEXT", "profile"), .value("--hours", "TEXT", "profile"),
            .value("--phone", "TEXT", "profile"), .value("--fax", "TEXT", "profile"), .value("--email", "TEXT", "profile"),
            .value("--name", "NAME", "register: the unit's name"), .value("--parent", "UNIT", "register: the government it belongs to"),
            .value("--at", "DATE", "the business date (default: today)"), .flag("--json", "list, show: JSON"),
        ])

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let labels = context.labels
        switch arguments.positional(0) {
        case "list":
            let (state, _) = try action.service.load()
            let tier = try arguments.integer("--tier", in: 1...3, command: spec.name)
            let units = state.reference.unitOrder.compactMap { state.reference.units[$0] }.filter { unit in
                (tier == nil || unit.tier == tier)
                    && (arguments.value("--district") == nil || unit.district == arguments.value("--district"))
                    && (arguments.value("--kind") == nil || unit.kind.rawValue == arguments.value("--kind"))
            }
            if arguments.has("--json") {
                for unit in units { Terminal.out(JSONWriter.string(unit.data)) }
                return
            }
            let table = TextTable([("UNIT", 22), ("TIER", 4), ("KIND", 19), ("DISTRICT", 12), ("NAME", 0)], labels: labels)
            var output = BufferedOutput()
            output.line(table.headerLine)
            for unit in units {
                output.line(table.line([
                    unit.id, "\(unit.tier)", unit.kind.rawValue, unit.district ?? "", unit.name,
                ]))
            }
            output.line("\(units.count) units")
            output.flush()
        case "show":
            let id = try action.positional(1, "UNIT")
            let (state, _) = try action.service.load()
            guard let unit = state.reference.units[id] else { throw CommandFailure("unit \(id) is not registered") }
            let profile = state.profiles[id]
            var members = unit.data.objectValue ?? []
            members.append(("profile", profile?.data ?? .null))
            let profileGaps = GuideProjection.gaps(of: id, in: state).filter { $0 != .norm }
            members.append(("profileGaps", .array(profileGaps.map { .string($0.key) })))
            members.append(("normAdopted", state.norms[id].map { .string($0.at.description) } ?? .null))
            if arguments.has("--json") {
                Terminal.out(JSONWriter.string(.object(members)))
                return
            }
            for member in members { Terminal.out(DisplayWidth.pad(member.key, to: 14) + TextTable.cell(member.value.stringValue ?? JSONWriter.string(member.value))) }
        case "profile":
            let id = try action.positional(1, "UNIT")
            var values: [String: String] = [:]
            for field in UnitProfileSet.fields { values[field] = arguments.value("--" + field) }
            let event = UnitProfileSet(at: try action.businessDate(), unit: id, values: values)
            try action.append { _ in [event.entry(actor: try action.actor)] }
        case "register":
            // A new unit is reference data: only the general office registers one (the service checks).
            let id = try action.positional(1, "UNIT")
            let kind = try action.required("--kind")
            let tier = try arguments.integer("--tier", in: 1...3, command: spec.name)
            guard let tier else { throw UsageError("--tier is required", command: spec.name) }
            let name = try action.required("--name")
            let at = try action.businessDate()
            try action.append { state in
                // `register` makes a new unit; re-declaring one is a `unit.registered` event by `append`.
                guard state.reference.units[id] == nil else { throw CommandFailure("unit \(id) is already registered") }
                let data = JSONValue.object([
                    ("at", .string(at.description)), ("id", .string(id)), ("name", .string(name)), ("kind", .string(kind)),
                    ("tier", .integer(tier)), ("parent", arguments.value("--parent").map { .string($0) } ?? .null),
                    ("district", arguments.value("--district").map { .string($0) } ?? .null), ("generated", .bool(false)),
                ])
                return [NewEntry(actor: try action.actor, type: ReferenceEventType.unitRegistered, data: data)]
            }
        default: throw action.unknownAction(actions)
        }
    }
}
