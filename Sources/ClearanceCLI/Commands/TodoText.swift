import Projections

/// `todo` as text: a headline with the counts, then the items by due day, or for the general
/// office each unit's items under a line with its counts, the units with the most overdue first.
enum TodoText {
    /// Hands each line to `line`, as made: a city's list is too long to hold as strings first.
    static func write(_ worklist: Worklist, scope: String?, grouped: Bool, labels: Labels, to line: (String) -> Void) {
        let overdue = worklist.units.reduce(0) { $0 + $1.overdue }
        let soon = worklist.units.reduce(0) { $0 + $1.dueSoon }
        let zh = labels.language == .zh
        let of = scope ?? (zh ? "全部单位" : "every unit")
        line(zh
            ? "待办事项（\(of)，截至 \(worklist.day)）：共 \(worklist.items.count) 件，涉及 \(worklist.units.count) 个单位；已逾期 \(overdue) 件，即将到期 \(soon) 件（\(worklist.warn) 个工作日内）"
            : "worklist of \(of) as of \(worklist.day): \(count(worklist.items.count, "item")) in \(count(worklist.units.count, "unit")), \(overdue) overdue, \(soon) due soon (within \(count(worklist.warn, "working day")))")
        guard !worklist.items.isEmpty else { return }
        let table = TextTable([("STATUS", 10), ("DUE DAY", 10), ("TO DO", 16), ("ITEM", 24), ("UNIT", 20), ("TITLE", 0)], labels: labels)
        line(table.headerLine)
        guard grouped else {
            for item in worklist.items { line(row(item, worklist, table, labels)) }
            return
        }
        var byUnit: [String: [WorkItem]] = [:]
        for item in worklist.items { byUnit[item.unit, default: []].append(item) }
        for unit in worklist.units {
            line("")
            line(zh
                ? "\(unit.name)（\(unit.unit)）：\(unit.items) 件，已逾期 \(unit.overdue) 件，即将到期 \(unit.dueSoon) 件"
                : "\(unit.name) (\(unit.unit)): \(count(unit.items, "item")), \(unit.overdue) overdue, \(unit.dueSoon) due soon")
            for item in byUnit[unit.unit] ?? [] { line(row(item, worklist, table, labels)) }
        }
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func row(_ item: WorkItem, _ worklist: Worklist, _ table: TextTable, _ labels: Labels) -> String {
        // Feedback and requests are named by their unit, never by what the public wrote.
        var title = item.title.isEmpty ? worklist.name(of: item.unit) : item.title
        let due: String
        switch item.due {
        case .on(let day): due = day.description
        case .unknown(let why):
            due = labels("unknown")
            title += " [\(labels("due")): \(why)]"
        case .none: due = "-"
        }
        return table.line([labels(item.status.rawValue), due, task(item, labels), item.id, item.unit, title])
    }

    /// What is to be done, in words: `review 2/2`, `answer request`.
    static func task(_ item: WorkItem, _ labels: Labels) -> String {
        switch item.task {
        case .review: "\(labels("review")) \(item.level ?? 1)/\(item.levels ?? 1)"
        case .answer: labels("answer \(item.kind.rawValue)")
        case .classify, .publish, .remedy, .file, .publishReport: labels(item.task.rawValue)
        }
    }
}
