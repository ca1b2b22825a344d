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

    /// Decodes `data` of a catalogue `type`; nil for other types; `EventDataError` for bad data.
    public static func decode(type: String, data: JSONValue) throws -> ClearanceEvent? {
        switch type {
        case RecordRegistered.type: return .recordRegistered(try RecordRegistered(data: data))
        case RecordClassified.type: return .recordClassified(try RecordClassified(data: data))
        case RecordReviewed.type: return .recordReviewed(try RecordReviewed(data: data))
        case RecordPublished.type: return .recordPublished(try RecordPublished(data: data))
        case RecordWithdrawn.type: return .recordWithdrawn(try RecordWithdrawn(data: data))
        case RecordCorrected.type: return .recordCorrected(try RecordCorrected(data: data))
        case RoleGranted.type: return .roleGranted(try RoleGranted(data: data))
        case RoleRevoked.type: return .roleRevoked(try RoleRevoked(data: data))
        case NormAdopted.type: return .normAdopted(try NormAdopted(data: data))
        case UnitProfileSet.type: return .unitProfileSet(try UnitProfileSet(data: data))
        case StageMilestoneReached.type: return .stageMilestoneReached(try StageMilestoneReached(data: data))
        case TrainingHeld.type: return .trainingHeld(try TrainingHeld(data: data))
        case ServiceGuideFiled.type: return .serviceGuideFiled(try ServiceGuideFiled(data: data))
        case FeedbackReceived.type: return .feedbackReceived(try FeedbackReceived(data: data))
        case FeedbackAnswered.type: return .feedbackAnswered(try FeedbackAnswered(data: data))
        case RequestReceived.type: return .requestReceived(try RequestReceived(data: data))
        default:
            guard let kind = RequestStep.Kind(rawValue: type) else { return nil }
            return .requestStep(try RequestStep(kind: kind, data: data))
        }
    }

    public var at: Day {
        switch self {
        case .recordRegistered(let e): return e.at
        case .recordClassified(let e): return e.at
        case .recordReviewed(let e): return e.at
        case .recordPublished(let e): return e.at
        case .recordWithdrawn(let e): return e.at
        case .recordCorrected(let e): return e.at
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
        }
    }
}
