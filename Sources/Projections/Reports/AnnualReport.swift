import Clearance
import EventLog

/// A unit's annual report on a year in the form in force for that year: filed (the figures and texts
/// the unit filed), or a draft whose figures come from the log and whose own parts are still to be
/// written. Public once published: it holds counts, never a record's title or an applicant's name.
public struct AnnualReport: Sendable {
    public enum Status: String, Sendable { case draft, filed, published }

    public let unit: String
    public let unitName: String
    public let year: Int
    public let form: ReportForm?
    public let ruleSet: RuleSet?
    public let figures: AnnualFigures
    public let status: Status
    public let filed: ReportFiled?
    public let publishedOn: Day?
    public let deadlines: ReportDeadlines
    let reference: ReferenceData

    public init(unit: String, year: Int, state: ClearanceState) {
        self.unit = unit
        self.year = year
        unitName = state.reference.units[unit]?.name ?? unit
        form = state.reference.reportForm(for: year)
        ruleSet = state.reference.ruleSet(on: Day("\(year + 1)-01-01")!)
        let report = state.supervision.reports[Supervision.reportKey(unit, year)]
        filed = report?.filed
        publishedOn = report?.published?.at
        status = report == nil ? .draft : report?.published == nil ? .filed : .published
        figures = report?.filed.figures ?? AnnualFigures(unit: unit, year: year, state: state)
        deadlines = ReportDeadlines(unit: unit, year: year, reference: state.reference)
        reference = state.reference
    }

    /// The request table's rows: the outcome rows of the template in force, then any row the
    /// figures hold that the template does not (an answer given under the earlier rules).
    var outcomeRows: [(id: String, name: String)] {
        let template = (ruleSet?.outcomeRows ?? []).map { ($0.id, $0.name) }
        let extra = Set(figures.requests.flatMap { $0.handled.keys }).subtracting(template.map(\.0)).sorted()
        return template + extra.map { ($0, $0) }
    }

    public func requestTable(_ l: PaperLanguage) -> Paper.Table {
        let columns = figures.requests
        let many = columns.count > 1
        let names = Dictionary(uniqueKeysWithValues: (ruleSet?.applicantKinds ?? []).map { ($0.id, $0.name) })
        var header = [l("项目", "Item")]
        if many { header += columns.map { names[$0.column] ?? $0.column } }
        header.append(l("总计", "Total"))
        func row(_ label: String, _ value: (AnnualFigures.RequestColumn) -> Int) -> [Paper.Cell] {
            [.text(label)] + (many ? columns.map { .integer(value($0)) } : []) + [.integer(value(figures.total))]
        }
        var rows = [row(l("一、本年新收政府信息公开申请数量", "New requests received"), \.received),
                    row(l("二、上年结转政府信息公开申请数量", "Carried over from last year"), \.carriedOver)]
        for outcome in outcomeRows { rows.append(row("  " + outcome.name, { $0.handled[outcome.id] ?? 0 })) }
        rows.append(row(l("三、本年度办理结果总计", "Handled this year, total"), \.handledTotal))
        rows.append(row(l("四、结转下年度继续办理", "Carried forward to next year"), \.carriedForward))
        return Paper.Table(name: l("依申请公开情况", "Requests"), header: header, rows: rows)
    }

    public func remedyTable(_ l: PaperLanguage) -> Paper.Table {
        let outcomes = ["upheld", "corrected", "other", "pending"]
        let names = [l("结果维持", "Upheld"), l("结果纠正", "Corrected"), l("其他结果", "Other"), l("尚未审结", "Pending"), l("总计", "Total")]
        let kinds = [("reconsideration", l("行政复议", "Reconsideration")), ("litigation/direct", l("未经复议直接起诉", "Lawsuit, direct")),
                     ("litigation/after-reconsideration", l("复议后起诉", "Lawsuit after reconsideration"))]
        return Paper.Table(name: l("行政复议、行政诉讼情况", "Reconsideration and litigation"), header: [l("类别", "Kind")] + names, rows: kinds.map { key, name in
            let counts = figures.remedies[key] ?? [:]
            return [.text(name)] + outcomes.map { .integer(counts[$0] ?? 0) } + [.integer(counts.values.reduce(0, +))]
        })
    }

