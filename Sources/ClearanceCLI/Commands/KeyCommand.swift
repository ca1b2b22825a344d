import Clearance
import EventLog

/// `clearance key new|show|register|revoke|list`: the Ed25519 keys actors sign their submissions with.
enum KeyCommand {
    static let actions = ["new", "show", "register", "revoke", "list"]

    static let spec = CommandSpec(
        name: "key",
        summary: "create your signing key; register, revoke and list the keys in force (general office)",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "PERSON", help: "register, revoke: whose key", optional: true),
            .init(name: "KEY", help: "register, revoke: the public key (64 hex digits, as 'key new' or 'key show' print it)", optional: true),
        ],
        options: [
            .value("--reason", "TEXT", "revoke: why (lost, left the office…)"),
            .value("--at", "DATE", "the business date (default: today)"),
            .flag("--json", "list: JSON"),
        ],
        discussion: """
            'key new' creates the private key of --actor in $CLEARANCE_KEYS (default ~/.config/clearance/keys),
            one file per actor, mode 0600, and prints its public half; it never overwrites a key. 'key show'
            prints the public half again. The general office registers a public key for an actor ('key
            register') and revokes it ('key revoke'); submissions signed before a revocation stay valid.
            Keys never enter the log; their public halves do.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let folder = KeyFolder(environment: context.environment)
        switch arguments.positional(0) {
        case "new":
            let actor = try action.actor
            let key = try folder.create(for: actor)
            Terminal.out("created \(folder.file(for: actor)) (mode 0600)")
            Terminal.out("public key \(key.publicKey.bytes.hex)")
        case "show":
            let actor = try action.actor
            guard let key = try folder.load(for: actor) else {
                throw CommandFailure("\(actor) has no key in \(folder.path): create one with 'clearance key new --actor \(actor)'")
            }
            Terminal.out(key.publicKey.bytes.hex)
        case "register", "revoke":
            let person = try action.positional(1, "PERSON")
            let key = try action.positional(2, "KEY")
            let at = try action.businessDate()
            let entry = arguments.positional(0) == "register"
                ? KeyRegistered(at: at, actor: person, key: key).entry(actor: try action.actor)
                : KeyRevoked(at: at, actor: person, key: key, reason: try action.required("--reason")).entry(actor: try action.actor)
            try action.append { _ in [entry] }
        case "list":
            let (state, _) = try action.service.load(reading: [])
            let rows = state.trust.keys.sorted { $0.key < $1.key }.flatMap { actor, keys in keys.sorted().map { (actor, $0) } }
            if arguments.has("--json") {
                for (actor, key) in rows { Terminal.out(JSONWriter.string(.object([("actor", .string(actor)), ("key", .string(key))]))) }
                return
            }
            let table = TextTable([("ACTOR", 24), ("KEY", 0)], labels: context.labels)
            Terminal.out(table.headerLine)
            for (actor, key) in rows { Terminal.out(table.line([actor, key])) }
        default: throw action.unknownAction(actions)
        }
    }
}
