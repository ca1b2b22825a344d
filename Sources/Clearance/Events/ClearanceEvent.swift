import EventLog

/// Every event type of the domain catalogue, decoded. Types outside it (reference data, annotations,
/// probes) decode to nil: they are stored as they are and the rules leave them alone.
public enum ClearanceEvent: Sendable, Equatable {
    case recordRegistered(RecordRegistered)
    case recordClassified(RecordClassified)
    case recordReviewed(RecordReviewed)
    case recordPublished(RecordPublished)
    case recordWithdrawn(RecordWithdrawn)
    case recordCorrected(RecordCorrected)
    case recordReassessed(RecordReassessed)
    case roleGranted(RoleGranted)
    case roleRevoked(RoleRevoked)
    case normAdopted(NormAdopted)
    case unitProfileSet(UnitProfileSet)
    case stageMilestoneReached(StageMilestoneReached)
    case trainingHeld(TrainingHeld)
    case serviceGuideFiled(ServiceGuideFiled)
    case feedbackReceived(FeedbackReceived)
    case feedbackAnswered(FeedbackAnswered)
    case requestReceived(RequestReceived)
    case requestStep(RequestStep)
    case noticeIssued(NoticeIssued)
    case inspectionFinding(InspectionFinding)
    case inspectionRemedied(InspectionRemedied)
    case remedyFiled(RemedyFiled)
    case remedyDecided(RemedyDecided)
    case reportFiled(ReportFiled)
    case reportPublished(ReportPublished)
    case identityBound(IdentityBound)
    case identityUnbound(IdentityUnbound)
    case keyRegistered(KeyRegistered)
    case keyRevoked(KeyRevoked)

    /// The one list of the catalogue's types, each with how it decodes: `ClearanceCatalogue.types`
    /// (what the fold and the rules take) is its keys, so the two cannot disagree.
    static let decoders: [String: @Sendable (JSONValue) throws -> ClearanceEvent] = {
        var table: [String: @Sendable (JSONValue) throws -> ClearanceEvent] = [
            RecordRegistered.type: { .recordRegistered(try RecordRegistered(data: $0)) },
            RecordClassified.type: { .recordClassified(try RecordClassified(data: $0)) },
            RecordReviewed.type: { .recordReviewed(try RecordReviewed(data: $0)) },
            RecordPublished.type: { .recordPublished(try RecordPublished(data: $0)) },
            RecordWithdrawn.type: { .recordWithdrawn(try RecordWithdrawn(data: $0)) },
            RecordCorrected.type: { .recordCorrected(try RecordCorrected(data: $0)) },
            RecordReassessed.type: { .recordReassessed(try RecordReassessed(data: $0)) },
            RoleGranted.type: { .roleGranted(try RoleGranted(data: $0)) },
            RoleRevoked.type: { .roleRevoked(try RoleRevoked(data: $0)) },
            NormAdopted.type: { .normAdopted(try NormAdopted(data: $0)) },
            UnitProfileSet.type: { .unitProfileSet(try UnitProfileSet(data: $0)) },
            StageMilestoneReached.type: { .stageMilestoneReached(try StageMilestoneReached(data: $0)) },
            TrainingHeld.type: { .trainingHeld(try TrainingHeld(data: $0)) },
            ServiceGuideFiled.type: { .serviceGuideFiled(try ServiceGuideFiled(data: $0)) },
            FeedbackReceived.type: { .feedbackReceived(try FeedbackReceived(data: $0)) },
            FeedbackAnswered.type: { .feedbackAnswered(try FeedbackAnswered(data: $0)) },
            RequestReceived.type: { .requestReceived(try RequestReceived(data: $0)) },
            NoticeIssued.type: { .noticeIssued(try NoticeIssued(data: $0)) },
            InspectionFinding.type: { .inspectionFinding(try InspectionFinding(data: $0)) },
            InspectionRemedied.type: { .inspectionRemedied(try InspectionRemedied(data: $0)) },
            RemedyFiled.type: { .remedyFiled(try RemedyFiled(data: $0)) },
            RemedyDecided.type: { .remedyDecided(try RemedyDecided(data: $0)) },
            ReportFiled.type: { .reportFiled(try ReportFiled(data: $0)) },
            ReportPublished.type: { .reportPublished(try ReportPublished(data: $0)) },
            IdentityBound.type: { .identityBound(try IdentityBound(data: $0)) },
            IdentityUnbound.type: { .identityUnbound(try IdentityUnbound(data: $0)) },
            KeyRegistered.type: { .keyRegistered(try KeyRegistered(data: $0)) },
            KeyRevoked.type: { .keyRevoked(try KeyRevoked(data: $0)) },
        ]
        for kind in RequestStep.Kind.allCases { table[kind.rawValue] = { .requestStep(try RequestStep(kind: kind, data: $0)) } }
        return table
    }()

    /// Decodes `data` of a catalogue `type`; nil for other types; `EventDataError` for bad data.
    public static func decode(type: String, data: JSONValue) throws -> ClearanceEvent? {
        try decoders[type]?(data)
    }

    public var at: Day {
        switch self {
        case .recordRegistered(let e): return e.at
        case .recordClassified(let e): return e.at
        case .recordReviewed(let e): return e.at
        case .recordPublished(let e): return e.at
        case .recordWithdrawn(let e): return e.at
        case .recordCorrected(let e): return e.at
        case .recordReassessed(let e): return e.at
        case .roleGranted(let e): return e.at
        case .roleRevoked(let e): return e.at
        case .normAdopted(let e): return e.at
        case .unitProfileSet(let e): return e.at
        case .stageMilestoneReached(let e): return e.at
        case .trainingHeld(let e): return e.at
        case .serviceGuideFiled(let e): return e.at
        case .feedbackReceived(let e): return e.at
        case .feedbackAnswered(let e): return e.at
        case .requestReceived(let e): return e.at
        case .requestStep(let e): return e.at
        case .noticeIssued(let e): return e.at
        case .inspectionFinding(let e): return e.at
        case .inspectionRemedied(let e): return e.at
        case .remedyFiled(let e): return e.at
        case .remedyDecided(let e): return e.at
        case .reportFiled(let e): return e.at
        case .reportPublished(let e): return e.at
        case .identityBound(let e): return e.at
        case .identityUnbound(let e): return e.at
        case .keyRegistered(let e): return e.at
        case .keyRevoked(let e): return e.at
        }
    }
}
