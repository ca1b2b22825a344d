import Clearance
import EventLog

/// The audit trail: every entry with its seq, recorded time, business date, actor and the roles the
/// actor held then, what it changed (a record's status before and after), and flags for what an
/// inspector looks for: backdating, exemptions and their basis, returns at review, corrections and
/// withdrawals after publication. Folded from the log from its first entry, so "then" is exact.
public struct AuditTrail {
    public struct Row: Sendable, Equatable {
        public let seq: Int
        public let recorded: String
        public let at: String
        public let actor: String
        public let roles: String
        /// The version of the rules the entry was appended under, and the rule set in force on its day.
        public let rules: String
        public let type: String
        public let subject: String
        public let change: String
        public internal(set) var flags: [String]

        /// The row's cells, in the order of `AuditTrail.header`.
        public var fields: [String] { [String(seq), recorded, at, actor, roles, rules, type, subject, change, flags.joined(separator: "; ")] }
    }

    public struct Filter: Sendable {
        public var record: String?
        public var unit: String?
        public var actors: [String] = []
        public var types: [String] = []
        public var since: Timestamp?
        public var until: Timestamp?

        public init() {}

        /// Whether every entry passes (a rebuild's whole trail).
        var isEmpty: Bool { record == nil && unit == nil && actors.isEmpty && types.isEmpty && since == nil && until == nil }

        func matches(_ entry: LogEntry, subject: String, unit: String?) -> Bool {
            if let record, subject != record { return false }
            if let want = self.unit, unit != want { return false }
            if !actors.isEmpty && !actors.contains(entry.actor) { return false }
            if !types.isEmpty && !types.contains(where: { EntryFormat.type(entry.type, matches: $0) }) { return false }
            if let since, entry.recorded < since { return false }
            if let until, entry.recorded >= until { return false }
            return true
        }
    }

    public let rows: [Row]

    /// The trail up to `lastSeq` (nil: all of it). One thread: reading and decoding on a second one, as
    /// a rebuild does, took as long on this machine's two vCPUs and a third more CPU (docs/performance.md).
    /// `breaches` (from `RulesReplay`, by seq) are flagged on their rows.
    public init(reader: LogReader, filter: Filter, through lastSeq: Int? = nil, breaches: [Int: String] = [:]) throws {
        var state = ClearanceState()
        var rows: [Row] = []
        var sieve = RecordSieve(filter)
        try reader.forEachEntry { entry in
            if let lastSeq, entry.seq > lastSeq { return false }
            if sieve.skips(entry) { return true }
            let item = try Self.prepare(entry)
            if var row = Self.row(folding: entry, item.decoded, item.prepared, into: &state, filter: filter) {
                if let breach = breaches[entry.seq] { row.flags.append("BREAKS \(breach)") }
                rows.append(row)
            }
            return true
        }
        self.rows = rows
    }

    /// What an entry's row takes from the entry alone: its decoding for the fold, and the row's facts.
    /// A rebuild makes it on the thread that reads the log, leaving the folding thread only what needs
    /// the state.
    @Sendable public static func prepare(_ entry: LogEntry) throws -> (decoded: ClearanceState.Decoded, prepared: Prepared) {
        let decoded = try ClearanceState.decode(entry)
        return (decoded, Prepared(entry, decoded))
    }

    /// What a row takes from its entry alone, without the state: a rebuild finds it on the thread
    /// that reads and decodes the log, leaving the folding thread only what needs the state.
    public struct Prepared: Sendable {
        let facts: Facts
        let recorded: String
        let flags: [String]

        public init(_ entry: LogEntry, _ decoded: ClearanceState.Decoded) {
            facts = Facts(entry, decoded)
            recorded = entry.recorded.iso8601
            let recordedDay = Day(ordinal: Int(entry.recorded.millisecondsSinceEpoch / 86_400_000))
            var flags: [String] = []
            if let at = facts.at.flatMap(Day.init), at < recordedDay { flags.append("backdated \(recordedDay.ordinal - at.ordinal) days") }
            self.flags = flags + facts.flags
        }
    }

    /// Folds `entry` into `state` and returns its row of the trail, if it passes `filter`: the one step
    /// both the trail and a rebuild that writes it as it folds are made of. `decoded` and `prepared` are
    /// what `prepare` made of the entry.
    public static func row(
        folding entry: LogEntry, _ decoded: ClearanceState.Decoded, _ prepared: Prepared, into state: inout ClearanceState, filter: Filter
    ) -> Row? {
        let facts = prepared.facts
        let before = facts.record.flatMap { state.records.status(of: $0)?.rawValue }
        let roles = state.roles[entry.actor].map(rolesText) ?? ""
        let ruleSet = facts.at.flatMap(Day.init).flatMap { state.reference.ruleSet(on: $0)?.id }
        let rules = "v\(state.trust.rulesVersion)" + (ruleSet.map { " · \($0)" } ?? "")
        state.apply(entry, decoded)
        if !filter.isEmpty {
            let unit = facts.record.flatMap { state.records[$0]?.registration.unit } ?? facts.unit
                ?? facts.request.flatMap { state.requests[$0]?.received.unit }
            guard filter.matches(entry, subject: facts.subject, unit: unit) else { return nil }
        }
        var change = ""
        if let after = facts.record.flatMap({ state.records.status(of: $0)?.rawValue }) {
            change = before.map { $0 == after ? after : "\($0) → \(after)" } ?? "→ \(after)"
        }
        return Row(
            seq: entry.seq, recorded: prepared.recorded, at: facts.at ?? "", actor: entry.actor, roles: roles, rules: rules,
            type: entry.type, subject: facts.subject, change: change, flags: prepared.flags)
    }

    /// The roles someone holds, by name, comma-separated.
    private static func rolesText(_ held: [Role: Set<String>]) -> String {
        if held.count == 1, let only = held.first { return only.key.rawValue }  // most people hold one
        return rolesByName.filter { held[$0] != nil }.map(\.rawValue).joined(separator: ",")
    }

    private static let rolesByName = Role.allCases.sorted { $0.rawValue < $1.rawValue }

    public static let header = ["seq", "recorded", "at", "actor", "roles", "rules", "type", "subject", "change", "flags"]

    var table: [[String]] { rows.map(\.fields) }

    public var csv: [UInt8] { CSVWriter.document(header: Self.header, rows: table) }

    public func html(chain: String) -> String {
        HTML.page(title: "审计记录", body: "<h1>审计记录</h1>\n<p>\(HTML.escape(chain))</p>\n" + HTML.table(header: Self.header, rows: table))
    }

    public var json: [JSONValue] {
        rows.map { r in
            .object([
                ("seq", .integer(r.seq)), ("recorded", .string(r.recorded)), ("at", .string(r.at)), ("actor", .string(r.actor)),
                ("roles", .string(r.roles)), ("rules", .string(r.rules)), ("type", .string(r.type)), ("subject", .string(r.subject)), ("change", .string(r.change)),
                ("flags", .array(r.flags.map { .string($0) })),
            ])
        }
    }
}
