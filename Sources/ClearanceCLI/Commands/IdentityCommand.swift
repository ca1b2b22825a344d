import Clearance
import EventLog

/// `clearance identity bind|unbind|list|whoami`: which OS accounts act as which actors.
enum IdentityCommand {
    static let actions = ["bind", "unbind", "list", "whoami"]

    static let spec = CommandSpec(
        name: "identity",
        summary: "bind an actor to an OS account, end a binding, list them (general office); show who you are",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "PERSON", help: "bind, unbind: the actor", optional: true),
        ],
        options: [
            .value("--account", "NAME", "bind, unbind: the OS account (as the kernel names it: id -un)"),
            .value("--at", "DATE", "the business date (default: today)"),
            .flag("--json", "list: JSON"),
        ],
        discussion: """
            In a log that binds actors (every log but --try-out ones), an actor acts only from an OS account
            bound to it: appends check the account of the process (or, through 'clearance serve', of the
            connecting process, as the kernel reports it). 'whoami' prints this process's account and the
            actors bound to it.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        switch arguments.positional(0) {
        case "bind", "unbind":
            let person = try action.positional(1, "PERSON")
            let account = try action.required("--account")
            let at = try action.businessDate()
            let entry = arguments.positional(0) == "bind"
                ? IdentityBound(at: at, actor: person, kind: .osAccount, identity: account).entry(actor: try action.actor)
                : IdentityUnbound(at: at, actor: person, kind: .osAccount, identity: account).entry(actor: try action.actor)
            try action.append { _ in [entry] }
        case "list":
            let (state, _) = try action.service.load(reading: [])
            let rows = state.trust.identities.sorted { $0.key < $1.key }.flatMap { actor, set in
                set.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }.map { (actor, $0) }
            }
            if arguments.has("--json") {
                for (actor, identity) in rows {
                    Terminal.out(JSONWriter.string(.object([
                        ("actor", .string(actor)), ("kind", .string(identity.kind.rawValue)), ("identity", .string(identity.name)),
                    ])))
                }
                return
            }
            let table = TextTable([("ACTOR", 24), ("KIND", 14), ("IDENTITY", 0)], labels: context.labels)
            Terminal.out(table.headerLine)
            for (actor, identity) in rows { Terminal.out(table.line([actor, identity.kind.rawValue, identity.name])) }
        case "whoami":
            let me = OSAccount.current()
            let (state, _) = try action.service.load(reading: [])
            let actors = state.trust.actors(boundTo: me)
            Terminal.out("\(me.kind.rawValue) \(me.name): " + (actors.isEmpty ? "bound to no actor" : actors.joined(separator: ", ")))
        default: throw action.unknownAction(actions)
        }
    }
}
