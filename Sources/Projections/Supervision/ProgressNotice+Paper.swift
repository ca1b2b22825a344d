import Clearance
import EventLog

extension ProgressNotice {
    /// The notice as the office sends it: title and number, addressee, the overall progress of each
    /// stage, good practice, problems, what is due next, the office and the date; the problems and the
    /// commended units also as tables (the lists annexed to the notice, for a workbook).
    public func paper(_ language: PaperLanguage) -> Paper {
        let l = language
        var paper = Paper(language: l, title: l(title, "Progress notice: \(programme)"), number: numberText(l), addressee: l("各有关单位", "To every unit concerned"))
        let day = progress.day
        paper.add(.paragraph(l(
            "截至\(Self.chinese(day))，\(scope)共 \(progress.unitCount) 个单位参加\(programme)。现将工作进展情况通报如下。",
            "As of \(day), \(progress.unitCount) units (\(scope)) take part in \(programme). Their progress is as follows.")))
        paper.add(.heading(l("一、总体进展", "1. Overall progress")))
        for stage in stages {
            let t = stage.total
            let deadline = stage.deadline.map { l("完成时间\(Self.chinese($0))", "due \($0)") } ?? l("无完成时间", "no deadline")
            paper.add(.paragraph(l(
                "第\(stage.number)阶段“\(stage.title)”（\(deadline)）：应完成 \(t.units) 个单位，按时完成 \(t[.onTime]) 个，逾期完成 \(t[.late]) 个，进行中 \(t[.open]) 个，已逾期 \(t[.overdue]) 个，完成率 \(Self.percent(t))%。",
                "Stage \(stage.number), \(stage.title) (\(deadline)): \(t.units) units; done on time \(t[.onTime]), done late \(t[.late]), open \(t[.open]), overdue \(t[.overdue]); \(Self.percent(t))% done.")))
        }
        paper.add(.table(stageTable(l)))
        paper.add(.heading(l("二、好的做法", "2. Good practice")))
        if goodPractice.isEmpty {
            paper.add(.paragraph(l("本期没有全部按时、提前完成且无逾期事项的单位。", "No unit had done every stage due on time, ahead of the deadline, with nothing past its deadline.")))
        } else {
            let shown = goodPractice.prefix(Self.commendedAtMost)
            paper.add(.paragraph(l(
                "以下单位各阶段均按时完成、提前于完成时间，按“由近及远”原则清理存量信息，且无逾期发布、逾期答复事项（共 \(goodPractice.count) 个单位符合，列出提前最多的 \(shown.count) 个）：",
                "These units did every stage due on time and ahead of its deadline, cleared their backlog newest first, and have nothing past its deadline (\(goodPractice.count) units qualify; the \(shown.count) furthest ahead are named):")))
            paper.add(.items(shown.map { unit in "\(unit.name)：" + unit.facts.map { describe($0, l) }.joined(separator: l("；", "; ")) }))
        }
        paper.add(.heading(l("三、存在的问题", "3. Problems")))
        let problems = problems
        if problems.isEmpty {
            paper.add(.paragraph(l("截至本期，没有逾期未完成的单位。", "No unit is overdue on any stage.")))
        } else {
            let units = Set(problems.map(\.unit.unit)).count
            paper.add(.paragraph(l(
                "截至\(Self.chinese(day))，有 \(units) 个单位的 \(problems.count) 项工作逾期未完成，名单及所缺事项见附表。请上述单位抓紧整改。",
                "As of \(day), \(units) units are overdue on \(problems.count) stages; the list and what each lacks is annexed. They are asked to catch up without delay.")))
            paper.add(.table(problemTable(l)))
        }
        paper.add(.heading(l("四、下一步工作", "4. What is due next")))
        let next = dueNext
        if next.isEmpty {
            paper.add(.paragraph(l("各阶段完成时间均已届满，尚未完成的单位应尽快完成。", "Every stage's deadline has passed; the units not done should finish as soon as they can.")))
        } else {
            paper.add(.items(next.map { stage in
                let left = stage.behind.count
                let deadline = stage.deadline!
                return l("第\(stage.number)阶段“\(stage.title)”须于\(Self.chinese(deadline))前完成，尚有 \(left) 个单位未完成。",
                         "Stage \(stage.number), \(stage.title), is due by \(deadline); \(left) units have not done it yet.")
            }))
        }
        if !goodPractice.isEmpty {
            paper.add(.pageBreak)
            paper.add(.table(goodPracticeTable(l)))
        }
        paper.signature = [issuer, Self.chinese(issued, l)]
        return paper
    }

    /// The stages that apply to some unit of the notice (a district has none of the city's own stages).
    var stages: [ProgressProjection.StageRow] { progress.stages.filter { $0.total.units > 0 } }

