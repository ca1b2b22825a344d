import Clearance
import EventLog

/// `clearance role grant|revoke|list`: who may do what, for which units.
enum RoleCommand {
    static let actions = ["grant", "revoke", "list"]

    static let spec = CommandSpec(
        name: "role",
        summary: "grant or revoke a person's role (clerk, reviewer, publisher, general-office, auditor); list roles",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "PERSON", help: "grant, revoke: who", optional: true),
            .init(name: "ROLE", help: "grant, revoke: " + Role.allCases.map(\.rawValue).joined(separator: " | "), optional: true),
        ],
        options: [
            .value("--unit", "UNIT", "grant: a unit the role covers (repeatable; clerk, reviewer and publisher need one)"),
            .value("--at", "DATE", "the business date (default: today)"),
            .flag("--json", "list: JSON"),
        ],
        discussion: "Only the general office grants and revokes. The person who ran 'clearance init' is the general office.")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let labels = context.labels
        switch arguments.positional(0) {
        case "grant", "revoke":
            let person = try action.positional(1, "PERSON")
            let text = try action.positional(2, "ROLE")
            guard let role = Role(rawValue: text) else {
                throw UsageError("ROLE must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", command: spec.name)
            }
            let at = try action.businessDate()
            let entry = arguments.positional(0) == "grant"
                ? RoleGranted(at: at, person: person, role: role, units: arguments.values["--unit"] ?? []).entry(actor: try action.actor)
                : RoleRevoked(at: at, person: person, role: role).entry(actor: try action.actor)
            try action.append { _ in [entry] }
        case "list":
            let (state, _) = try action.service.load()
            let rows = state.roles.sorted { $0.key < $1.key }.flatMap { person, roles in
                roles.sorted { $0.key.rawValue < $1.key.rawValue }.map { (person, $0.key.rawValue, $0.value.sorted()) }
            }
            if arguments.has("--json") {
                for (person, role, units) in rows {
                    Terminal.out(JSONWriter.string(.object([
                        ("person", .string(person)), ("role", .string(role)), ("units", .array(units.map { .string($0) })),
                    ])))
                }
                return
            }
            let table = TextTable([("PERSON", 20), ("ROLE", 15), ("UNITS", 0)], labels: labels)
            Terminal.out(table.headerLine)
            for (person, role, units) in rows { Terminal.out(table.line([person, labels(role), units.isEmpty ? labels("(everywhere)") : units.joined(separator: ", ")])) }
        default: throw action.unknownAction(actions)
        }
    }
}
