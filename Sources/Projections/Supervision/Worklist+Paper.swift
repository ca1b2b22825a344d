import Clearance

extension Worklist {
    /// The worklist as the supervision reminder (督办单) the office prints or sends: the units with
    /// their counts, then every item by due day.
    public func paper(_ l: PaperLanguage, scope: String) -> Paper {
        var paper = Paper(language: l, title: l("政府信息公开工作督办单（\(scope)）", "Worklist (\(scope))"))
        let overdue = items.filter { $0.status == .overdue }.count, soon = items.filter { $0.status == .dueSoon }.count
        paper.add(.paragraph(l("截至\(day)，待办事项 \(items.count) 项，其中已逾期 \(overdue) 项，\(warn) 个工作日内到期 \(soon) 项。",
                               "As of \(day): \(items.count) items waiting, \(overdue) overdue, \(soon) due within \(warn) working days.")))
        if units.count > 1 {
            paper.add(.table(Paper.Table(
                name: l("各单位待办", "By unit"), header: [l("单位", "Unit"), l("代码", "Id"), l("待办", "Items"), l("已逾期", "Overdue"), l("即将到期", "Due soon")],
                rows: units.map { [.text($0.name), .text($0.unit), .integer($0.items), .integer($0.overdue), .integer($0.dueSoon)] })))
        }
        let status = [WorkItem.Status.overdue: l("已逾期", "overdue"), .dueSoon: l("即将到期", "due soon"), .pending: l("待办", "pending")]
        let task = [WorkItem.Task.classify: l("定类", "classify"), .review: l("审核", "review"), .publish: l("发布", "publish"), .answer: l("答复", "answer"),
                    .remedy: l("整改", "remedy"), .file: l("报送年报", "file report"), .publishReport: l("公布年报", "publish report")]
        paper.add(.table(Paper.Table(
            name: l("待办事项", "Items"), header: [l("状态", "Status"), l("期限", "Due"), l("事项", "Task"), l("编号", "Id"), l("单位", "Unit"), l("名称", "Title")],
            rows: items.map { item in
                [.text(status[item.status] ?? item.status.rawValue), .text(item.due.day?.description ?? ""), .text(task[item.task] ?? item.task.rawValue),
                 .text(item.id), .text(item.unit), .text(item.title)]
            })))
        return paper
    }
}
