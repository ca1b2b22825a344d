extension ClearanceRules {
    func checkFeedbackReceived(_ e: FeedbackReceived) throws {
        try require(.clerk, for: try unit(e.unit), doing: "receive feedback for \(e.unit)")
        guard state.feedback[e.feedback] == nil else { throw RuleViolation(.uniqueness, "feedback \(e.feedback) is already received") }
        if let id = e.record { _ = try record(id) }
    }

    func checkFeedbackAnswered(_ e: FeedbackAnswered) throws {
        guard let feedback = state.feedback[e.feedback] else { throw RuleViolation(.reference, "feedback \(e.feedback) was never received") }
        try require(.clerk, for: feedback.received.unit, doing: "answer feedback for \(feedback.received.unit)")
        guard feedback.answered == nil else { throw RuleViolation(.transition, "feedback \(e.feedback) is already answered") }
        if e.at < feedback.received.at { throw RuleViolation(.businessDate, "feedback \(e.feedback) is answered before it was received (\(feedback.received.at))") }
    }

    func checkRequestReceived(_ e: RequestReceived) throws {
        try require(.clerk, for: try unit(e.unit), doing: "receive requests for \(e.unit)")
        guard state.requests[e.request] == nil else { throw RuleViolation(.uniqueness, "request \(e.request) is already received") }
    }

    func checkRequestStep(_ e: RequestStep) throws {
        guard let request = state.requests[e.request] else { throw RuleViolation(.reference, "request \(e.request) was never received") }
        let unit = request.received.unit
        try require(.clerk, for: unit, doing: "handle requests for \(unit)")
        guard request.answered == nil else { throw RuleViolation(.transition, "request \(e.request) is already answered") }
        if e.at < request.received.at {
            throw RuleViolation(.businessDate, "request \(e.request) was received on \(request.received.at), after \(e.at)")
        }
        switch e.kind {
        case .correctionAsked:
            if request.awaitingCorrection != nil { throw RuleViolation(.transition, "request \(e.request) already awaits a correction") }
        case .corrected:
            if request.awaitingCorrection == nil { throw RuleViolation(.transition, "request \(e.request) awaits no correction") }
        case .extended:
            if request.extended { throw RuleViolation(.deadline, "request \(e.request) was already extended: the time limit is extended once") }
            if request.awaitingCorrection != nil { throw RuleViolation(.transition, "request \(e.request) awaits a correction: its clock is not running") }
        case .answered:
            if request.awaitingCorrection != nil { throw RuleViolation(.transition, "request \(e.request) awaits the applicant's correction") }
            let rows = state.reference.outcomeRows
            if let outcome = e.outcome, !rows.isEmpty, !rows.contains(outcome) {
                throw RuleViolation(.reference, "\(outcome) is not a reply outcome (see request-outcomes.json: \(rows.sorted().prefix(6).joined(separator: ", "))…)")
            }
        }
    }
}
