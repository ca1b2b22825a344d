extension ClearanceRules {
    /// A reconsideration or lawsuit is against a registered unit's decision; where it names a request,
    /// that request is the unit's and was answered by then (a decision is what is challenged).
    func checkRemedyFiled(_ e: RemedyFiled) throws {
        try require(.clerk, for: try unit(e.unit), doing: "record reconsiderations and lawsuits against \(e.unit)")
        guard state.supervision.remedyCases[e.remedyCase] == nil else { throw RuleViolation(.uniqueness, "case \(e.remedyCase) is already recorded") }
        if let id = e.request {
            guard let request = state.requests[id], request.received.unit == e.unit else {
                throw RuleViolation(.reference, "request \(id) is not a request to \(e.unit)")
            }
            guard let answered = request.answered, answered.at <= e.at else {
                throw RuleViolation(.transition, "request \(id) had not been answered by \(e.at): there is no decision to challenge yet")
            }
        }
    }

    func checkRemedyDecided(_ e: RemedyDecided) throws {
        guard let item = state.supervision.remedyCases[e.remedyCase] else { throw RuleViolation(.reference, "case \(e.remedyCase) was never filed") }
        try require(.clerk, for: item.filed.unit, doing: "record the decision of \(e.remedyCase)")
        guard item.decided == nil else { throw RuleViolation(.transition, "case \(e.remedyCase) is already decided") }
        if e.at < item.filed.at { throw RuleViolation(.businessDate, "case \(e.remedyCase) was filed on \(item.filed.at), after \(e.at)") }
    }

    /// A report is filed after its year, once; its figures are the log's, its tables balance, and it
    /// carries what the form asks the unit to write: each such part's text, and where the form has
    /// them, fees, staff and funding.
    func checkReportFiled(_ e: ReportFiled) throws {
        try require(.clerk, for: try unit(e.unit), doing: "file the annual report of \(e.unit)")
        guard e.figures.year == e.year else { throw RuleViolation(.schema, "the figures are for \(e.figures.year), the report for \(e.year)") }
        guard e.at.year > e.year else { throw RuleViolation(.businessDate, "a report on \(e.year) is filed after that year ends, not on \(e.at)") }
        guard state.supervision.reports[Supervision.reportKey(e.unit, e.year)] == nil else {
            throw RuleViolation(.uniqueness, "\(e.unit) has already filed its report on \(e.year)")
        }
        guard let form = state.reference.reportForm(for: e.year) else { throw RuleViolation(.reference, "no report form is declared for \(e.year)") }
        for column in e.figures.requests where !column.balances {
            throw RuleViolation(.schema, "the request table does not balance in column \(column.column): received \(column.received) + carried over \(column.carriedOver) ≠ handled \(column.handledTotal) + carried forward \(column.carriedForward)")
        }
        let log = AnnualFigures(unit: e.unit, year: e.year, state: state)
        let differences = log.differences(from: e.figures)
        guard differences.isEmpty else {
            throw RuleViolation(.reference, "the report of \(e.unit) on \(e.year) differs from the log: " + differences.joined(separator: "; "))
        }
        let missing = form.sections.filter { !$0.fromLog && (e.narrative[$0.id] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if !missing.isEmpty {
            throw RuleViolation(.schema, "the report on \(e.year) lacks the parts the unit writes under \(form.instrument): \(missing.map { "\($0.id) (\($0.zh))" }.joined(separator: ", "))")
        }
        let ids = Set(form.sections.map(\.id))
        if ids.contains("staff-and-funding"), e.staffFullTime == nil || e.funding == nil {
            throw RuleViolation(.schema, "the report on \(e.year) gives its disclosure staff (staffFullTime) and funding under \(form.instrument), part 政府信息公开机构人员及经费情况")
        }
        if ids.contains("fees"), e.feesCharged == nil {
            throw RuleViolation(.schema, "the report on \(e.year) gives the fees charged (feesCharged) and waived under \(form.instrument)")
        }
    }

    func checkReportPublished(_ e: ReportPublished) throws {
        try require(.clerk, for: try unit(e.unit), doing: "publish the annual report of \(e.unit)")
        guard let report = state.supervision.reports[Supervision.reportKey(e.unit, e.year)] else {
            throw RuleViolation(.transition, "\(e.unit) has not filed its report on \(e.year): it is filed before it is published")
        }
        guard report.published == nil else { throw RuleViolation(.transition, "the report of \(e.unit) on \(e.year) is already published") }
        if e.at < report.filed.at { throw RuleViolation(.businessDate, "the report was filed on \(report.filed.at), after \(e.at)") }
    }
}
