import Clearance
import EventLog

/// The general office's annual report for the city: it compiles the reports its units filed, so its
/// figures are their sum (a unit that has not filed adds nothing, and is named), with who filed and
/// published on time, late, or not yet.
public struct CityAnnualReport: Sendable {
    public struct Standing: Sendable, Equatable {
        public let unit: String
        public let name: String
        public let filed: Day?
        public let published: Day?
        public let deadlines: ReportDeadlines
        public var filedLate: Bool { filed.flatMap { day in deadlines.filing.map { day > $0 } } ?? false }
        public var publishedLate: Bool { published.flatMap { day in deadlines.publishing.map { day > $0 } } ?? false }
    }

    public let year: Int
    public let city: String
    public let figures: AnnualFigures
    public let units: [Standing]
    public let reports: [AnnualReport]

    public init(year: Int, state: ClearanceState) {
        self.year = year
        city = state.reference.units[state.reference.unitOrder.first { state.reference.units[$0]?.kind == .cityGovernment } ?? ""]?.name ?? "全市"
        var sum = AnnualFigures(year: year)
        var columns: [String: AnnualFigures.RequestColumn] = [:]
        var order: [String] = []
        var standings: [Standing] = []
        var reports: [AnnualReport] = []
        for unit in state.reference.unitOrder {
            let report = state.supervision.reports[Supervision.reportKey(unit, year)]
            standings.append(Standing(
                unit: unit, name: state.reference.units[unit]?.name ?? unit, filed: report?.filed.at, published: report?.published?.at,
                deadlines: ReportDeadlines(unit: unit, year: year, reference: state.reference)))
            guard let filed = report?.filed else { continue }
            reports.append(AnnualReport(unit: unit, year: year, state: state))
            let f = filed.figures
            sum.published += f.published
            sum.classifiedOnRequest += f.classifiedOnRequest
            sum.classifiedExempt += f.classifiedExempt
            for (item, n) in f.publishedByKeyItem { sum.publishedByKeyItem[item, default: 0] += n }
            for column in f.requests {
                if columns[column.column] == nil { order.append(column.column) }
                var c = columns[column.column] ?? AnnualFigures.RequestColumn(column: column.column)
                c.received += column.received
                c.carriedOver += column.carriedOver
                c.carriedForward += column.carriedForward
                for (row, n) in column.handled { c.handled[row, default: 0] += n }
                columns[column.column] = c
            }
            for (key, outcomes) in f.remedies {
                for (outcome, n) in outcomes { sum.remedies[key, default: [:]][outcome, default: 0] += n }
            }
        }
        sum.requests = order.compactMap { columns[$0] }
        figures = sum
        units = standings
        self.reports = reports
    }

    public var notFiled: [Standing] { units.filter { $0.filed == nil } }

    public func paper(_ l: PaperLanguage) -> Paper {
        var paper = Paper(language: l, title: l("\(city)\(year)年政府信息公开工作年度报告（汇总）", "\(city): annual report on open government information, \(year) (compiled)"))
        let filed = units.filter { $0.filed != nil }
        let late = filed.filter(\.filedLate)
        let published = units.filter { $0.published != nil }
        paper.add(.paragraph(l(
            "全市 \(units.count) 个单位中，已报送年度报告 \(filed.count) 个（逾期报送 \(late.count) 个），已公布 \(published.count) 个（逾期公布 \(published.filter(\.publishedLate).count) 个），未报送 \(units.count - filed.count) 个。本报告数据为已报送报告之和。",
            "Of \(units.count) units, \(filed.count) filed their report (\(late.count) late), \(published.count) published it (\(published.filter(\.publishedLate).count) late), \(units.count - filed.count) have not filed. The figures are the sum of the reports filed.")))
        paper.add(.heading(l("一、主动公开政府信息情况", "1. Proactive disclosure")))
        let template = reports.first
        paper.add(.paragraph(l("全市主动公开政府信息 \(figures.published) 条；新认定依申请公开 \(figures.classifiedOnRequest) 条、不予公开 \(figures.classifiedExempt) 条。",
                               "\(figures.published) records published proactively; \(figures.classifiedOnRequest) classified on request, \(figures.classifiedExempt) exempt.")))
        if let template { paper.add(.table(template.withFigures(figures).proactiveTable(l))) }
        paper.add(.heading(l("二、依申请公开政府信息情况", "2. Requests")))
        let t = figures.total
        paper.add(.paragraph(l("全市新收申请 \(t.received) 件，上年结转 \(t.carriedOver) 件，办结 \(t.handledTotal) 件，结转下年度 \(t.carriedForward) 件。",
                               "\(t.received) received, \(t.carriedOver) carried over, \(t.handledTotal) handled, \(t.carriedForward) carried forward.")))
        if let template { paper.add(.table(template.withFigures(figures).requestTable(l))) }
        paper.add(.heading(l("三、行政复议、行政诉讼情况", "3. Reconsideration and litigation")))
        if let template { paper.add(.table(template.withFigures(figures).remedyTable(l))) }
        paper.add(.heading(l("四、各单位报送和公布情况", "4. Filing and publication by unit")))
        paper.add(.table(Paper.Table(
            name: l("各单位年度报告报送和公布情况", "Reports by unit"),
            header: [l("单位", "Unit"), l("代码", "Id"), l("报送日期", "Filed"), l("报送期限", "File by"), l("公布日期", "Published"), l("公布期限", "Publish by"), l("情况", "Standing")],
            rows: units.map { u in
                let standing = u.filed == nil ? l("未报送", "not filed") : u.filedLate ? l("逾期报送", "filed late") : u.published == nil ? l("未公布", "not published") : u.publishedLate ? l("逾期公布", "published late") : l("按时", "on time")
                return [.text(u.name), .text(u.unit), .text(u.filed?.description ?? ""), .text(u.deadlines.filing?.description ?? ""),
                        .text(u.published?.description ?? ""), .text(u.deadlines.publishing?.description ?? ""), .text(standing)]
            })))
        return paper
    }

    public var json: JSONValue {
        let t = figures.total
        return .object([
            ("year", .integer(year)), ("units", .integer(units.count)), ("filed", .integer(units.filter { $0.filed != nil }.count)),
            ("requests", .object([
                ("received", .integer(t.received)), ("carriedOver", .integer(t.carriedOver)), ("handled", .integer(t.handledTotal)),
                ("carriedForward", .integer(t.carriedForward)),
                ("byOutcome", .object(t.handled.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ])),
            ("figures", figures.json),
            ("notFiled", .array(notFiled.map { .string($0.unit) })),
            ("filedLate", .array(units.filter(\.filedLate).map { .string($0.unit) })),
            ("publishedLate", .array(units.filter(\.publishedLate).map { .string($0.unit) })),
        ])
    }
}

extension AnnualReport {
    /// The same report's tables over other figures (the city's sums, laid out as a unit's).
    func withFigures(_ figures: AnnualFigures) -> AnnualReport { AnnualReport(copying: self, figures: figures) }

    init(copying other: AnnualReport, figures: AnnualFigures) {
        (unit, unitName, year, form, ruleSet, status, filed, publishedOn, deadlines, reference) =
            (other.unit, other.unitName, other.year, other.form, other.ruleSet, other.status, other.filed, other.publishedOn, other.deadlines, other.reference)
        self.figures = figures
    }
}
