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
        // The report table of the rule set in force counts requests by kind of applicant (2019): a
        // request that does not say which could not be counted.
        let kinds = state.reference.ruleSet(on: e.at)?.applicantKinds ?? []
        let known = Set(state.reference.ruleSets.values.flatMap { $0.applicantKinds.map(\.id) })
        if let kind = e.applicantKind, !known.contains(kind) {
            throw RuleViolation(.reference, "applicantKind \(kind) is not a kind of applicant the report tables count (\(known.sorted().joined(separator: ", ")))")
        }
        if e.applicantKind == nil, !kinds.isEmpty, let ruleSet = state.reference.ruleSet(on: e.at) {
            throw RuleViolation(.schema, "request \(e.request) received \(e.at) must say what kind of applicant made it (applicantKind: \(kinds.map(\.id).joined(separator: ", "))): the annual report under \(ruleSet.label) counts requests by it")
        }
    }

    /// A request follows the rule set in force on its day of receipt: a correction, an extension or an
    /// outcome that does not exist there is refused, naming the rule set and its article.
    func checkRequestStep(_ e: RequestStep) throws {
        guard let request = state.requests[e.request] else { throw RuleViolation(.reference, "request \(e.request) was never received") }
        let unit = request.received.unit
        try require(.clerk, for: unit, doing: "handle requests for \(unit)")
        guard request.answered == nil else { throw RuleViolation(.transition, "request \(e.request) is already answered") }
        if e.at < request.received.at {
            throw RuleViolation(.businessDate, "request \(e.request) was received on \(request.received.at), after \(e.at)")
        }
        guard let ruleSet = state.reference.ruleSet(on: request.received.at) else {
            throw RuleViolation(.reference, "no rule set governs request \(e.request), received \(request.received.at)")
        }
        let procedure = ruleSet.request
        let clock = RequestClock(of: request, in: state, on: e.at)
        if case .withdrawn(let by) = clock.standing {
            throw RuleViolation(.transition, "request \(e.request) counts as withdrawn: it was not corrected by \(by) (\(ruleSet.label), Art. \(procedure.correction?.article ?? "?"))")
        }
        switch e.kind {
        case .correctionAsked:
            guard let correction = procedure.correction else {
                throw RuleViolation(.reference, "request \(e.request) cannot be sent back for correction: \(ruleSet.label) have no correction step")
            }
            if request.awaitingCorrection != nil { throw RuleViolation(.transition, "request \(e.request) already awaits a correction") }
            if let days = correction.askWithinWorkingDays, let calendar = try state.reference.calendar() {
                let last = try calendar.adding(workingDays: days, to: request.received.at).due
                if e.at > last {
                    throw RuleViolation(.deadline, "request \(e.request) can be sent back for correction only within \(days) working days of its receipt on \(request.received.at), by \(last), not on \(e.at) (\(ruleSet.label), Art. \(correction.article))")
                }
            }
            if correction.lapsesWhenUncorrected && e.correctBy == nil {
                throw RuleViolation(.schema, "request \(e.request): a correction asked under \(ruleSet.label) names the day the applicant must correct it by (correctBy): uncorrected by then, the request counts as withdrawn (Art. \(correction.article))")
            }
            if let by = e.correctBy, by < e.at { throw RuleViolation(.businessDate, "request \(e.request): correctBy \(by) is before the correction is asked (\(e.at))") }
        case .corrected:
            if request.awaitingCorrection == nil { throw RuleViolation(.transition, "request \(e.request) awaits no correction") }
        case .extended:
            if request.extended || procedure.extensionTimes == 0 {
                let why = request.extended ? "was already extended" : "cannot be extended"
                throw RuleViolation(.deadline, "request \(e.request) \(why): \(ruleSet.label) allow \(procedure.extensionTimes) extension (Art. \(procedure.limit.article))")
            }
            if request.awaitingCorrection != nil { throw RuleViolation(.transition, "request \(e.request) awaits a correction: its clock is not running") }
        case .answered:
            if request.awaitingCorrection != nil { throw RuleViolation(.transition, "request \(e.request) awaits the applicant's correction") }
            if let outcome = e.outcome, !ruleSet.outcomes.isEmpty, ruleSet.outcomes[outcome] == nil {
                let known = ruleSet.outcomes.values.sorted { $0.id < $1.id }.map { row in row.article.map { "\(row.id) (Art. \($0))" } ?? row.id }
                throw RuleViolation(.reference, "\(outcome) is not an answer under \(ruleSet.label), which govern request \(e.request) received \(request.received.at); its answers: \(known.joined(separator: ", "))")
            }
            try checkAnswerBasis(e, ruleSet)
        }
    }

    /// What is withheld is withheld on a legal basis, and the reply says which: a partial disclosure
    /// names the basis of the part withheld (2007 Art. 22 with Art. 21(2); 2019 Art. 37), valid under
    /// the rule set of the request; a refusal's row is its basis, so a basis it names must be that one;
    /// an answer that withholds nothing has none.
    func checkAnswerBasis(_ e: RequestStep, _ ruleSet: RuleSet) throws {
        let row = e.outcome.flatMap { ruleSet.outcomes[$0] }
        let group = row?.group ?? e.outcome.map { String($0.prefix { $0 != "/" }) } ?? ""
        let article = row?.article.map { " (Art. \($0))" } ?? ""
        switch group {
        case "partly-disclosed":
            guard let basis = e.basis else {
                throw RuleViolation(.schema, "request \(e.request): a partial disclosure must name the basis of what it withholds (basis: \(ruleSet.exemptionArticles.keys.sorted().joined(separator: ", "))) under \(ruleSet.label)\(article)")
            }
            guard ruleSet.exemptionArticles[basis] != nil else {
                throw RuleViolation(.reference, "request \(e.request): \(basis) is not an exemption basis under \(ruleSet.label); valid: \(ruleSet.exemptionArticles.keys.sorted().joined(separator: ", "))")
            }
        case "not-disclosed":
            let own = e.outcome.map { String($0.drop { $0 != "/" }.dropFirst()) } ?? ""
            if let basis = e.basis, basis != own {
                throw RuleViolation(.reference, "request \(e.request): the answer \(e.outcome ?? "") withholds on \(own), not \(basis)")
            }
        default:
            if let basis = e.basis {
                throw RuleViolation(.schema, "request \(e.request): the answer \(e.outcome ?? "") withholds nothing, so it has no basis (not \(basis))")
            }
        }
    }
}
