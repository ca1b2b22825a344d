extension ProgressProjection {
    /// The statuses' names and colours (Okabe–Ito, told apart by most colour-blind readers), in the
    /// order bars stack them and `Status.allCases` lists them.
    static let statusSeries = [
        SVGBarChart.Series("按时完成", colour: "#009E73"), SVGBarChart.Series("逾期完成", colour: "#E69F00"),
        SVGBarChart.Series("进行中", colour: "#56B4E9"), SVGBarChart.Series("已逾期", colour: "#D55E00"),
    ]

    /// A page that stands alone: a stacked bar per stage, the stage table (with how many units done with
    /// stage 4 cleared newest first), the roll-up by tier and district (every stage compactly, or one
    /// stage in full with its own chart), and the units behind by name.
    public func html(scope: String) -> String {
        let title = "政府信息公开指南和目录编制进度：\(scope)"
        var body = "<h1>\(HTML.escape(title))</h1>\n<p>截至 \(day)，共 \(unitCount) 个单位。</p>\n<h2>各阶段完成情况</h2>\n"
        body += chart("各阶段完成情况", stages.map { ("第\($0.number)阶段（\($0.deadline?.description ?? "无期限")）", $0.total) }) + "\n"
        body += HTML.table(
            header: ["阶段", "名称", "完成时间", "单位"] + Self.statusSeries.map(\.name) + ["完成率"],
            rows: stages.map { ["\($0.number)", $0.title, $0.deadline?.description ?? "", "\($0.total.units)"] + Self.cells($0.total) }) + "\n"
        for stage in stages where stage.countsNewestFirst {
            body += "<p>第\(stage.number)阶段已完成的 \(stage.total.done) 个单位中，按“由近及远”原则清理的有 \(stage.total.newestFirst) 个。</p>\n"
        }
        if stages.count == 1, let stage = stages.first {
            body += "<h2>第\(stage.number)阶段：按层级和区（市）县</h2>\n"
            body += chart("第\(stage.number)阶段按层级和区（市）县", groups.map { (Self.name(of: $0), stage.tally(of: $0)) }) + "\n"
            let newestFirst = stage.countsNewestFirst ? ["由近及远"] : []
            body += HTML.table(
                header: ["分组", "单位"] + Self.statusSeries.map(\.name) + ["完成率"] + newestFirst,
                rows: groups.map { group in
                    let tally = stage.tally(of: group)
                    return [Self.name(of: group), "\(tally.units)"] + Self.cells(tally) + newestFirst.map { _ in "\(tally.newestFirst)" }
                }) + "\n"
        } else {
            body += "<h2>按层级和区（市）县</h2>\n<p>每格：已完成的单位 / 该阶段适用的单位，及其中已逾期的单位；“–”为不适用。</p>\n"
            body += HTML.table(
                header: ["分组"] + stages.map { "第\($0.number)阶段" },
                rows: groups.map { group in [Self.name(of: group)] + stages.map { Self.summary(of: $0.tally(of: group)) } }) + "\n"
        }
        body += "<h2>未完成的单位</h2>\n"
        for stage in stages where !stage.behind.isEmpty {
            let overdue = stage.behind.filter { $0.status == .overdue }.count
            body += "<details><summary>第\(stage.number)阶段 \(HTML.escape(stage.title))：已逾期 \(overdue)，进行中 \(stage.behind.count - overdue)</summary>\n<ul>\n"
            for unit in stage.behind {
                var share = unit.share.map { $0.of == 0 ? "，尚无记录" : "，已完成 \($0.done)/\($0.of)" } ?? ""
                if let order = unit.order { share += order.newestFirst ? "，由近及远清理" : "，未由近及远清理（已清理 \(order.cleared) 条，其中 \(order.inOrder) 条按序）" }
                if !unit.guideGaps.isEmpty { share += "；指南待补充：\(unit.guideGaps.map(\.zh).joined(separator: "、"))" }
                if let since = unit.overdueSince {
                    share += "；缺：\(unit.lacking(.zh))；自 \(since) 起逾期" + (unit.workingDaysLate.map { " \($0) 个工作日" } ?? "")
                }
                body += "<li>\(HTML.escape(unit.name))（\(HTML.escape(unit.unit))）— \(unit.status == .overdue ? "已逾期" : "进行中")\(share)</li>\n"
            }
            body += "</ul>\n</details>\n"
        }
        return HTML.page(title: title, language: "zh", body: body)
    }

    private func chart(_ title: String, _ bars: [(label: String, tally: StageTally)]) -> String {
        SVGBarChart(
            title: title, series: Self.statusSeries,
            bars: bars.map { bar in SVGBarChart.Bar(bar.label, values: Status.allCases.map { bar.tally[$0] }, note: Self.share(bar.tally)) },
            scale: .shareOfEachBar
        ).svg
    }

    private static func name(of group: ProgressGroup) -> String { group.kind == .tier ? group.name : "\(group.name)（\(group.id)）" }

    private static func cells(_ tally: StageTally) -> [String] { Status.allCases.map { "\(tally[$0])" } + ["\(percent(tally))%"] }

    private static func percent(_ tally: StageTally) -> Int { Int((tally.shareDone * 100).rounded()) }

    private static func share(_ tally: StageTally) -> String { "完成 \(percent(tally))%，共 \(tally.units) 个单位" }

    private static func summary(of tally: StageTally) -> String {
        guard tally.units > 0 else { return "–" }
        return "\(tally.done)/\(tally.units)" + (tally[.overdue] > 0 ? "，逾期 \(tally[.overdue])" : "")
    }
}
