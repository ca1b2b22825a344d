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
