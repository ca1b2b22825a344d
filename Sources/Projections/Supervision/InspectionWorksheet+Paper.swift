import Clearance

extension InspectionWorksheet {
    /// The worksheet as the inspector carries it: the unit and day, then its seven parts, with lines
    /// to sign; its tables (the catalogue's lines, the sample and its trails, exemptions, late replies,
    /// open findings) are also the sheets of its workbook.
    public func paper(_ language: PaperLanguage) -> Paper {
        let l = language
        var paper = Paper(language: l, title: l("\(name)政府信息公开工作督查底稿", "Inspection worksheet: \(name)"), number: l("内部资料", "Internal"))
        paper.add(.fields([
            Paper.Field(l("被督查单位", "Unit"), "\(name)（\(unit)）"), Paper.Field(l("督查日期", "Judged on"), Self.date(day, l)),
            Paper.Field(l("抽查", "Sample"), l("\(sample.trails.count) 条（共 \(sample.population) 条，种子 \(sample.seed)）", "\(sample.trails.count) of \(sample.population) records (seed \(sample.seed))")),
        ]))
        addGuide(to: &paper, l)
        addCatalogue(to: &paper, l)
        addSample(to: &paper, l)
        addExemptions(to: &paper, l)
        addLateReplies(to: &paper, l)
        addFindings(to: &paper, l)
        paper.add(.heading(l("七、底稿依据", "7. Drawn from")))
        // The anchor lets whoever reads the worksheet check that the log still holds what it was drawn from.
        paper.add(.fields([Paper.Field(l("事件日志", "Log entry"), anchor ?? l("（空日志）", "(empty log)"))]
            + (anchor.map { [Paper.Field(l("核对命令", "To check"), "clearance verify --anchor \($0)")] } ?? [])))
        paper.signature = [l("督查人：＿＿＿＿＿＿　被督查单位负责人：＿＿＿＿＿＿", "Inspector: ____________   Head of the unit: ____________"), Self.date(day, l)]
        paper.anchor = anchor
        return paper
    }

    private func addGuide(to paper: inout Paper, _ l: PaperLanguage) {
        paper.add(.heading(l("一、公开指南完整性", "1. The disclosure guide")))
        if guideGaps.isEmpty {
            paper.add(.paragraph(l("公开指南所需内容齐全。", "The guide has everything it needs.")))
        } else {
            paper.add(.paragraph(l("公开指南尚缺以下内容：", "The guide still lacks:")))
            paper.add(.items(guideGaps.map { l($0.zh, $0.key) }))
        }
    }

    private func addCatalogue(to paper: inout Paper, _ l: PaperLanguage) {
        let c = catalogue
        paper.add(.heading(l("二、公开目录与记录核对", "2. The catalogue against the records")))
        paper.add(.paragraph(l(
            "登记记录 \(c.registered) 条，已发布 \(c.published) 条，目录列出 \(c.listed) 条，发布后撤回 \(c.withdrawn) 条，有更正的记录 \(c.corrected) 条（其中发布后更正 \(c.correctedAfterPublication) 条）。",
            "\(c.registered) records registered, \(c.published) published, \(c.listed) listed in the catalogue, \(c.withdrawn) withdrawn after publication, \(c.corrected) corrected (\(c.correctedAfterPublication) after publication).")))
        if c.numbers.gaps.isEmpty {
            paper.add(.paragraph(l("索引号各年度连续，无缺号。", "Each year's index numbers run without a gap.")))
        } else {
            paper.add(.paragraph(l("索引号缺号（共 \(c.numbers.missing) 个）：", "Index numbers missing (\(c.numbers.missing) in all):")))
            paper.add(.items(c.numbers.gaps.map { $0.text(unit: unit) }))
        }
        if c.discrepancies.isEmpty {
            paper.add(.paragraph(l("目录与记录一致，未发现差异。", "The catalogue and the records agree.")))
        } else {
            paper.add(.paragraph(l("目录与记录不一致 \(c.discrepancies.count) 处：", "\(c.discrepancies.count) discrepancies:")))
            paper.add(.items(c.discrepancies.map { d in
                let record = d.record.isEmpty ? l("（无记录）", "(no record)") : d.record
                return "\(record)  \(d.indexNumber)：" + Self.problem(d.problem, l) + (d.detail.isEmpty ? "" : "（\(d.detail)）")
            }))
        }
        if !c.lines.isEmpty {
            paper.add(.table(Paper.Table(
                name: l("目录核对", "Catalogue check"),
                header: [l("索引号", "Index number"), l("记录", "Record"), l("信息名称", "Title"), l("发布日期", "Published"), l("状态", "Status"), l("目录", "Listed"), l("撤回、更正", "Withdrawn, corrected")],
                rows: c.lines.map { line in
                    var notes = line.withdrawal.map { [l("\($0.at) 撤回：\($0.reason)", "withdrawn \($0.at): \($0.reason)")] } ?? []
                    notes += line.corrections.map { c in
                        l("\(c.event.at) \(c.afterPublication ? "发布后" : "发布前")更正：\(c.event.changes)（\(c.event.reason)）",
                          "corrected \(c.event.at) \(c.afterPublication ? "after" : "before") publication: \(c.event.changes) (\(c.event.reason))")
                    }
                    return [.text(line.indexNumber), .text(line.record.registration.record), .text(line.record.registration.title),
                            .text(line.record.published?.description ?? ""), .text(Self.status(line.record.status, l)),
                            .text(line.listed ? l("列出", "yes") : l("未列出", "no")), .text(notes.joined(separator: l("；", "; ")))]
                })))
        }
    }

