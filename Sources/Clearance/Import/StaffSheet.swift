import EventLog

/// The general office's list of the people who work on the programme (docs/operations.md): one row a
/// role, in Chinese or English columns — 人员 actor, 角色 role, 单位 units (several separated by `;`,
/// `；` or `、`), 账号 account (the OS account, as `id -un` prints it), 公钥 key (the Ed25519 public key
/// the person made with `clearance key new`). Turned into one batch: each account bound, each key
/// registered, each role granted, leaving out what the log already holds, so that importing the same
/// sheet again appends nothing. All rows or none.
public enum StaffSheet {
    enum Column: Int, CaseIterable {
        case actor, role, units, account, key

        var chinese: String { ["人员", "角色", "单位", "账号", "公钥"][rawValue] }
        var english: String { ["actor", "role", "units", "account", "key"][rawValue] }

        init?(header: String) {
            let name = header.filter { $0 != "\u{FEFF}" }.trimmingWhitespace()
            guard let match = Self.allCases.first(where: { $0.chinese == name || $0.english == name.lowercased() }) else { return nil }
            self = match
        }
    }

    /// The events that bring the log to what `bytes` (a CSV file) lists, and every problem found.
    public static func events(from bytes: [UInt8], state: ClearanceState, at day: Day, actor: String) throws
        -> (entries: [NewEntry], people: Int, encoding: String, problems: [ImportProblem])
    {
        let (text, encoding) = try TextDecoding.decode(bytes)
        let table = try CSVReader().read(text)
        var columns: [Column: Int] = [:]
        var problems: [ImportProblem] = []
        for (index, name) in table.header.enumerated() {
            guard let column = Column(header: name) else { continue }
            if columns[column] != nil {
                problems.append(ImportProblem(line: table.headerLine, column: name, reason: "named twice in the header; keep one"))
            }
            columns[column] = index
        }
        for column in [Column.actor, .role] where columns[column] == nil {
            problems.append(ImportProblem(line: table.headerLine, column: column.chinese, reason: "the header has no such column (write \(column.chinese) or \(column.english))"))
        }
        guard problems.isEmpty else { return ([], 0, encoding, problems) }

        var entries: [NewEntry] = []
        var bound = state.trust.identities
        var keys = state.trust.keys
        var keyHolders: [String: String] = [:]
        for (holder, held) in state.trust.keys { for key in held { keyHolders[key] = holder } }
        var roles = state.roles
        var people = Set<String>()
        for row in table.rows where !row.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            guard row.fields.count == table.header.count else {
                problems.append(ImportProblem(line: row.line, column: "", reason: "has \(row.fields.count) fields, the header \(table.header.count)"))
                continue
            }
            func cell(_ column: Column) -> String { columns[column].map { row.fields[$0].trimmingWhitespace() } ?? "" }
            func problem(_ column: Column, _ reason: String) { problems.append(ImportProblem(line: row.line, column: column.chinese, reason: reason)) }
            let person = cell(.actor)
            guard EntryFormat.isValidName(person) else {
                problem(.actor, "'\(person)' is not an actor name (1-128 bytes, no quotes, backslashes or control characters)")
                continue
            }
            guard let role = Role(rawValue: cell(.role)) else {
                problem(.role, "'\(cell(.role))' is not a role (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            let units = cell(.units).split(whereSeparator: { ";；、".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            let scoped = role == .clerk || role == .reviewer || role == .publisher
            if scoped && units.isEmpty { problem(.units, "a \(role.rawValue) needs at least one unit"); continue }
            if !scoped && !units.isEmpty { problem(.units, "must be empty: a \(role.rawValue) acts everywhere"); continue }
            if let unknown = units.first(where: { state.reference.units[$0] == nil }) {
                problem(.units, "unit \(unknown) is not registered (see 'clearance unit list')")
                continue
            }
            let account = cell(.account)
            if !account.isEmpty && !EntryFormat.isValidName(account) { problem(.account, "'\(account)' is not an account name"); continue }
            let key = cell(.key)
            if !key.isEmpty && !SignatureFormat.isPublicKeyHex(key) {
                problem(.key, "'\(key)' is not an Ed25519 public key (64 lowercase hex digits, as 'clearance key new' prints it)")
                continue
            }
            if !key.isEmpty, let holder = keyHolders[key], holder != person {
                problem(.key, "this key is already registered for \(holder)")
                continue
            }
            people.insert(person)
            let identity = Trust.Identity(kind: .osAccount, name: account)
            if !account.isEmpty && bound[person]?.contains(identity) != true {
                entries.append(IdentityBound(at: day, actor: person, kind: .osAccount, identity: account).entry(actor: actor))
                bound[person, default: []].insert(identity)
            }
            if !key.isEmpty && keys[person]?.contains(key) != true {
                entries.append(KeyRegistered(at: day, actor: person, key: key).entry(actor: actor))
                keys[person, default: []].insert(key)
                keyHolders[key] = person
            }
            let held = roles[person]?[role]
            if held == nil || !(held!.isEmpty || Set(units).isSubset(of: held!)) {
                let missing = held.map { have in units.filter { !have.contains($0) } } ?? units
                entries.append(RoleGranted(at: day, person: person, role: role, units: missing).entry(actor: actor))
                roles[person, default: [:]][role, default: []].formUnion(missing)
            }
        }
        return (problems.isEmpty ? entries : [], people.count, encoding, problems.sorted { $0.line < $1.line })
    }

    /// Someone leaves and someone takes over: every role `leaving` holds goes to `arriving` for the
    /// same units, and `leaving`'s roles, identities and keys end, in one batch.
    public static func handover(from leaving: String, to arriving: String, state: ClearanceState, at day: Day, actor: String) -> [NewEntry] {
        var entries: [NewEntry] = []
        for (role, units) in (state.roles[leaving] ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            entries.append(RoleRevoked(at: day, person: leaving, role: role).entry(actor: actor))
            entries.append(RoleGranted(at: day, person: arriving, role: role, units: units.sorted()).entry(actor: actor))
        }
        for identity in (state.trust.identities[leaving] ?? []).sorted(by: { $0.name < $1.name }) {
            entries.append(IdentityUnbound(at: day, actor: leaving, kind: identity.kind, identity: identity.name).entry(actor: actor))
        }
        for key in (state.trust.keys[leaving] ?? []).sorted() {
            entries.append(KeyRevoked(at: day, actor: leaving, key: key, reason: "handed over to \(arriving)").entry(actor: actor))
        }
        return entries
    }
}
