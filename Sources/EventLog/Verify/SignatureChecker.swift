import Dispatch

/// Checks signed submissions, rules S1–S6 of docs/log-format.md, in one pass in log order: the keys
/// in force at each point are read from the log itself (`key.registered`, `key.revoked`).
struct SignatureChecker {
    let header: LogHeader
    /// Keys in force, by actor (lowercase hex).
    private(set) var keys: [String: Set<String>] = [:]
    /// The `at` of each key's last submission: each later one must be later (S5, so none is replayed).
    private(set) var lastSigned: [String: Timestamp] = [:]
    /// The last seq a signed submission covered.
    private(set) var signedThrough = 0
    private(set) var submissions = 0
    /// Entries of the current batch not yet covered by a signature.
    private var open: [LogEntry] = []
    private var batchStart = 1
    private var batchEnd = 0

    init(header: LogHeader, resuming resume: Resume? = nil) {
        self.header = header
        if let resume {
            (keys, lastSigned, signedThrough, submissions) = (resume.keys, resume.lastSigned, resume.signedThrough, resume.submissions)
            (batchStart, batchEnd) = (resume.batchEnd + 1, resume.batchEnd)
        }
    }

    /// What a later check needs to go on from the end of a batch (`VerificationMark`).
    struct Resume: Sendable, Equatable {
        var keys: [String: Set<String>] = [:]
        var lastSigned: [String: Timestamp] = [:]
        var signedThrough = 0
        var submissions = 0
        var batchEnd = 0

