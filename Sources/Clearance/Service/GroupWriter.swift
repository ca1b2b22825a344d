import EventLog

/// The single writer of a log (`clearance serve`): takes the submissions that queued up while the
/// previous append was being written and synced, checks them in order, each against the state the
/// ones before it leave, and appends those it accepts as one batch with one `fdatasync`.
///
/// The state is kept in memory between groups and brought up to date from the log after each
/// append; it is loaded again from the log (its snapshot, then the entries after it) only when the
/// head is not the one this writer left, someone having appended directly. A refused submission is
/// answered with its reason and left out; the others go in. Not thread-safe: one thread commits.
public final class GroupWriter {
    /// One client's submission, with the identity the kernel gave for it.
    public struct Request: Sendable {
        public let submission: Submission
        public let identity: Trust.Identity
        public let expectedSeq: Int?

        public init(submission: Submission, identity: Trust.Identity, expectedSeq: Int?) {
            (self.submission, self.identity, self.expectedSeq) = (submission, identity, expectedSeq)
        }
    }

    public enum Outcome: Sendable {
        case appended(LogFile.AppendResult)
        /// Nothing of the submission was appended; `retry`: built and signed again, it may be taken.
        case refused(message: String, retry: Bool)
    }

    public let directory: String
    private let service: ClearanceService
    private let log: LogFile
    private var state = ClearanceState()
    private var head: LogHead?
    /// The byte offset `state` is folded up to (the committed end at `head`).
    private var end = 0
    /// Batches appended so far, and how many times the state was loaded from the log.
    public private(set) var batches = 0
    public private(set) var loads = 0

    /// Opens the log for appending and loads its state. Throws when the log cannot be opened for writing.
    public init(directory: String) throws {
        self.directory = directory
        service = ClearanceService(directory: directory)
        log = try LogFile.open(in: directory)
        try reload()
    }

    public var header: LogHeader { log.header }

    /// Checks and appends `requests` as one batch; one outcome per request, in order.
    public func commit(_ requests: [Request]) -> [Outcome] {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try commitOnce(requests)
            } catch EventLogError.headMoved where attempt < 3 {
                // Someone appended directly between the check and the append: check again on the new state.
                continue
            } catch {
                return requests.map { _ in .refused(message: "\(error)", retry: false) }
            }
        }
    }

    private func commitOnce(_ requests: [Request]) throws -> [Outcome] {
        let reader = try LogReader(directory: directory)
        if reader.tail.head != head { try reload() }
        let recorded = log.nextTime(after: head)
        var outcomes = [Outcome?](repeating: nil, count: requests.count)
        var running = state
        var seq = head?.seq ?? 0
        var accepted: [Int] = []
        var idsInGroup = Set<String>()
        for (index, request) in requests.enumerated() {
            let entries = request.submission.entries
            do {
                if let expected = request.expectedSeq, expected != seq {
                    throw EventLogError.headMoved(expected: expected, actual: seq)
                }
                guard !entries.isEmpty else { throw EventLogError.invalidEntry(index: 0, reason: "there are no events to append") }
                try LogFile.validate(entries)
                let ids = Set(entries.compactMap(\.id))
                guard ids.isDisjoint(with: idsInGroup) else {
                    throw TrustRefusal(message: "an id of this submission is in another being appended now", retry: true)
                }
                let present = ids.isEmpty ? [:] : try reader.seqs(ofIDs: ids)
                let already = entries.filter { $0.id.map { present[$0] != nil } ?? false }.count
                if request.submission.signature != nil, already > 0, already < entries.count {
                    throw EventLogError.invalidEntry(index: 0, reason: "a signed submission is appended whole, but \(already) of its ids are already in the log")
                }
                try ClearanceService.checkSubmission(request.submission, from: request.identity, header: log.header, trust: running.trust)
                let before = running
                var after = try ClearanceService.check(entries, skipping: present, on: before, recorded: recorded)
                if let signature = request.submission.signature, already < entries.count {
                    after.trust.lastSigned[signature.publicKey.hex] = signature.at
                }
                running = after
                accepted.append(index)
                idsInGroup.formUnion(ids)
                seq += entries.count - already
            } catch {
                outcomes[index] = Self.refusal(error)
            }
        }
        guard !accepted.isEmpty else { return outcomes.map { $0! } }
        let result: LogFile.AppendResult
        do {
            result = try log.append(submissions: accepted.map { requests[$0].submission }, expecting: head?.seq ?? 0, recorded: recorded)
        } catch {
            if case EventLogError.headMoved = error { throw error }
            guard accepted.count > 1 else {
                outcomes[accepted[0]] = Self.refusal(error)
                return outcomes.map { $0! }
            }
            // What the checks above let through, the log should take; if it does not, one submission
            // must not sink the others: each goes alone.
            for index in accepted { outcomes[index] = commit([requests[index]])[0] }
            return outcomes.map { $0! }
        }
        batches += 1
        var first = 0
        for index in accepted {
            let range = first..<(first + requests[index].submission.entries.count)
            first = range.upperBound
            let duplicates = result.duplicates.filter { range.contains($0.index) }.map { (index: $0.index - range.lowerBound, id: $0.id, seq: $0.seq) }
            outcomes[index] = .appended(
                LogFile.AppendResult(
                    head: result.head, seqs: Array(result.seqs[range]), duplicates: duplicates,
                    recovered: index == accepted[0] ? result.recovered : nil))
        }
        try fold()
        return outcomes.map { $0! }
    }

    /// The state from the log's snapshot and the entries after it, at a head read in the same pass.
    private func reload() throws {
        while true {
            let (loaded, loadedHead) = try service.load(refreshingSnapshot: true)
            let reader = try LogReader(directory: directory)
            guard reader.tail.head == loadedHead else { continue }
            (state, head, end) = (loaded, loadedHead, reader.tail.committedEnd)
            loads += 1
            return
        }
    }

    /// Folds what was appended since `end` (this writer's last batch) into the state.
    private func fold() throws {
        let reader = try LogReader(directory: directory)
        try reader.forEachEntry(from: end) { entry in
            try state.apply(entry)
            return true
        }
        (head, end) = (reader.tail.head, reader.tail.committedEnd)
    }

    private static func refusal(_ error: any Error) -> Outcome {
        if let refusal = error as? TrustRefusal { return .refused(message: refusal.description, retry: refusal.retry) }
        return .refused(message: "\(error)", retry: false)
    }
}
