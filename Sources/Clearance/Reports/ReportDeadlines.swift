/// When a unit's annual report on a year is due: filed with the general office where the year's form
/// asks for it (2008: city departments and district governments by 2009-03-20, 成办函〔2009〕54号),
/// and published by the form's day or else the one the rule set in force on 1 January of the next
/// year gives the unit's kind (2007 Art. 31; 2019 Art. 49). One home for both, for the rules,
/// worklists and the assessment.
public struct ReportDeadlines: Sendable, Equatable {
    public let filing: Day?
    public let publishing: Day?
    /// Where the publishing day comes from: the form's instrument, or the rule set and its article.
    public let publishingSource: String

    public init(unit: String, year: Int, reference: ReferenceData) {
        let kind = reference.units[unit]?.kind
        let form = reference.reportForm(for: year)
        filing = reference.units[unit].flatMap { form?.files($0) == true ? form?.filing?.due : nil }
        if let day = form?.publishBy {
            publishing = day
            publishingSource = form?.instrument ?? ""
        } else if let ruleSet = reference.ruleSet(on: Day("\(year + 1)-01-01")!),
            let kind, let entry = ruleSet.annualReports.first(where: { entry in entry.kinds.contains(kind.rawValue) })
        {
            publishing = Day("\(year + 1)-\(entry.due)")
            publishingSource = "\(ruleSet.label), Art. \(entry.article)"
        } else {
            publishing = nil
            publishingSource = ""
        }
    }
}
