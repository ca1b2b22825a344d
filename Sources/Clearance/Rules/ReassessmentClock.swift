/// When withheld information is next due to be reassessed: the interval of the rule set in force on
/// the day judged (2019 Art. 18; none under 2007), from the latest reassessment, or from the approval
/// that withheld it, but not before the rule set took effect (a record withheld in 2008 is first due
/// an interval after 2019-05-15). The one rule every view asks.
public struct ReassessmentClock: Sendable, Equatable {
    public let ruleSet: String
    public let intervalMonths: Int
    /// The day the interval runs from.
    public let start: Day
    public let due: Day

    /// Nil unless `record` is withheld (exempt, approved) and the rule set in force on `day` asks for
    /// periodic reassessment.
    public init?(of record: RecordState, in state: ClearanceState, on day: Day) {
        guard record.classification?.disclosure == .exempt, record.status == .approved,
            let withheld = record.reassessedOn ?? record.approvedOn,
            let ruleSet = state.reference.ruleSet(on: day), let reassessment = ruleSet.reassessment
        else { return nil }
        self.ruleSet = ruleSet.id
        intervalMonths = reassessment.intervalMonths
        start = max(withheld, ruleSet.effective)
        due = start.adding(months: reassessment.intervalMonths)
    }
}