    func stageTable(_ l: PaperLanguage) -> Paper.Table {
        Paper.Table(
            name: l("各阶段完成情况", "Stages"),
            header: [l("阶段", "Stage"), l("名称", "Name"), l("完成时间", "Deadline"), l("单位", "Units"), l("按时完成", "On time"), l("逾期完成", "Late"), l("进行中", "Open"), l("已逾期", "Overdue"), l("完成率", "Done")],
            rows: stages.map { stage in
                let t = stage.total
                return [.integer(stage.number), .text(stage.title), .text(stage.deadline?.description ?? ""), .integer(t.units),
                        .integer(t[.onTime]), .integer(t[.late]), .integer(t[.open]), .integer(t[.overdue]), .text("\(Self.percent(t))%")]
            })
    }

    func problemTable(_ l: PaperLanguage) -> Paper.Table {
        Paper.Table(
            name: l("附表一：逾期未完成的单位", "Annex 1: units overdue"),
            header: [l("单位", "Unit"), l("代码", "Id"), l("阶段", "Stage"), l("所缺事项", "Lacks"), l("逾期起始", "Overdue since"), l("逾期工作日", "Working days late")],
            rows: problems.map { stage, unit in
                [.text(unit.name), .text(unit.unit), .integer(stage.number), .text(unit.lacking(l)),
                 .text(unit.overdueSince?.description ?? ""), unit.workingDaysLate.map(Paper.Cell.integer) ?? .text(l("待定", "unknown"))]
            })
    }

    func goodPracticeTable(_ l: PaperLanguage) -> Paper.Table {
        Paper.Table(
            name: l("附表二：按时提前完成的单位", "Annex 2: units ahead of the deadlines"),
            header: [l("单位", "Unit"), l("代码", "Id"), l("提前工作日合计", "Working days early"), l("情况", "Facts")],
            rows: goodPractice.map { unit in
                [.text(unit.name), .text(unit.unit), .integer(unit.workingDaysEarly), .text(unit.facts.map { describe($0, l) }.joined(separator: l("；", "; ")))]
            })
    }

    private func describe(_ fact: Fact, _ l: PaperLanguage) -> String {
        let early = l("提前 \(fact.workingDaysEarly) 个工作日", "\(fact.workingDaysEarly) working days early")
        switch fact.records {
        case nil:
            return l("\(Self.chinese(fact.done))完成第\(fact.stage)阶段，\(early)", "stage \(fact.stage) done on \(fact.done), \(early)")
        case let records?:
            let order = fact.newestFirst ? l("，由近及远", ", newest first") : ""
            return l("\(records) 条存量信息于\(Self.chinese(fact.done))完成第\(fact.stage)阶段，\(early)\(order)",
                     "stage \(fact.stage) done for \(records) backlog records on \(fact.done), \(early)\(order)")
        }
    }

    /// The notice as JSON: its number and dates, each stage's figures (those of `progress --json`),
    /// good practice with its facts, problems, and the stages due next.
    public var json: JSONValue {
        .object([
            ("number", .integer(number)), ("year", .integer(issued.year)), ("title", .string(title)),
            ("issued", .string(issued.description)), ("judged", .string(progress.day.description)), ("units", .integer(progress.unitCount)),
            ("stages", .array(progress.stages.map { stage in
                .object([
                    ("stage", .integer(stage.number)), ("title", .string(stage.title)),
                    ("deadline", stage.deadline.map { .string($0.description) } ?? .null),
                ] + stage.total.jsonFields)
            })),
            ("goodPractice", .array(goodPractice.map { unit in
                .object([
                    ("unit", .string(unit.unit)), ("name", .string(unit.name)), ("workingDaysEarly", .integer(unit.workingDaysEarly)),
                    ("facts", .array(unit.facts.map { fact in
                        .object([
                            ("stage", .integer(fact.stage)), ("done", .string(fact.done.description)), ("workingDaysEarly", .integer(fact.workingDaysEarly)),
                            ("records", fact.records.map(JSONValue.integer) ?? .null), ("newestFirst", .bool(fact.newestFirst)),
                        ])
                    })),
                ])
            })),
            ("problems", .array(problems.map { stage, unit in
                .object([
                    ("unit", .string(unit.unit)), ("name", .string(unit.name)), ("stage", .integer(stage.number)),
                    ("lacks", .string(unit.lacking(.en))), ("overdueSince", unit.overdueSince.map { .string($0.description) } ?? .null),
                    ("workingDaysLate", unit.workingDaysLate.map(JSONValue.integer) ?? .null),
                ])
            })),
            ("dueNext", .array(dueNext.map { stage in
                .object([("stage", .integer(stage.number)), ("deadline", .string(stage.deadline?.description ?? "")), ("notDone", .integer(stage.behind.count))])
            })),
        ])
    }

    static func percent(_ tally: StageTally) -> Int { Int((tally.shareDone * 100).rounded()) }

    /// 2008年3月31日.
    static func chinese(_ day: Day) -> String { PaperLanguage.zh.date(day) }

    static func chinese(_ day: Day, _ l: PaperLanguage) -> String { l.date(day) }
}
