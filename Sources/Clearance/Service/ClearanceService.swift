import EventLog

/// Loads the state, checks events against the rules, and appends them: the one way events of the
/// catalogue get into the log, whichever command brings them.
public final class ClearanceService {
    public let directory: String
    /// Who appends through this service (its identity and key), checked against a log binding actors.
    public let writer: Writer
    /// Where submissions go: nil appends to `events.jsonl` directly (under its lock); a channel hands
    /// them to the log's single writer (`clearance serve`).
    public let channel: (any SubmissionChannel)?

    public init(directory: String, writer: Writer = .declared, channel: (any SubmissionChannel)? = nil) {
        self.directory = directory
        self.writer = writer
        self.channel = channel
    }

    /// The business date an event gets when none is given: the day the next append will be recorded.
    public func today() throws -> Day {
        // Read-only: an auditor who may only read the log asks this too.
        let reader = try LogReader(directory: directory)
        let next = try reader.header().clock.nextTime(after: reader.tail.head)
        return Day(ordinal: Int(next.millisecondsSinceEpoch.quotientRoundingDown(by: 86_400_000)))
    }

    /// How far into history to look: up to a seq, or up to what was recorded by a time. Either way the
    /// state is that of the longest prefix of whole batches within the limit, which is what a copy of
    /// the log cut at that point would give (a cut inside a batch leaves a torn tail, which is ignored).
    public enum Limit: Sendable {
        case seq(Int)
        case recorded(Timestamp)
    }

    /// The state as it stood at `limit`: folded from the start (or from a snapshot taken before it).
    /// Parts not in `parts` are left empty.
    public func load(asOf limit: Limit, reading parts: StateParts = .all) throws -> (state: ClearanceState, head: LogHead?) {
        let reader = try LogReader(directory: directory)
        var state = ClearanceState()
        var start = 0
        if case .seq(let seq) = limit, let snapshot = StateSnapshot.latest(in: directory, matching: reader, reading: parts),
            snapshot.state.seq <= seq
        {
            state = snapshot.state
            start = snapshot.resumeAt
        }
        // Entries of a batch are applied together, once its last entry is within the limit.
        var pending: [LogEntry] = []
        var head: LogHead?
        try reader.forEachEntry(from: start) { entry in
            switch limit {
            case .seq(let seq): if entry.seq > seq { return false }
            case .recorded(let time): if entry.recorded > time { return false }
            }
            pending.append(entry)
            if entry.seq == entry.batchEnd {
                for item in pending { try state.apply(item) }
                pending.removeAll()
                head = LogHead(seq: entry.seq, hashHex: entry.hashHex, recorded: entry.recorded)
            }
            return true
        }
        state.keep(only: parts)
        return (state, head)
    }

    /// The state folded from the whole log, and the head it was folded up to.
    ///
    /// Starts from the state snapshot when it still matches the log, so only the entries after it are
    /// read. With `refreshingSnapshot` (appends do this; views and readers do not write), writes a new
    /// snapshot when many entries had to be read.
    /// `progress` is told the seq of every 10,000th entry folded (for a progress bar on long folds).
    /// A query names the `parts` it reads, and the others are left empty (only a load of every part
    /// may write a snapshot).
    public func load(
        reading parts: StateParts = .all, refreshingSnapshot: Bool = false, progress: ((Int) -> Void)? = nil
    ) throws -> (state: ClearanceState, head: LogHead?) {
        let reader = try LogReader(directory: directory)
        var state = ClearanceState()
        var start = 0
        if let snapshot = StateSnapshot.latest(in: directory, matching: reader, reading: parts) {
            state = snapshot.state
            start = snapshot.resumeAt
        }
        var scanned = 0
        var last: LogEntry?
        try reader.forEachEntry(from: start) { entry in
            try state.apply(entry)
            scanned += 1
            last = entry
            if scanned % 10_000 == 0 { progress?(entry.seq) }
            return true
        }
        if refreshingSnapshot, parts == .all, scanned >= StateSnapshot.refreshAfter, let last {
            // Best effort: a snapshot that cannot be written only costs the next command time.
            try? StateSnapshot.write(state, at: last, in: directory)
        }
        state.keep(only: parts)
        return (state, reader.tail.head)
    }

