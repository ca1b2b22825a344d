import Clearance
import EventLog

extension Assessment {
    /// The assessment as the office circulates it: the rubric, the table of units ranked within their
    /// tier, and every point lost with its reason and seqs (on paper and as a workbook).
    public func paper(_ l: PaperLanguage, seqs: SeqIndex, scope: String) -> Paper {
        var paper = Paper(language: l, title: l("\(year)年度政府信息公开工作目标考核结果（\(scope)）", "Annual target assessment of disclosure work, \(year) (\(scope))"))
        guard let rubric else {
            paper.add(.paragraph(l("没有适用于\(year)年的考核细则（rubric.declared）。", "No rubric is declared for \(year) (rubric.declared).")))
            return paper
        }
        paper.number = rubric.name
        paper.add(.paragraph(l("依据考核细则“\(rubric.name)”（满分 \(AssessmentJudge.points(rubric.max)) 分），按事件日志评定至\(day)；各层级内排名。每项失分均列明所依规则和日志序号（seq），被考核单位可据以核对、申辩。",
                               "By the rubric \(rubric.id) (\(AssessmentJudge.points(rubric.max)) points), judged from the log as of \(day); ranked within each tier. Every point lost names its rule and the log entries (seqs) behind it, so that a unit can check and contest it.")))
        paper.add(.heading(l("一、考核细则", "1. The rubric")))
        paper.add(.table(Paper.Table(name: l("考核细则", "Rubric"), header: [l("类别", "Family"), l("指标", "Indicator"), l("分值", "Points"), l("规则", "Rule")],
            rows: rubric.indicators.map { i in
                [.text(rubric.families.first { $0.id == i.family }.map { l($0.zh, $0.en) } ?? i.family), .text(l(i.zh, i.en)), .text(AssessmentJudge.points(i.points)), .text(i.rule.rawValue)]
            })))
        paper.add(.heading(l("二、得分和排名", "2. Scores and ranks")))
        paper.add(.table(scoreTable(l)))
        paper.add(.heading(l("三、失分说明", "3. Points lost")))
        paper.add(.table(lostTable(l, seqs: seqs)))
        return paper
    }

    func scoreTable(_ l: PaperLanguage) -> Paper.Table {
        let families = rubric?.families ?? []
        return Paper.Table(
            name: l("得分和排名", "Scores"),
            header: [l("层级", "Tier"), l("名次", "Rank"), l("单位", "Unit"), l("代码", "Id")] + families.map { l($0.zh, $0.en) } + [l("总分", "Score")],
            rows: results.sorted { ($0.tier, $0.rank, $0.unit) < ($1.tier, $1.rank, $1.unit) }.map { r in
                [.integer(r.tier), .integer(r.rank), .text(r.name), .text(r.unit)]
                    + families.map { f in .text(AssessmentJudge.points(r.scores.filter { $0.indicator.family == f.id }.map(\.points).reduce(0, +))) }
                    + [.text(AssessmentJudge.points(r.total))]
            })
    }

    func lostTable(_ l: PaperLanguage, seqs: SeqIndex) -> Paper.Table {
        Paper.Table(
            name: l("失分明细", "Points lost"),
            header: [l("单位", "Unit"), l("代码", "Id"), l("指标", "Indicator"), l("失分", "Lost"), l("原因", "Reason"), l("日志序号", "Seqs")],
            rows: results.flatMap { r in
                r.scores.flatMap { score in
                    score.lost.map { lost in
                        [.text(r.name), .text(r.unit), .text(l(score.indicator.zh, score.indicator.en)), .text(AssessmentJudge.points(lost.points)),
                         .text(lost.reason), .text(seqs.seqs(of: lost.refs).map(String.init).joined(separator: " "))]
                    }
                }
            })
    }

    /// Per unit `unit`, `score`, `max`, `rank`, `indicators` (each `id`, `points`, `max`, `lost`: a list
    /// of `{reason, seqs}`).
    public func json(seqs: SeqIndex) -> JSONValue {
        func number(_ value: Double) -> JSONValue { value == value.rounded() ? .integer(Int(value)) : .number(String(format: "%.2f", value)) }
        return .object([
            ("year", .integer(year)), ("judged", .string(day.description)), ("rubric", rubric.map { .string($0.id) } ?? .null),
            ("units", .array(results.map { r in
                .object([
                    ("unit", .string(r.unit)), ("name", .string(r.name)), ("tier", .integer(r.tier)), ("score", number(r.total)),
                    ("max", number(rubric?.max ?? 0)), ("rank", .integer(r.rank)),
                    ("indicators", .array(r.scores.map { s in
                        .object([
                            ("id", .string(s.indicator.id)), ("points", number(s.points)), ("max", number(s.indicator.points)),
                            ("lost", .array(s.lost.map { lost in
                                .object([("reason", .string(lost.reason)), ("points", number(lost.points)), ("seqs", .array(seqs.seqs(of: lost.refs).map(JSONValue.integer)))])
                            })),
                        ])
                    })),
                ])
            })),
        ])
    }
}
