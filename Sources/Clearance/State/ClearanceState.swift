import EventLog

/// Everything the rules need, folded from the log: `evolve` is pure, the service around it reads and appends.
public struct ClearanceState: Sendable {
    public internal(set) var reference = ReferenceData()
    /// Who holds which role for which units (an empty set: everywhere).
    public internal(set) var roles: [String: [Role: Set<String>]] = [:]
    public internal(set) var norms: [String: NormAdopted] = [:]
    public internal(set) var profiles: [String: UnitProfileSet] = [:]
    public internal(set) var records = RecordTable()
    /// The last serial used per `unit/year`, so numbers are never reused.
    public internal(set) var lastSerial: [String: Int] = [:]
    public internal(set) var feedback: [String: FeedbackState] = [:]
    public internal(set) var requests: [String: RequestState] = [:]
    public internal(set) var milestones: [Int: [String: Day]] = [:]
    /// Service guides of public enterprises, by the department that filed them, in the order filed.
    public internal(set) var serviceGuides: [String: [ServiceGuideFiled]] = [:]
    /// What the general office has issued and found: progress notices, inspection findings.
    public internal(set) var supervision = Supervision()
    /// Who each actor is (identities bound to it) and which keys sign for it.
    public internal(set) var trust = Trust()
    public internal(set) var seq = 0

    public init() {}

    /// An entry's data as the fold reads it: decoding is pure and needs no state, so it can be done
    /// ahead, on another thread, while earlier entries are applied.
    public enum Decoded: Sendable {
        /// The log's header: its actor becomes the general office; it names the rules' version it
        /// starts under (1 when it names none: logs from before rules were versioned).
        case header(rulesVersion: Int)
        /// The writer applied a newer version of the rules from here on (`RulesVersion`).
        case rulesChanged(version: Int)
        case reference(JSONValue)
        case event(ClearanceEvent)
        /// A type outside the catalogue (an annotation, a probe): stored as it is, changes nothing.
        case other
    }

    /// Decodes an entry for `apply(_:_:)`; a catalogue entry whose data breaks its schema (only a log
    /// written around the rules can hold one) is a `StateError` naming its seq.
    public static func decode(_ entry: LogEntry) throws -> Decoded {
        if entry.type == EntryFormat.headerType { return .header(rulesVersion: (try? entry.data())?["rules"]?.intValue ?? 1) }
        if entry.type == RulesVersion.changedType {
            guard let version = (try? entry.data())?["version"]?.intValue else {
                throw StateError(seq: entry.seq, message: "\(RulesVersion.changedType) names no version")
            }
            return .rulesChanged(version: version)
        }
        if ReferenceEventType.all.contains(entry.type) { return .reference(try entry.data()) }
        // Only catalogue types are parsed: a million annotations cost a set lookup each.
        guard ClearanceCatalogue.types.contains(entry.type) else { return .other }
        // The four record types, nearly every entry, are read straight from their bytes when they are
        // as the service writes them; anything else is parsed as JSON (`RecordLineDecoder.event`).
        if let event = entry.dataBytes.withUnsafeBytes({ RecordLineDecoder.event(type: entry.type, data: $0) }) { return .event(event) }
        do {
            return try ClearanceEvent.decode(type: entry.type, data: try entry.data()).map(Decoded.event) ?? .other
        } catch let error as EventDataError {
            throw StateError(seq: entry.seq, message: error.description)
        }
    }

    /// Applies one log entry: the header makes its actor the general office; reference and domain
    /// events update their parts; other types are ignored. Entries are assumed to have passed the rules.
    public mutating func apply(_ entry: LogEntry) throws {
        apply(entry, try Self.decode(entry))
    }

    /// Applies an entry already decoded.
    public mutating func apply(_ entry: LogEntry, _ decoded: Decoded) {
        seq = entry.seq
        if let block = entry.signed { trust.lastSigned[block.publicKey.hex] = block.at }
        switch decoded {
        case .header(let version):
            grant(entry.actor, .generalOffice, units: [])
            trust.rulesVersion = version
        case .rulesChanged(let version): trust.rulesVersion = version
        case .reference(let data): reference.evolve(type: entry.type, data: data)
        case .event(let event): evolve(event, actor: entry.actor, seq: entry.seq)
        case .other: break
        }
    }

