import Clearance
import EventLog

extension AuditTrail {
    /// What a row needs from an entry itself, before the state is consulted: read from the event the
    /// fold decoded anyway, so the data is parsed once; types outside the catalogue are read from
    /// their data as it stands.
    struct Facts {
        var record: String?
        var request: String?
        var feedback: String?
        var unit: String?
        var person: String?
        var id: String?
        var at: String?
        /// Flags that need no state: an exemption and its basis, a return, a correction or withdrawal.
        var flags: [String] = []

        /// The row's subject: the record, request, feedback, unit, person or id it is about.
        var subject: String { record ?? request ?? feedback ?? unit ?? person ?? id ?? "" }

        init(_ entry: LogEntry, _ decoded: ClearanceState.Decoded) {
            switch decoded {
            case .event(let event): self.init(event)
            case .reference(let data): self.init(data: data)
            case .header, .rulesChanged, .other: self.init(data: (try? entry.data()) ?? .object([]))
            }
        }

        private init(data: JSONValue) {
            (record, request, feedback) = (data["record"]?.stringValue, data["request"]?.stringValue, data["feedback"]?.stringValue)
            (unit, person, id, at) = (data["unit"]?.stringValue, data["person"]?.stringValue, data["id"]?.stringValue, data["at"]?.stringValue)
        }

        private init(_ event: ClearanceEvent) {
            at = event.at.description
            switch event {
            case .recordRegistered(let e): (record, unit) = (e.record, e.unit)
            case .recordClassified(let e):
                record = e.record
                if e.disclosure == .exempt { flags.append("exempt: \(e.basis ?? "no basis")") }
            case .recordReviewed(let e):
                record = e.record
                if e.outcome == .returned { flags.append((e.note ?? e.grounds).map { "returned: \($0)" } ?? "returned") }
                if e.checked == nil { flags.append("review not written") }
            case .recordPublished(let e): record = e.record
            case .recordWithdrawn(let e):
                record = e.record
                flags.append("withdrawn after publication: \(e.reason)")
            case .recordReassessed(let e):
                record = e.record
                flags.append("reassessed: \(e.conclusion.rawValue)\(e.basis.map { " on \($0)" } ?? ""): \(e.grounds)")
            case .recordCorrected(let e):
                record = e.record
                // Whether it was published by then is the state's to say; the event says what changed.
                flags.append("corrected: \(e.changes) (\(e.reason))")
            case .roleGranted(let e): person = e.person
            case .roleRevoked(let e): person = e.person
            case .normAdopted(let e): unit = e.unit
            case .unitProfileSet(let e): unit = e.unit
            case .stageMilestoneReached(let e): unit = e.unit
            case .trainingHeld: break
            case .serviceGuideFiled(let e): unit = e.unit
            case .feedbackReceived(let e): (feedback, unit, record) = (e.feedback, e.unit, e.record)
            case .feedbackAnswered(let e): feedback = e.feedback
            case .requestReceived(let e): (request, unit) = (e.request, e.unit)
            case .requestStep(let e): request = e.request
            case .noticeIssued(let e):
                (unit, id) = (e.district, "notice \(e.at.year)-\(e.number)")
                flags.append("notice issued: document \(e.document)")
            case .inspectionFinding(let e):
                (unit, id) = (e.unit, e.finding)
                flags.append("finding: \(e.about) (remedy by \(e.remedyBy))")
            case .inspectionRemedied(let e):
                id = e.finding
                flags.append("remedied: \(e.note)")
            case .remedyFiled(let e): (unit, request, id) = (e.unit, e.request, e.remedyCase)
            case .remedyDecided(let e):
                id = e.remedyCase
                flags.append("\(e.outcome.rawValue)")
            case .reportFiled(let e): (unit, id) = (e.unit, "report \(e.year)")
            case .reportPublished(let e): (unit, id) = (e.unit, "report \(e.year)")
            case .identityBound(let e):
                person = e.actor
                flags.append("bound to \(e.kind.rawValue) \(e.identity)")
            case .identityUnbound(let e):
                person = e.actor
                flags.append("unbound from \(e.kind.rawValue) \(e.identity)")
            case .keyRegistered(let e):
                person = e.actor
                flags.append("key registered: \(e.key)")
            case .keyRevoked(let e):
                person = e.actor
                flags.append("key revoked: \(e.key) (\(e.reason))")
            }
        }
    }
}
