extension FunnelProjection {
    /// Where a unit's records stand, as parts of what it registered (the segments of its bar).
    static let recordSeries = [
        SVGBarChart.Series("已发布", colour: "#009E73"), SVGBarChart.Series("主动公开待发布", colour: "#56B4E9"),
        SVGBarChart.Series("依申请公开", colour: "#E69F00"), SVGBarChart.Series("不予公开", colour: "#CC79A7"),
        SVGBarChart.Series("未定类", colour: "#999999"),
    ]
    static let lateSeries = [
        SVGBarChart.Series("发布逾期", colour: "#D55E00"), SVGBarChart.Series("意见逾期", colour: "#E69F00"),
        SVGBarChart.Series("申请逾期", colour: "#CC79A7"), SVGBarChart.Series("复核逾期", colour: "#0072B2"),
    ]
    static let kindNames: [PastDeadline.Kind: String] = [.publication: "发布", .feedback: "意见", .request: "申请", .reassessment: "不予公开复核"]

    /// A page that stands alone. A city has hundreds of units, so only the `charted` units with the most
    /// records, and the `charted` with the most items past their deadline, are drawn; the table below
    /// holds every unit, and the last table the `listed` items longest past their deadline, by name and
    /// due day (a city behind on its plan can have tens of thousands; the JSON holds them all).
    public func html(scope: String, charted: Int = 20, listed: Int = 1000) -> String {
        let title = "政府信息清理情况：\(scope)"
        var body = "<h1>\(HTML.escape(title))</h1>\n<p>截至 \(day)，\(rows.count) 个单位有记录，\(pastDeadline.count) 件事项已过期限。</p>\n"
        let largest = rows.sorted { ($0.registered, $1.unit) > ($1.registered, $0.unit) }.prefix(charted)
        if !largest.isEmpty {
            body += "<h2>记录最多的 \(largest.count) 个单位</h2>\n"
            body += SVGBarChart(
                title: "记录最多的单位：各类记录数", series: Self.recordSeries,
                bars: largest.map { r in
                    let parts = [r.published, max(r.proactive - r.published, 0), r.onRequest, r.exempt, max(r.registered - r.classified, 0)]
                    return SVGBarChart.Bar(Self.name(r), values: parts, note: "共 \(r.registered) 条，不予公开 \(Self.percent(r.exemptionRate))%")
                }, scale: .sharedMaximum
            ).svg + "\n"
            if rows.count > largest.count { body += "<p>其余 \(rows.count - largest.count) 个单位见下表。</p>\n" }
        }
        let behind = rows.filter { $0.pastDeadline > 0 }.sorted { ($0.pastDeadline, $1.unit) > ($1.pastDeadline, $0.unit) }.prefix(charted)
        if !behind.isEmpty {
            body += "<h2>逾期事项最多的 \(behind.count) 个单位</h2>\n"
            body += SVGBarChart(
                title: "逾期事项最多的单位", series: Self.lateSeries,
                bars: behind.map { SVGBarChart.Bar(Self.name($0), values: [$0.latePublications, $0.lateFeedback, $0.lateRequests, $0.overdueReassessments]) },
                scale: .sharedMaximum
            ).svg + "\n"
        }
        body += "<h2>各单位</h2>\n" + HTML.table(
            header: ["单位", "名称", "登记", "已定类", "审核通过", "已发布", "依申请公开", "不予公开", "不予公开比例", "发布逾期", "意见逾期", "申请逾期", "复核逾期"],
            rows: rows.map { r in
                [r.unit, r.name] + [r.registered, r.classified, r.approved, r.published, r.onRequest, r.exempt].map(String.init)
                    + ["\(Self.percent(r.exemptionRate))%"] + [r.latePublications, r.lateFeedback, r.lateRequests, r.overdueReassessments].map(String.init)
            }) + "\n"
        body += "<h2>已过期限的事项</h2>\n"
        if pastDeadline.count > listed {
            body += "<p>共 \(pastDeadline.count) 件，下表列出期限最早的 \(listed) 件；全部见 JSON（funnel.json 或 --format json）。</p>\n"
        }
        body += HTML.table(
            header: ["类别", "期限", "完成日期", "单位", "事项"],
            rows: pastDeadline.prefix(listed).map { item in
                [
                    Self.kindNames[item.kind] ?? item.kind.rawValue, item.due.description, item.done?.description ?? "未完成",
                    "\(item.unitName)（\(item.unit)）", item.title.isEmpty ? item.item : "\(item.title)（\(item.item)）",
                ]
            })
        return HTML.page(title: title, language: "zh", body: body)
    }

    private static func name(_ row: Row) -> String { "\(row.name)（\(row.unit)）" }

    private static func percent(_ share: Double) -> Int { Int((share * 100).rounded()) }
}
