import Clearance
import EventLog

/// `clearance init`: creates a log whose first entry declares its format and clock.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        summary: "create a new log (its first entry says what the log is)",
        options: [
            .value("--seed", "DIR", "load this seed folder's reference data as events (a folder, or the built-in chengdu-2007)"),
            .value("--simulated-clock", "TIME", "declare a simulated clock starting at TIME (generated scenarios, tests)"),
            .flag("--try-out", "declared actors: the actor is whatever --actor says, nothing is signed (to try the tool, not for real records)"),
        ],
        discussion: """
            Creates DIR/events.jsonl. Refuses (exit 1) if a log is already there; nothing is changed then.
            The actor who creates the log is recorded in its first entry. With --seed, the reference data
            (calendar, rule sets, scheme, exemption bases, request outcomes, units, stages) is appended in
            the same atomic batch, one event per item, dated the day of creation.

            A log binds actors unless --try-out: the creator becomes the general office, bound to this
            process's OS account, with a signing key (created in $CLEARANCE_KEYS, default
            ~/.config/clearance/keys, unless it has one) registered in the same batch, which it signs.
            From then on every submission is signed by a key the general office registered for its actor,
            from an OS account bound to that actor (docs/security.md).
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let actor = try context.requireActor(for: spec.name)
        var clock = LogClock.system
        if let start = arguments.value("--simulated-clock") {
            guard let time = Timestamp(parsing: start) else {
                throw UsageError("--simulated-clock takes a UTC time like 2007-10-08T09:00:00Z, not '\(start)'", command: spec.name)
            }
            clock = .simulated(start: time)
        }
        var header: [(key: String, value: JSONValue)] = [("rules", .integer(RulesVersion.current))]
        var reference: [NewEntry] = []
        var seedPath = ""
        if let path = arguments.value("--seed") {
            // Read and check the whole seed before anything is written.
            let seed = try SeedFolder(path: path)
            let start: Timestamp
            if case .simulated(let time) = clock { start = time } else { start = .now() }
            reference = try seed.events(actor: actor, at: Day(ordinal: Int(start.millisecondsSinceEpoch / 86_400_000)))
            header.append(("seed", .string(seed.id)))
            seedPath = seed.path
        }
        let tryOut = arguments.has("--try-out")
        var sign: ((String, [NewEntry]) throws -> SubmissionSignature)?
        var trust: [NewEntry] = []
        if !tryOut {
            // Checked before anything is written: the creator's account, and its key (made if missing).
            let keys = KeyFolder(environment: context.environment)
            let key = try keys.load(for: actor) ?? keys.create(for: actor)
            let start: Timestamp
            if case .simulated(let time) = clock { start = time } else { start = .now() }
            let day = Day(ordinal: Int(start.millisecondsSinceEpoch / 86_400_000))
            let account = OSAccount.current()
            trust = [
                IdentityBound(at: day, actor: actor, kind: account.kind, identity: account.name).entry(actor: actor),
                KeyRegistered(at: day, actor: actor, key: key.publicKey.bytes.hex).entry(actor: actor),
            ]
            let signer = Signer.sign(with: key)
            sign = { log, entries in try signer(log, entries, [:]) }
            Terminal.out("\(actor) is the general office, bound to \(account.kind.rawValue) \(account.name), signing with \(keys.file(for: actor))")
        }
        let (_, head) = try LogFile.create(
            in: context.logDirectory, actor: actor, clock: clock, actors: tryOut ? .declared : .bound, data: header, entries: trust + reference,
            sign: sign)
        let clockName = if case .simulated = clock { "simulated clock" } else { "system clock" }
        Terminal.out("created \(LogFile.path(in: context.logDirectory)) (format \(EntryFormat.version), \(clockName), \(tryOut ? "declared actors: a try-out" : "actors bound and signing"))")
        if !reference.isEmpty {
            let counts = Dictionary(grouping: reference, by: \.type).mapValues(\.count)
            let summary = counts.keys.sorted().map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
            Terminal.out("loaded \(reference.count) reference events from \(seedPath): \(summary)")
        }
        Terminal.out("head \(head.anchor)")
    }
}