    /// Builds a batch from the current state, checks it, and appends it if the head has not moved
    /// since; if another writer appended meanwhile, builds and checks again on the new state.
    /// With `expectedSeq`, refuses (`.headMoved`) instead of trying again when the head is not that seq.
    /// Throws `BatchRefusal` (nothing appended) when an event breaks a rule.
    /// With a `channel`, the submission is signed here and sent to the log's writer (`clearance serve`),
    /// which checks it again against its own state and the identity the kernel gives it; this
    /// process then needs only read access to the log.
    @discardableResult
    public func append(
        expecting expectedSeq: Int? = nil, _ build: (ClearanceState) throws -> [NewEntry]
    ) throws -> (result: LogFile.AppendResult, state: ClearanceState) {
        enum Destination {
            case file(LogFile)
            case server(any SubmissionChannel)
        }
        let destination: Destination = try channel.map { .server($0) } ?? .file(LogFile.open(in: directory))
        var attempts = 0
        while true {
            // A client of the server may only read the log: it leaves the snapshot to the server.
            let (state, head) = try load(refreshingSnapshot: channel == nil)
            if let expectedSeq, expectedSeq != (head?.seq ?? 0) {
                throw EventLogError.headMoved(expected: expectedSeq, actual: head?.seq ?? 0)
            }
            let entries = try build(state)
            let header: LogHeader
            switch destination {
            case .file(let log): header = log.header
            case .server: header = try LogReader(directory: directory).header()
            }
            let recorded = header.clock.nextTime(after: head)
            let checked = try check(entries, on: state, recorded: recorded)
            let submission = try Self.sign(entries, header: header, state: state, writer: writer)
            do {
                switch destination {
                case .server(let channel):
                    return (try channel.send(submission, expecting: expectedSeq), checked)
                case .file(let log):
                    try Self.checkSubmission(submission, from: writer.identity, header: header, trust: state.trust)
                    return (try log.append(submissions: [submission], expecting: head?.seq ?? 0, recorded: recorded), checked)
                }
            } catch EventLogError.headMoved where attempts < 5 && expectedSeq == nil {
                attempts += 1
            } catch let refusal as TrustRefusal where refusal.retry && attempts < 5 {
                attempts += 1
            } catch let refusal as ChannelRefusal where refusal.retry && attempts < 5 {
                attempts += 1
            }
        }
    }

    /// Checks each entry in order against the state the entries before it leave; returns that state.
    /// Entries whose id is already in the log are skipped here, as the log will skip them.
    /// `start` is consumed: a caller that hands over its only copy lets the records be changed in
    /// place instead of copied (a scenario checks hundreds of batches against a growing state).
    public func check(_ entries: [NewEntry], on start: consuming ClearanceState, recorded: Timestamp) throws -> ClearanceState {
        let explicitIDs = Set(entries.compactMap(\.id))
        let present = explicitIDs.isEmpty ? [:] : try LogReader(directory: directory).seqs(ofIDs: explicitIDs)
        return try Self.check(entries, skipping: present, on: start, recorded: recorded)
    }

    /// The same, without reading the log: `present` holds the explicit ids already in it (skipped).
    /// Replaying the log through the rules (`RulesReplay`) checks its own entries so.
    static func check(
        _ entries: [NewEntry], skipping present: [String: Int], on start: consuming ClearanceState, recorded: Timestamp
    ) throws -> ClearanceState {
        let startSeq = start.seq
        let day = Day(ordinal: Int(recorded.millisecondsSinceEpoch.quotientRoundingDown(by: 86_400_000)))
        var state = consume start
        var appended = 0
        for (index, entry) in entries.enumerated() where entry.id.map({ present[$0] == nil }) ?? true {
            appended += 1
            do {
                if entry.type == RulesVersion.changedType {
                    try ClearanceRules(state: state, actor: entry.actor).checkRulesChanged(entry.data)
                    state.trust.rulesVersion = entry.data["version"]?.intValue ?? state.trust.rulesVersion
                    continue
                }
                if ReferenceEventType.all.contains(entry.type) {
                    try ClearanceRules(state: state, actor: entry.actor).checkReference(type: entry.type, data: entry.data)
                    state.reference.evolve(type: entry.type, data: entry.data)
                    continue
                }
                let event: ClearanceEvent?
                do { event = try ClearanceEvent.decode(type: entry.type, data: entry.data) } catch let error as EventDataError {
                    throw RuleViolation(.schema, error.description)
                }
                guard let event else {
                    try ClearanceRules(state: state, actor: entry.actor).checkOtherType(entry.type)
                    continue
                }
                try ClearanceRules(state: state, actor: entry.actor).check(event, recorded: day)
                state.evolve(event, actor: entry.actor, seq: startSeq + appended)
            } catch let violation as RuleViolation {
                throw BatchRefusal(index: index, count: entries.count, type: entry.type, violation: violation)
            }
        }
        // The state after the batch stands at the batch's last seq, as a fold of the log would.
        state.seq = startSeq + appended
        return state
    }
}

/// An event of a batch broke a rule; nothing of the batch was appended.
public struct BatchRefusal: Error, CustomStringConvertible {
    public let index: Int
    public let count: Int
    public let type: String
    public let violation: RuleViolation

    public var description: String {
        let which = count == 1 ? type : "event \(index + 1) of \(count) (\(type))"
        return "\(which) \(violation.description); nothing was appended"
    }
}

extension Int64 {
    /// Floor division, so instants before 1970 fall on the right day.
    func quotientRoundingDown(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor < 0) ? q - 1 : q
    }
}
