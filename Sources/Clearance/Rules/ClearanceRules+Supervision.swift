extension ClearanceRules {
    /// Only the general office issues notices; each year's numbers are used once, in order; a notice
    /// reports a day no later than its own, on a scheduled stage and a district government.
    func checkNoticeIssued(_ e: NoticeIssued) throws {
        try requireGeneralOffice("issue progress notices")
        let next = state.supervision.nextNoticeNumber(in: e.at.year)
        guard e.number == next else {
            throw RuleViolation(.uniqueness, "notice number \(e.number) of \(e.at.year) is not the next one: \(next) is (numbers run from 1 each year)")
        }
        if e.judged > e.at { throw RuleViolation(.businessDate, "a notice issued on \(e.at) cannot report progress as of a later day, \(e.judged)") }
        if let stage = e.stage { try self.stage(stage) }
        if let district = e.district {
            guard state.reference.units[district]?.kind == .districtGovernment else {
                throw RuleViolation(.reference, "\(district) is not a district government")
            }
        }
    }
}

extension ClearanceRules {
    /// The general office inspects; a finding names a registered unit and a remedy day not before it.
    func checkInspectionFinding(_ e: InspectionFinding) throws {
        try requireGeneralOffice("record inspection findings")
        try unit(e.unit)
        guard state.supervision.findings[e.finding] == nil else { throw RuleViolation(.uniqueness, "finding \(e.finding) is already recorded") }
        if e.remedyBy < e.at { throw RuleViolation(.businessDate, "finding \(e.finding) is to be remedied by \(e.remedyBy), before it was found (\(e.at))") }
        if let item = e.item {
            let owner = state.records[item]?.registration.unit ?? state.requests[item]?.received.unit ?? state.feedback[item]?.received.unit
            guard owner == e.unit else {
                throw RuleViolation(.reference, "finding \(e.finding): \(item) is not a record, request or feedback of \(e.unit)")
            }
        }
    }

    /// The unit's clerk (or the office) records the remedy of an open finding, not before it was found.
    func checkInspectionRemedied(_ e: InspectionRemedied) throws {
        guard let finding = state.supervision.findings[e.finding] else { throw RuleViolation(.reference, "finding \(e.finding) was never recorded") }
        try require(.clerk, for: finding.found.unit, doing: "record the remedy of \(e.finding) at \(finding.found.unit)")
        guard finding.remedied == nil else { throw RuleViolation(.transition, "finding \(e.finding) is already remedied") }
        if e.at < finding.found.at { throw RuleViolation(.businessDate, "finding \(e.finding) was found on \(finding.found.at), after \(e.at)") }
    }
}
