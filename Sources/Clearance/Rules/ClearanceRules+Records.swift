extension ClearanceRules {
    func record(_ id: String) throws -> RecordState {
        guard let record = state.records[id] else { throw RuleViolation(.reference, "record \(id) is not registered") }
        return record
    }

    func checkRegistered(_ e: RecordRegistered) throws {
        try require(.clerk, for: try unit(e.unit), doing: "register records of \(e.unit)")
        guard state.records[e.record] == nil else {
            throw RuleViolation(.uniqueness, "record \(e.record) is already registered")
        }
        if e.created > e.at { throw RuleViolation(.businessDate, "record \(e.record) is created \(e.created), after it is registered (\(e.at))") }
    }

    func checkClassified(_ e: RecordClassified) throws {
        let record = try record(e.record)
        let unit = record.registration.unit
        try require(.clerk, for: unit, doing: "classify records of \(unit)")
        switch record.status {
        case .registered, .classified: break
        case .approved, .published, .withdrawn:
            throw RuleViolation(.transition, "record \(e.record) cannot be reclassified: it is \(record.status.rawValue); a published record is corrected or withdrawn, never silently edited")
        }
        guard let norm = state.norms[unit] else {
            throw RuleViolation(.transition, "record \(e.record) cannot be classified: \(unit) has adopted no classification norm (stage 2)")
        }
        guard let contentClass = norm.classes.first(where: { $0.id == e.contentClass }) else {
            throw RuleViolation(.reference, "class \(e.contentClass) is not in \(unit)'s norm (classes: \(norm.classes.map(\.id).joined(separator: ", ")))")
        }
        if let item = e.keyItem {
            guard state.reference.keyItems[item] != nil else { throw RuleViolation(.reference, "key item \(item) is not in the disclosure scheme") }
            if !contentClass.keyItems.isEmpty && !contentClass.keyItems.contains(item) {
                throw RuleViolation(.reference, "key item \(item) is not mapped to class \(contentClass.id) (its items: \(contentClass.keyItems.joined(separator: ", ")))")
            }
        }
        try checkExemption(e)
    }

    /// Exemption is the exception: it names a basis valid under the rule set in force; nothing else names one.
    func checkExemption(_ e: RecordClassified) throws {
        guard e.disclosure == .exempt else {
            if let basis = e.basis {
                throw RuleViolation(.exemption, "record \(e.record) is \(e.disclosure.rawValue) but names the exemption basis \(basis): only exempt records have one")
            }
            return
        }
        guard let basis = e.basis else {
            throw RuleViolation(.exemption, "record \(e.record) is exempt without a basis: name one of \(state.reference.exemptionBases.keys.sorted().joined(separator: ", "))")
        }
        guard let ruleSet = state.reference.ruleSet(on: e.at) else {
            throw RuleViolation(.exemption, "no rule set is in force on \(e.at)")
        }
        guard ruleSet.exemptionArticles[basis] != nil else {
            let valid = ruleSet.exemptionArticles.sorted { $0.key < $1.key }.map { "\($0.key) (Art. \($0.value))" }
            throw RuleViolation(.exemption, "\(basis) is not an exemption basis under \(ruleSet.label), in force on \(e.at) (valid: \(valid.joined(separator: ", ")))")
        }
    }

    func checkReviewed(_ e: RecordReviewed) throws {
        let record = try record(e.record)
        let unit = record.registration.unit
        try require(.reviewer, for: unit, doing: "review records of \(unit)")
        guard record.status == .classified else {
            let why = switch record.status {
            case .registered: record.lastReturn.map { "its review was returned on \($0.day) (seq \($0.seq)) and it is not yet classified again" } ?? "it is not classified yet"
            case .approved: "it is already approved at every level its norm asks for"
            default: "it is \(record.status.rawValue)"
            }
            throw RuleViolation(.transition, "record \(e.record) cannot be reviewed: \(why)")
        }
        if record.classifiedBy == actor {
            throw RuleViolation(.separationOfDuties, "\(actor) classified record \(e.record) and so may not review it")
        }
        if e.level == 2, record.firstApprovedBy == actor {
            throw RuleViolation(.separationOfDuties, "\(actor) approved the first review of record \(e.record) and so may not give its second: a two-level review needs two reviewers")
        }
        // The review is written: what was checked and the grounds of the conclusion, beside the
        // conclusion itself and the reviewer the entry names (2007 Art. 14; 2019 Art. 17).
        for (field, text) in [("checked", e.checked), ("grounds", e.grounds ?? e.note)] where (text ?? "").trimmingWhitespace().isEmpty {
            let law = state.reference.ruleSet(on: e.at).map { rules in rules.reviewArticle.map { " (\(rules.label), Art. \($0))" } ?? "" } ?? ""
            throw RuleViolation(.schema, "the review of record \(e.record) is written\(law): it names what was checked (checked) and the grounds of its conclusion (grounds); \(field) is missing")
        }
        let expected = record.approvedLevels + 1
        guard e.level == expected else {
            throw RuleViolation(.transition, "record \(e.record) needs its level-\(expected) review next, not level \(e.level) (its norm asks for \(record.requiredLevels))")
        }
    }

    func checkPublished(_ e: RecordPublished) throws {
        let record = try record(e.record)
        let unit = record.registration.unit
        try require(.publisher, for: unit, doing: "publish records of \(unit)")
        guard record.status == .approved else {
            let why = switch record.status {
            case .registered: record.lastReturn.map { "its review was returned on \($0.day) (seq \($0.seq))" } ?? "it is not classified and reviewed"
            case .classified: "its review is not approved at every level (\(record.approvedLevels) of \(record.requiredLevels))"
            default: "it is already \(record.status.rawValue)"
            }
            throw RuleViolation(.transition, "record \(e.record) cannot be published: \(why)")
        }
        if let disclosure = record.classification?.disclosure, disclosure != .proactive {
            throw RuleViolation(.transition, "record \(e.record) is \(disclosure.rawValue): only proactive records are published")
        }
        let expected = IndexNumber.next(for: unit, year: e.at.year, in: state)
        // Numbers are issued strictly in order per unit and year, so the next one was never used.
        guard e.indexNumber == expected.description else {
            throw RuleViolation(.indexNumber, "record \(e.record) must get index number \(expected), the next for \(unit) in \(e.at.year), not \(e.indexNumber)")
        }
    }

    func checkPublishedRecordChange(_ id: String, verb: String) throws {
        let record = try record(id)
        let unit = record.registration.unit
        try require(anyOf: [.clerk, .publisher], for: unit, doing: "have records of \(unit) \(verb)")
        guard record.status == .published else {
            throw RuleViolation(.transition, "record \(id) cannot be \(verb): it is \(record.status.rawValue), not published")
        }
    }

    /// A record is corrected by a clerk of its unit before publication, or by a clerk or publisher
    /// after it; never once withdrawn. The event says what the fields said before, as the record
    /// stands, so that the log itself shows the change; a creation date stays on or before registration.
    func checkCorrected(_ e: RecordCorrected) throws {
        let record = try record(e.record)
        let unit = record.registration.unit
        if record.status == .published {
            try require(anyOf: [.clerk, .publisher], for: unit, doing: "have records of \(unit) corrected")
        } else {
            try require(.clerk, for: unit, doing: "correct records of \(unit) before publication")
        }
        if record.status == .withdrawn { throw RuleViolation(.transition, "record \(e.record) cannot be corrected: it is withdrawn") }
        if let created = e.created, created > record.registration.at {
            throw RuleViolation(.businessDate, "record \(e.record) cannot be created \(created), after it was registered (\(record.registration.at))")
        }
        guard let before = e.before else {
            throw RuleViolation(.schema, "a correction of record \(e.record) says what the corrected fields said before (before)")
        }
        let r = record.registration
        var checks: [(field: String, current: String, said: String?)] = []
        if e.title != nil { checks.append(("title", r.title, before.title)) }
        if e.summary != nil { checks.append(("summary", r.summary, before.summary)) }
        if e.documentNumber != nil { checks.append(("documentNumber", r.documentNumber ?? "", before.documentNumber)) }
        if e.created != nil { checks.append(("created", r.created.description, before.created?.description)) }
        for check in checks where check.current != (check.said ?? "") {
            throw RuleViolation(.reference, "the correction of record \(e.record) says its \(check.field) was \"\(check.said ?? "")\", but it is \"\(check.current)\"")
        }
    }

    /// A reviewer of the unit reassesses what it withholds (an exempt record, approved). Kept
    /// withheld, it stands on a basis valid under the rules in force on the day (2019 Art. 18 asks
    /// for the reassessment; exemptions follow the rule set of the day, as at classification).
    func checkReassessed(_ e: RecordReassessed) throws {
        let record = try record(e.record)
        let unit = record.registration.unit
        try require(.reviewer, for: unit, doing: "reassess withheld records of \(unit)")
        guard record.classification?.disclosure == .exempt, record.status == .approved else {
            throw RuleViolation(.transition, "record \(e.record) is not withheld (exempt and approved): it is \(record.classification?.disclosure.rawValue ?? "not classified"), \(record.status.rawValue)")
        }
        if let approved = record.approvedOn, e.at < approved {
            throw RuleViolation(.businessDate, "record \(e.record) is reassessed on \(e.at), before it was withheld (\(approved))")
        }
        guard e.conclusion == .keepWithheld else { return }
        guard let ruleSet = state.reference.ruleSet(on: e.at) else { throw RuleViolation(.exemption, "no rule set is in force on \(e.at)") }
        let basis = e.basis ?? record.classification?.basis ?? ""
        guard ruleSet.exemptionArticles[basis] != nil else {
            let valid = ruleSet.exemptionArticles.sorted { $0.key < $1.key }.map { "\($0.key) (Art. \($0.value))" }
            throw RuleViolation(.exemption, "record \(e.record) cannot stay withheld on \(basis): it is not an exemption basis under \(ruleSet.label), in force on \(e.at) (valid: \(valid.joined(separator: ", ")))")
        }
    }
}
