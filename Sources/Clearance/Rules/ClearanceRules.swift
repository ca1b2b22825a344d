/// The rules of the work plan and the Regulations, checked before anything is appended.
///
/// `check` is pure: it reads the state as it stands before the event and throws the first rule the
/// event breaks. Whichever command brings an event (a subcommand, raw `append`, `import`), it passes here.
public struct ClearanceRules {
    let state: ClearanceState
    let actor: String

    public init(state: ClearanceState, actor: String) {
        self.state = state
        self.actor = actor
    }

    /// - Parameter recorded: the day of the append; the business date may not be after it.
    public func check(_ event: ClearanceEvent, recorded: Day) throws {
        if event.at > recorded {
            throw RuleViolation(.businessDate, "the business date \(event.at) is after the day it is recorded, \(recorded)")
        }
        switch event {
        case .roleGranted(let e): try checkRoleGranted(e)
        case .roleRevoked(let e): try checkRoleRevoked(e)
        case .normAdopted(let e): try checkNormAdopted(e)
        case .unitProfileSet(let e): try require(.clerk, for: try unit(e.unit), doing: "set the profile of \(e.unit)")
        case .stageMilestoneReached(let e):
            try requireGeneralOffice("record stage milestones")
            try stage(e.stage)
            _ = try unit(e.unit)
        case .trainingHeld(let e):
            try requireGeneralOffice("record trainings")
            try stage(e.stage)
            for u in e.units { _ = try unit(u) }
        case .serviceGuideFiled(let e): try checkServiceGuideFiled(e)
        case .recordRegistered(let e): try checkRegistered(e)
        case .recordClassified(let e): try checkClassified(e)
        case .recordReviewed(let e): try checkReviewed(e)
        case .recordPublished(let e): try checkPublished(e)
        case .recordWithdrawn(let e): try checkPublishedRecordChange(e.record, verb: "withdrawn")
        case .recordCorrected(let e): try checkCorrected(e)
        case .recordReassessed(let e): try checkReassessed(e)
        case .feedbackReceived(let e): try checkFeedbackReceived(e)
        case .feedbackAnswered(let e): try checkFeedbackAnswered(e)
        case .requestReceived(let e): try checkRequestReceived(e)
        case .requestStep(let e): try checkRequestStep(e)
        case .noticeIssued(let e): try checkNoticeIssued(e)
        case .inspectionFinding(let e): try checkInspectionFinding(e)
        case .inspectionRemedied(let e): try checkInspectionRemedied(e)
        case .remedyFiled(let e): try checkRemedyFiled(e)
        case .remedyDecided(let e): try checkRemedyDecided(e)
        case .reportFiled(let e): try checkReportFiled(e)
        case .reportPublished(let e): try checkReportPublished(e)
        case .identityBound(let e): try checkIdentityBound(e)
        case .identityUnbound(let e): try checkIdentityUnbound(e)
        case .keyRegistered(let e): try checkKeyRegistered(e)
        case .keyRevoked(let e): try checkKeyRevoked(e)
        }
    }

    // MARK: Shared checks

    @discardableResult
    func unit(_ id: String) throws -> String {
        guard state.reference.units[id] != nil else {
            throw RuleViolation(.reference, "unit \(id) is not registered (see 'clearance unit list')")
        }
        return id
    }

    func stage(_ number: Int) throws {
        guard state.reference.stages[number] != nil else { throw RuleViolation(.reference, "stage \(number) is not scheduled") }
    }

    func require(_ role: Role, for unit: String, doing what: String) throws {
        guard state.holds(actor, role, for: unit) else {
            throw RuleViolation(.role, "\(actor) may not \(what): it needs the \(role.rawValue) role for \(unit) (or the general office)")
        }
    }

    func require(anyOf roles: [Role], for unit: String, doing what: String) throws {
        guard roles.contains(where: { state.holds(actor, $0, for: unit) }) else {
            let names = roles.map(\.rawValue).joined(separator: " or ")
            throw RuleViolation(.role, "\(actor) may not \(what): it needs the \(names) role for \(unit) (or the general office)")
        }
    }

    func requireGeneralOffice(_ what: String) throws {
        guard state.holds(actor, .generalOffice, for: nil) else {
            throw RuleViolation(.role, "\(actor) may not \(what): only the general office may")
        }
    }
}
