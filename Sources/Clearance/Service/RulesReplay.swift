import EventLog

/// Replays a log through the rules, each entry against the state the entries before it leave and
/// the version of the rules in force where it stands (`RulesVersion`), as if it were being appended
/// again on the day it was recorded. An entry a writer put there around the rules (a well-hashed line
/// written without this program, a review by someone without the role) is found here, though the
/// chain and its signatures are intact. An entry that breaks a rule is recorded and then folded as
/// the log has it, so that the entries after it are judged on the history the log actually holds.
public struct RulesReplay {
    /// An entry that breaks a rule of the version it was appended under.
    public struct Breach: Sendable, CustomStringConvertible {
        public let seq: Int
        public let offset: Int
        public let type: String
        public let actor: String
        public let rulesVersion: Int
        public let violation: RuleViolation

        public var description: String {
            "seq \(seq) (\(type) by \(actor)) breaks the \(violation.rule.rawValue) rule of rules version \(rulesVersion): \(violation.message)"
        }
    }

    public private(set) var state = ClearanceState()
    public private(set) var breaches: [Breach] = []
    public private(set) var entries = 0
    /// Where each version of the rules took over: (version, first seq under it).
    public private(set) var versions: [(version: Int, from: Int)] = []
    private var batch: [LogEntry] = []

    public init() {}

    /// Takes the next entry in log order; a batch is judged once its last entry is in.
    public mutating func take(_ entry: LogEntry) throws {
        batch.append(entry)
        guard entry.seq == entry.batchEnd else { return }
        defer { batch.removeAll(keepingCapacity: true) }
        for item in batch {
            entries += 1
            if item.type == EntryFormat.headerType {
                // The header is the log's own: it declares the log and makes its actor the general office.
                try state.apply(item)
                versions.append((state.trust.rulesVersion, item.seq))
                continue
            }
            let version = state.trust.rulesVersion
            let generated = item.id == "ev-\(item.seq)"
            let fresh = NewEntry(id: generated ? nil : item.id, actor: item.actor, type: item.type, data: try item.data())
            do {
                state = try ClearanceService.check([fresh], skipping: [:], on: state, recorded: item.recorded)
                state.seq = item.seq
            } catch let refusal as BatchRefusal {
                breaches.append(
                    Breach(seq: item.seq, offset: item.offset, type: item.type, actor: item.actor, rulesVersion: version, violation: refusal.violation))
                try state.apply(item)
            }
            if state.trust.rulesVersion != version { versions.append((state.trust.rulesVersion, item.seq + 1)) }
        }
    }

    /// Replays the whole log at `directory`; `stopAtFirst` stops at the first breach (what `verify
    /// --rules` reports).
    public static func run(directory: String, stopAtFirst: Bool) throws -> RulesReplay {
        var replay = RulesReplay()
        try LogReader(directory: directory).forEachEntry { entry in
            try replay.take(entry)
            return !(stopAtFirst && !replay.breaches.isEmpty)
        }
        return replay
    }
}