        var json: JSONValue {
            .object([
                ("keys", .object(keys.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.sorted().map { .string($0) })) })),
                ("lastSigned", .object(lastSigned.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.iso8601)) })),
                ("signedThrough", .integer(signedThrough)), ("submissions", .integer(submissions)), ("batchEnd", .integer(batchEnd)),
            ])
        }

        init(keys: [String: Set<String>], lastSigned: [String: Timestamp], signedThrough: Int, submissions: Int, batchEnd: Int) {
            (self.keys, self.lastSigned, self.signedThrough, self.submissions, self.batchEnd) = (keys, lastSigned, signedThrough, submissions, batchEnd)
        }

        init?(json: JSONValue) {
            guard let through = json["signedThrough"]?.intValue, let count = json["submissions"]?.intValue,
                let end = json["batchEnd"]?.intValue
            else { return nil }
            for (actor, list) in json["keys"]?.objectValue ?? [] { keys[actor] = Set(list.arrayValue?.compactMap(\.stringValue) ?? []) }
            for (key, at) in json["lastSigned"]?.objectValue ?? [] {
                guard let time = at.stringValue.flatMap(Timestamp.init(parsing:)) else { return nil }
                lastSigned[key] = time
            }
            (signedThrough, submissions, batchEnd) = (through, count, end)
        }
    }

    /// The state to resume from, once every entry up to a batch's end has been taken.
    var resume: Resume { Resume(keys: keys, lastSigned: lastSigned, signedThrough: signedThrough, submissions: submissions, batchEnd: batchEnd) }

    /// Takes the next entry; throws `.corrupt` naming the submission that breaks a rule.
    mutating func take(_ entry: LogEntry) throws {
        if entry.seq > batchEnd {  // a new batch: what the last one left unsigned stays so
            try closeUnsigned(upTo: entry.seq)
            (batchStart, batchEnd) = (entry.seq, entry.batchEnd)
        }
        open.append(entry)
        guard let block = entry.signed else { return }
        func fail(_ why: String) -> EventLogError {
            .corrupt(seq: block.from, offset: entry.offset, reason: "the submission of seq \(block.from)–\(entry.seq) \(why)")
        }
        /// A failure found in order; a signature before it that does not hold is the first failure.
        func failInOrder(_ why: String) throws -> EventLogError {
            try flush()
            return fail(why)
        }
        guard header.format >= 2 else { throw try failInOrder("is signed in a version \(header.format) log, which holds no signatures (S1)") }
        guard block.from >= batchStart, block.from > signedThrough, block.from <= entry.seq else {
            throw try failInOrder("starts outside its batch or inside the submission before it (S1)")
        }
        let covered = open.filter { $0.seq >= block.from }
        try closeUnsigned(upTo: block.from)
        let actor = entry.actor
        guard covered.allSatisfy({ $0.actor == actor }) else { throw try failInOrder("names more than one actor (S2)") }
        // The arithmetic is checked in parallel, a few thousand signatures at a time (`flush`); what
        // depends on order (keys in force, S5) is checked here, in order.
        pending.append(
            Pending(
                publicKey: block.publicKey, signature: block.signature,
                message: SignedBytes.of(log: header.name, at: block.atText, stored: covered),
                failure: fail("has a signature that does not match its bytes (S3)")))
        let key = block.publicKey.hex
        // The log's first submission may be signed by a key it registers itself.
        var inForce = keys[actor]?.contains(key) == true
        if block.from == 1 { inForce = inForce || covered.contains { change(of: $0) == .registered(actor: actor, key: key) } }
        guard inForce else { throw try failInOrder("is signed by key \(key), which is not in force for \(actor) at that point (S4)") }
        if let last = lastSigned[key], block.at <= last {
            throw try failInOrder("is signed at \(block.atText), not after the key's previous submission (\(last.iso8601)): a replay (S5)")
        }
        lastSigned[key] = block.at
        for item in covered { apply(change(of: item)) }
        signedThrough = entry.seq
        submissions += 1
        open.removeAll()
        if pending.count >= Self.parallelBatch { try flush() }
    }

    struct Pending: Sendable {
        let publicKey: [UInt8]
        let signature: [UInt8]
        let message: [UInt8]
        let failure: EventLogError
    }

    /// Signatures whose arithmetic is still to check, in log order.
    private var pending: [Pending] = []
    static let parallelBatch = 4096

    /// Checks the pending signatures on every core; throws the failure of the first that does not hold.
    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let work = pending
        pending.removeAll(keepingCapacity: true)
        let results = ResultSlots<Bool>(count: work.count)
        let chunk = 64
        DispatchQueue.concurrentPerform(iterations: (work.count + chunk - 1) / chunk) { part in
            for index in (part * chunk)..<min(work.count, (part + 1) * chunk) {
                let item = work[index]
                results[index] = SubmissionVerifier.isValid(publicKey: item.publicKey, signature: item.signature, over: item.message)
            }
        }
        if let first = results.values.firstIndex(where: { !$0 }) { throw work[first].failure }
    }

    /// Called after the last entry: what is still open is unsigned.
    mutating func finish() throws {
        try flush()
        try closeUnsigned(upTo: Int.max)
    }

    /// Entries before `seq` that no signature covers: allowed only where actors are declared (S6).
    private mutating func closeUnsigned(upTo seq: Int) throws {
        let unsigned = open.filter { $0.seq < seq }
        guard !unsigned.isEmpty else { return }
        if header.actors == .bound {
            try flush()
            let first = unsigned[0]
            throw EventLogError.corrupt(
                seq: first.seq, offset: first.offset,
                reason: "no signature covers this entry, and the log binds actors: every submission must be signed (S6)")
        }
        for item in unsigned { apply(change(of: item)) }
        open.removeAll { $0.seq < seq }
    }

    enum KeyChange: Equatable {
        case registered(actor: String, key: String)
        case revoked(actor: String, key: String)
        case none
    }

    /// What an entry changes in the keys in force (only the two key types do).
    func change(of entry: LogEntry) -> KeyChange {
        guard entry.type == SignatureFormat.keyRegisteredType || entry.type == SignatureFormat.keyRevokedType,
            let data = try? entry.data(), let actor = data["actor"]?.stringValue, let key = data["key"]?.stringValue
        else { return .none }
        return entry.type == SignatureFormat.keyRegisteredType ? .registered(actor: actor, key: key) : .revoked(actor: actor, key: key)
    }

    private mutating func apply(_ change: KeyChange) {
        switch change {
        case .registered(let actor, let key): keys[actor, default: []].insert(key)
        case .revoked(let actor, let key): keys[actor]?.remove(key)
        case .none: break
        }
    }
}