    private func addSample(to paper: inout Paper, _ l: PaperLanguage) {
        paper.add(.heading(l("三、随机抽查记录", "3. Records sampled at random")))
        guard !sample.trails.isEmpty else {
            paper.add(.paragraph(l("该单位尚无登记记录，无可抽查。", "The unit has no records to sample.")))
            return
        }
        paper.add(.paragraph(l(
            "以种子 \(sample.seed) 从 \(sample.population) 条记录中抽取 \(sample.trails.count) 条（同一日志、同一种子抽取结果相同），逐条列出登记、分类、审查、发布各环节的办理人、角色和业务日期。",
            "\(sample.trails.count) of \(sample.population) records drawn with seed \(sample.seed) (the same log and seed draw the same ones), each with who registered, classified, reviewed and published it, in which role, on which day.")))
        paper.add(.table(Paper.Table(
            name: l("抽查记录", "Sampled records"),
            header: [l("记录", "Record"), l("信息名称", "Title"), l("公开方式", "Disclosure"), l("状态", "Status"), l("发布期限", "Due"), l("发布日期", "Published"), l("是否按时", "On time")],
            rows: sample.trails.map { t in
                [.text(t.record.registration.record), .text(t.record.registration.title),
                 .text(t.record.classification.map { l($0.disclosure.chinese, $0.disclosure.rawValue) } ?? ""),
                 .text(Self.status(t.record.status, l)), .text(t.due?.description ?? ""), .text(t.record.published?.description ?? ""),
                 .text(Self.timeliness(t.timeliness, l))]
            })))
        paper.add(.table(Paper.Table(
            name: l("办理轨迹", "Trails"),
            header: [l("记录", "Record"), l("日志序号", "Seq"), l("业务日期", "Date"), l("环节", "Step"), l("办理人", "Actor"), l("角色", "Role")],
            rows: sample.trails.flatMap { t in
                t.steps.map { step in
                    [.text(t.record.registration.record), .integer(step.row.seq), .text(step.row.at), .text(Self.step(step.event, l)),
                     .text(step.row.actor), .text(Self.roles(step.row.roles, l))]
                }
            })))
    }

    private func addExemptions(to paper: inout Paper, _ l: PaperLanguage) {
        paper.add(.heading(l("四、不予公开事项及依据", "4. Exemptions and their bases")))
        guard !exemptions.isEmpty else {
            paper.add(.paragraph(l("该单位没有定为不予公开的记录。", "The unit has no record classified exempt.")))
            return
        }
        paper.add(.paragraph(l("以下 \(exemptions.count) 条记录定为不予公开（内部资料，列出信息名称）：", "Exempt records: \(exemptions.count) (internal: titles shown).")))
        paper.add(.table(Paper.Table(
            name: l("不予公开事项", "Exemptions"),
            header: [l("记录", "Record"), l("信息名称", "Title"), l("依据", "Basis"), l("条款", "Article"), l("分类日期", "Classified"), l("分类人", "By"), l("状态", "Status"), l("复核日期", "Reassessed")],
            rows: exemptions.map { e in
                [.text(e.record.registration.record), .text(e.record.registration.title),
                 .text(e.basisTitle.map { "\($0)（\(e.basis)）" } ?? e.basis), .text(e.article ?? ""),
                 .text(e.record.classification?.at.description ?? ""), .text(e.record.classifiedBy ?? ""),
                 .text(Self.status(e.record.status, l)), .text(e.record.reassessedOn?.description ?? "")]
            })))
    }

    private func addLateReplies(to paper: inout Paper, _ l: PaperLanguage) {
        paper.add(.heading(l("五、逾期答复的意见和申请", "5. Feedback and requests past their deadline")))
        let others = l("另有逾期发布 \(latePublications) 条、逾期未复核 \(overdueReassessments) 条（见进度统计）。", "Besides, \(latePublications) publications and \(overdueReassessments) reassessments are past their deadline (see the funnel).")
        guard !lateReplies.isEmpty else {
            paper.add(.paragraph(l("没有逾期答复的意见和申请。", "No feedback or request is past its deadline. ") + others))
            return
        }
        paper.add(.paragraph(l("逾期答复 \(lateReplies.count) 件。", "\(lateReplies.count) past their deadline. ") + others))
        paper.add(.table(Paper.Table(
            name: l("逾期答复", "Late replies"),
            header: [l("类型", "Kind"), l("编号", "Id"), l("收到日期", "Received"), l("申请人", "Applicant"), l("答复期限", "Due"), l("答复日期", "Answered")],
            rows: lateReplies.map { r in
                [.text(r.item.kind == .request ? l("申请", "request") : l("意见", "feedback")), .text(r.item.item), .text(r.received?.description ?? ""),
                 .text(r.applicant ?? ""), .text(r.item.due.description), .text(r.item.done?.description ?? l("未答复", "not yet"))]
            })))
    }