    public func paper(_ l: PaperLanguage) -> Paper {
        var paper = Paper(language: l, title: l("\(unitName)\(year)年政府信息公开工作年度报告", "\(unitName): annual report on open government information, \(year)"))
        paper.number = form.map { l("依据：\($0.instrument)", "Form: \($0.instrument)") }
        let status = switch status {
        case .draft: l("草稿：数据取自事件日志，本单位撰写部分待填写，尚未报送", "Draft: figures from the log; the unit's parts not yet written; not filed")
        case .filed: l("已于\(filed!.at)报送，尚未公布", "Filed on \(filed!.at); not yet published")
        case .published: l("已于\(filed!.at)报送，\(publishedOn!)公布", "Filed on \(filed!.at), published on \(publishedOn!)")
        }
        paper.add(.paragraph(status))
        for (index, section) in (form?.sections ?? []).enumerated() {
            paper.add(.heading(l("\(ChineseArticle.numeral(index + 1))、\(section.zh)", "\(index + 1). \(section.en)")))
            switch section.id {
            case "proactive":
                paper.add(.paragraph(l("本年度主动公开政府信息 \(figures.published) 条；新认定依申请公开 \(figures.classifiedOnRequest) 条、不予公开 \(figures.classifiedExempt) 条。",
                                       "\(figures.published) records published proactively this year; \(figures.classifiedOnRequest) newly classified on request, \(figures.classifiedExempt) exempt.")))
                paper.add(.table(proactiveTable(l)))
            case "requests":
                let t = figures.total
                paper.add(.paragraph(l("本年度新收政府信息公开申请 \(t.received) 件，上年结转 \(t.carriedOver) 件，办结 \(t.handledTotal) 件，结转下年度 \(t.carriedForward) 件。",
                                       "\(t.received) requests received, \(t.carriedOver) carried over, \(t.handledTotal) handled, \(t.carriedForward) carried forward.")))
                paper.add(.table(requestTable(l)))
            case "remedies":
                paper.add(.table(remedyTable(l)))
            case "staff-and-funding":
                paper.add(.paragraph(staffLine(l)))
                if let text = filed?.narrative[section.id] { paper.add(.paragraph(text)) }
            case "fees":
                paper.add(.paragraph(l("收取费用 \(filed?.feesCharged.map(String.init) ?? "（待填写）") 元，减免 \(filed?.feesWaived.map(String.init) ?? "（待填写）") 元。",
                                       "Fees charged: \(filed?.feesCharged.map(String.init) ?? "(to be written)") yuan; waived: \(filed?.feesWaived.map(String.init) ?? "(to be written)") yuan.")))
                if let text = filed?.narrative[section.id] { paper.add(.paragraph(text)) }
            default:
                paper.add(.paragraph(filed?.narrative[section.id] ?? l("（待本单位填写）", "(for the unit to write)")))
            }
        }
        if let filing = deadlines.filing { paper.add(.paragraph(l("报送期限：\(filing)。", "To be filed by \(filing)."))) }
        if let publishing = deadlines.publishing { paper.add(.paragraph(l("公布期限：\(publishing)（\(deadlines.publishingSource)）。", "To be published by \(publishing) (\(deadlines.publishingSource))."))) }
        paper.signature = [unitName] + (filed.map { [ProgressNotice.chinese($0.at, l)] } ?? [])
        return paper
    }

    /// The year's figures, then what was published by key item of the disclosure scheme (the
    /// category of each record, as its unit classified it).
    func proactiveTable(_ l: PaperLanguage) -> Paper.Table {
        let byItem = figures.publishedByKeyItem.sorted { $0.key < $1.key }.map { item, n -> [Paper.Cell] in
            let name = item == "none" ? l("未标注关键条目", "no key item") : "\(item) \(reference.keyItemNames[item] ?? "")"
            return [.text("  " + name), .integer(n)]
        }
        return Paper.Table(name: l("主动公开情况", "Proactive disclosure"), header: [l("项目", "Item"), l("数量", "Number")], rows: [
            [.text(l("本年主动公开政府信息", "Published proactively this year")), .integer(figures.published)],
        ] + byItem + [
            [.text(l("本年新认定依申请公开", "Newly classified on request")), .integer(figures.classifiedOnRequest)],
            [.text(l("本年新认定不予公开", "Newly classified exempt")), .integer(figures.classifiedExempt)],
        ])
    }

    func staffLine(_ l: PaperLanguage) -> String {
        let full = filed?.staffFullTime.map(String.init) ?? l("（待填写）", "(to be written)")
        let part = filed?.staffPartTime.map(String.init) ?? l("（待填写）", "(to be written)")
        let funding = filed?.funding.map(String.init) ?? l("（待填写）", "(to be written)")
        var line = l("政府信息公开工作专职人员 \(full) 人，兼职人员 \(part) 人；工作经费 \(funding) 元。", "Disclosure staff: \(full) full-time, \(part) part-time; funding \(funding) yuan.")
        if form?.sections.contains(where: { $0.id == "fees" }) == false, let charged = filed?.feesCharged {
            line += l("收取费用 \(charged) 元，减免 \(filed?.feesWaived ?? 0) 元。", " Fees charged \(charged) yuan, waived \(filed?.feesWaived ?? 0) yuan.")
        }
        return line
    }

    /// JSON: the unit, year, form, status and days, and the figures: `requests` with `received`,
    /// `carriedOver`, `handled`, `carriedForward` over every column, by outcome and by column.
    public var json: JSONValue {
        let t = figures.total
        return .object([
            ("unit", .string(unit)), ("name", .string(unitName)), ("year", .integer(year)), ("form", form.map { .string($0.id) } ?? .null),
            ("status", .string(status.rawValue)), ("filed", filed.map { .string($0.at.description) } ?? .null),
            ("published", publishedOn.map { .string($0.description) } ?? .null),
            ("fileBy", deadlines.filing.map { .string($0.description) } ?? .null), ("publishBy", deadlines.publishing.map { .string($0.description) } ?? .null),
            ("requests", .object([
                ("received", .integer(t.received)), ("carriedOver", .integer(t.carriedOver)), ("handled", .integer(t.handledTotal)),
                ("carriedForward", .integer(t.carriedForward)),
                ("byOutcome", .object(t.handled.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ])),
            ("figures", figures.json),
            ("narrative", .object((filed?.narrative ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
    }
}
