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
}