    private func addFindings(to paper: inout Paper, _ l: PaperLanguage) {
        paper.add(.heading(l("六、未整改的督查事项", "6. Open inspection findings")))
        let remedied = l("已整改 \(remediedFindings) 项。", "\(remediedFindings) remedied.")
        guard !openFindings.isEmpty else {
            paper.add(.paragraph(l("没有未整改的督查事项。", "No finding is open. ") + remedied))
            return
        }
        let overdue = openFindings.filter(isOverdue).count
        paper.add(.paragraph(l("未整改 \(openFindings.count) 项，其中超过整改期限 \(overdue) 项；", "\(openFindings.count) open, \(overdue) past their remedy day; ") + remedied))
        paper.add(.table(Paper.Table(
            name: l("未整改事项", "Open findings"),
            header: [l("编号", "Finding"), l("发现日期", "Found"), l("问题", "About"), l("涉及事项", "Item"), l("整改期限", "Remedy by"), l("逾期", "Overdue")],
            rows: openFindings.map { f in
                [.text(f.found.finding), .text(f.found.at.description), .text(f.found.about), .text(f.found.item ?? ""),
                 .text(f.found.remedyBy.description), .text(isOverdue(f) ? l("已逾期", "overdue") : "")]
            })))
    }

    static func date(_ day: Day, _ l: PaperLanguage) -> String { l.date(day) }

    static func status(_ status: RecordState.Status, _ l: PaperLanguage) -> String {
        switch status {
        case .registered: l("已登记", "registered")
        case .classified: l("审查中", "classified")
        case .approved: l("已审定", "approved")
        case .published: l("已发布", "published")
        case .withdrawn: l("已撤回", "withdrawn")
        }
    }

    static func timeliness(_ timeliness: RecordTrail.Timeliness, _ l: PaperLanguage) -> String {
        switch timeliness {
        case .onTime: l("按时", "on time")
        case .late: l("逾期发布", "published late")
        case .overdue: l("逾期未发布", "overdue, not published")
        case .notYetDue: l("未到期", "not yet due")
        case .unknown: l("无法计算", "cannot be counted")
        case .notApplicable: l("不适用", "n/a")
        }
    }

    static func problem(_ problem: CatalogueCheck.Problem, _ l: PaperLanguage) -> String {
        switch problem {
        case .notListed: l("已发布但目录未列出", "published but not listed")
        case .listedNotPublished: l("目录列出但记录未发布", "listed but not published")
        case .withdrawnListed: l("已撤回但目录仍列出", "withdrawn but still listed")
        case .entryDiffers: l("目录条目与记录不符", "the entry differs from the record")
        case .duplicateNumber: l("索引号重复", "index number used twice")
        case .foreignNumber: l("索引号不属本单位或格式不符", "index number not of this unit's form")
        }
    }

    /// What a step of a trail did, as the worksheet says it.
    static func step(_ event: ClearanceEvent, _ l: PaperLanguage) -> String {
        switch event {
        case .recordRegistered: l("登记", "registered")
        case .recordClassified(let e):
            l("分类：\(e.disclosure.chinese)", "classified \(e.disclosure.rawValue)") + (e.basis.map { l("（\($0)）", " (\($0))") } ?? "")
        case .recordReviewed(let e):
            l("第\(e.level)级审查：\(e.outcome == .approved ? "通过" : "退回")", "review level \(e.level): \(e.outcome.rawValue)")
        case .recordPublished(let e): l("发布，索引号 \(e.indexNumber)", "published as \(e.indexNumber)")
        case .recordWithdrawn(let e): l("撤回：\(e.reason)", "withdrawn: \(e.reason)")
        case .recordCorrected(let e): l("更正：\(e.changes)", "corrected: \(e.changes)")
        case .recordReassessed(let e):
            l("复核：\(e.conclusion == .disclose ? "予以公开" : "继续不予公开")", "reassessed: \(e.conclusion.rawValue)")
        default: ""
        }
    }

    /// The roles an actor held, as the audit trail names them (`clerk`, `reviewer,publisher`), in the paper's language.
    static func roles(_ roles: String, _ l: PaperLanguage) -> String {
        guard l == .zh else { return roles }
        let names: [String: String] = [
            Role.clerk.rawValue: "信息员", Role.reviewer.rawValue: "审查人", Role.publisher.rawValue: "发布人",
            Role.generalOffice.rawValue: "政府办公厅", Role.auditor.rawValue: "审计人员",
        ]
        return roles.split(separator: ",").map { names[String($0)] ?? String($0) }.joined(separator: "、")
    }
}
