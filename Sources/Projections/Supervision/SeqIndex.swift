import Clearance
import EventLog

/// The log entries (by seq) behind the refs an assessment cites: one pass over the log, keeping only
/// the refs asked for, up to the entry the state was folded to.
public struct SeqIndex: Sendable {
    public private(set) var seqs: [Assessment.Ref: [Int]] = [:]

    public init(refs: Set<Assessment.Ref>, reader: LogReader, through last: Int) throws {
        guard !refs.isEmpty else { return }
        var found: [Assessment.Ref: [Int]] = [:]
        try reader.forEachEntry { entry in
            guard entry.seq <= last else { return false }
            for ref in Self.refs(of: entry) where refs.contains(ref) { found[ref, default: []].append(entry.seq) }
            return true
        }
        seqs = found
    }

    /// The seqs behind `refs`, in order, each once.
    public func seqs(of refs: [Assessment.Ref]) -> [Int] {
        Array(Set(refs.flatMap { seqs[$0] ?? [] })).sorted()
    }

    /// What an entry is about, as refs.
    static func refs(of entry: LogEntry) -> [Assessment.Ref] {
        switch entry.type {
        case ReferenceEventType.stageScheduled:
            return ((try? entry.data())?["number"]?.intValue).map { [.stage($0)] } ?? []
        case ReferenceEventType.reportFormsDeclared: return [.reportForms]
        case ReferenceEventType.rubricDeclared: return [.rubric]
        default: break
        }
        guard ClearanceCatalogue.types.contains(entry.type), case .event(let event)? = try? ClearanceState.decode(entry) else { return [] }
        switch event {
        case .recordRegistered(let e): return [.record(e.record)]
        case .recordClassified(let e): return [.record(e.record)]
        case .recordReviewed(let e): return [.record(e.record)]
        case .recordPublished(let e): return [.record(e.record)]
        case .recordWithdrawn(let e): return [.record(e.record)]
        case .recordCorrected(let e): return [.record(e.record)]
        case .recordReassessed(let e): return [.record(e.record)]
        case .requestReceived(let e): return [.request(e.request)]
        case .requestStep(let e): return [.request(e.request)]
        case .feedbackReceived(let e): return [.feedback(e.feedback)]
        case .feedbackAnswered(let e): return [.feedback(e.feedback)]
        case .inspectionFinding(let e): return [.finding(e.finding)]
        case .inspectionRemedied(let e): return [.finding(e.finding)]
        case .normAdopted(let e): return [.unitEvent(type: entry.type, unit: e.unit)]
        case .unitProfileSet(let e): return [.unitEvent(type: entry.type, unit: e.unit)]
        case .reportFiled(let e): return [.unitEvent(type: entry.type, unit: e.unit)]
        case .reportPublished(let e): return [.unitEvent(type: entry.type, unit: e.unit)]
        default: return []
        }
    }
}