    public mutating func evolve(_ event: ClearanceEvent, actor: String, seq: Int) {
        switch event {
        case .roleGranted(let e):
            grant(e.person, e.role, units: e.units)
        case .roleRevoked(let e):
            roles[e.person]?[e.role] = nil
        case .normAdopted(let e):
            norms[e.unit] = e
        case .unitProfileSet(let e):
            profiles[e.unit] = e
        case .stageMilestoneReached(let e):
            milestones[e.stage, default: [:]][e.unit] = e.at
        case .trainingHeld(let e):
            // A training is the milestone of its stage for the units responsible for it.
            let responsible = reference.stages[e.stage]?.responsible ?? []
            for unit in responsible { milestones[e.stage, default: [:]][unit] = e.at }
        case .serviceGuideFiled(let e):
            serviceGuides[e.unit, default: []].append(e)
        case .recordRegistered(var e):
            e.unit = shared(unit: e.unit)
            records.add(RecordState(e, by: shared(person: actor)))
        case .recordClassified(let e):
            let norms = self.norms
            let actor = shared(person: actor)
            records.update(e.record) { record in
                record.classification = e
                record.classifiedBy = actor
                record.firstApprovedBy = nil
                record.status = .classified
                record.approvedLevels = 0
                record.requiredLevels = norms[record.registration.unit]?.classes.first { $0.id == e.contentClass }?.reviewLevels ?? 1
            }
        case .recordReviewed(let e):
            let actor = shared(person: actor)
            records.update(e.record) { record in
                if e.outcome == .returned {
                    record.status = .registered
                    record.approvedLevels = 0
                    record.firstApprovedBy = nil
                    record.lastReturn = RecordState.Return(day: e.at, seq: seq)
                } else {
                    record.approvedLevels = e.level
                    record.firstApprovedBy = e.level == 1 && record.requiredLevels > 1 ? actor : nil
                    if record.approvedLevels >= record.requiredLevels {
                        record.status = .approved
                        record.approvedOn = e.at
                    }
                }
            }
        case .recordPublished(let e):
            let known = records.update(e.record) { record in
                record.status = .published
                record.indexNumber = e.indexNumber
                record.published = e.at
            }
            guard known else { return }
            if let number = IndexNumber(e.indexNumber) {
                lastSerial[number.scope] = max(lastSerial[number.scope] ?? 0, number.serial)
            }
        case .recordWithdrawn(let e):
            records.update(e.record) { $0.status = .withdrawn }
        case .recordReassessed(let e):
            records.update(e.record) { record in
                record.reassessedOn = e.at
                if e.conclusion == .disclose {
                    // Circumstances changed: it is classified again, reviewed, and published.
                    record.status = .registered
                    record.approvedLevels = 0
                    record.firstApprovedBy = nil
                }
            }
        case .recordCorrected(let e):
            records.update(e.record) { record in
                if let title = e.title { record.registration.title = title }
                if let summary = e.summary { record.registration.summary = summary }
                if let number = e.documentNumber { record.registration.documentNumber = number }
                if record.status == .published {
                    // The published information changed: its clock starts again from the change.
                    if let created = e.created { record.registration.created = created }
                    record.changed = e.at
                } else {
                    // A mistyped register entry: the information was made on the corrected day.
                    if let created = e.created {
                        record.registration.created = created
                        record.changed = created
                    }
                    // What the review approved has changed: it is reviewed again before publication.
                    if record.status == .approved {
                        record.status = .classified
                        record.approvedLevels = 0
                        record.approvedOn = nil
                        record.firstApprovedBy = nil
                    }
                }
            }
        case .feedbackReceived(let e):
            feedback[e.feedback] = FeedbackState(received: e)
        case .feedbackAnswered(let e):
            feedback[e.feedback]?.answered = e
        case .requestReceived(let e):
            requests[e.request] = RequestState(e)
        case .requestStep(let e):
            guard var request = requests[e.request] else { return }
            request.steps.append(e)
            switch e.kind {
            case .correctionAsked:
                request.awaitingCorrection = e.at
                request.correctBy = e.correctBy
            case .corrected:
                request.awaitingCorrection = nil
                request.correctBy = nil
                request.clockStart = e.at
            case .extended: request.extended = true
            case .answered: request.answered = e
            }
            requests[e.request] = request
        case .noticeIssued(let e):
            supervision.notices.append(e)
        case .inspectionFinding(let e):
            supervision.findingOrder.append(e.finding)
            supervision.findings[e.finding] = Supervision.Finding(found: e)
        case .inspectionRemedied(let e):
            supervision.findings[e.finding]?.remedied = e
        case .remedyFiled(let e):
            supervision.remedyCases[e.remedyCase] = Supervision.RemedyCase(filed: e)
        case .remedyDecided(let e):
            supervision.remedyCases[e.remedyCase]?.decided = e
        case .reportFiled(let e):
            supervision.reports[Supervision.reportKey(e.unit, e.year)] = Supervision.Report(filed: e)
        case .reportPublished(let e):
            supervision.reports[Supervision.reportKey(e.unit, e.year)]?.published = e
        case .identityBound(let e): trust.bind(e)
        case .identityUnbound(let e): trust.unbind(e)
        case .keyRegistered(let e): trust.keys[e.actor, default: []].insert(e.key)
        case .keyRevoked(let e): trust.keys[e.actor]?.remove(e.key)
        }
    }

    // A city's million records name a thousand units and a few thousand people. Each event's copy of
    // a name is its own string; a record keeps the reference's or the roles' copy instead, which
    // saves a few hundred megabytes of repeated names.
    private func shared(unit: String) -> String { reference.units.index(forKey: unit).map { reference.units.keys[$0] } ?? unit }
    private func shared(person: String) -> String { roles.index(forKey: person).map { roles.keys[$0] } ?? person }

    private mutating func grant(_ person: String, _ role: Role, units: [String]) {
        roles[person, default: [:]][role, default: []].formUnion(units)
    }

    /// Whether `person` holds `role` for `unit` (the general office holds every role everywhere
    /// except the auditor's, which only reads).
    public func holds(_ person: String, _ role: Role, for unit: String?) -> Bool {
        guard let held = roles[person] else { return false }
        if role != .auditor && held[.generalOffice] != nil { return true }
        guard let units = held[role] else { return false }
        return units.isEmpty || unit.map(units.contains) == true
    }

    /// Folds a whole log.
    public static func load(from reader: LogReader) throws -> ClearanceState {
        var state = ClearanceState()
        try reader.forEachEntry { entry in
            try state.apply(entry)
            return true
        }
        return state
    }
}

/// A stored entry the state cannot fold.
public struct StateError: Error, CustomStringConvertible {
    public let seq: Int
    public let message: String
    public var description: String { "seq \(seq) cannot be replayed: \(message)" }
}

/// The domain event types, for cheap filtering before decoding: those `ClearanceEvent` decodes.
public enum ClearanceCatalogue {
    public static let types: Set<String> = Set(ClearanceEvent.decoders.keys)
}
