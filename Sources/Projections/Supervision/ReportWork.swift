import Clearance

/// Annual reports to file with the general office and to publish: for each year whose report falls
/// due within a year of the day (the year before the day's, and the one before that), by the days
/// `ReportDeadlines` gives; filed reports wait to be published.
public struct ReportWork: WorkSource {
    public init() {}

    public func collect(_ scope: WorkScope, _ deadlines: inout WorkDeadlines, into items: inout [WorkItem]) {
        let state = scope.state
        guard !state.reference.reportForms.isEmpty else { return }
        for year in (scope.day.year - 2)..<scope.day.year where state.reference.reportForm(for: year) != nil {
            for unit in state.reference.unitOrder where scope.contains(unit) {
                let due = ReportDeadlines(unit: unit, year: year, reference: state.reference)
                let report = state.supervision.reports[Supervision.reportKey(unit, year)]
                // Long past and never done stays on the list; a report done is off it.
                if report == nil, let day = due.filing ?? due.publishing {
                    items.append(WorkItem(kind: .report, id: "report-\(year)", unit: unit, title: "\(year)年度政府信息公开工作年度报告", task: .file, due: .on(day)))
                } else if let report, report.published == nil, let day = due.publishing {
                    items.append(WorkItem(kind: .report, id: "report-\(year)", unit: unit, title: "\(year)年度政府信息公开工作年度报告", task: .publishReport, due: .on(day)))
                }
            }
        }
    }
}
