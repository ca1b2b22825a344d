import Projections

/// `progress --funnel` as text: each unit's funnel, then what is past its deadline, by name and due day.
enum FunnelText {
    static func lines(_ funnel: FunnelProjection, labels: Labels) -> [String] {
        var lines = ["clearance funnel as of \(funnel.day), \(funnel.rows.count) units with records"]
        let table = TextTable([
            ("UNIT", 22), ("REG", 5), ("CLASS", 5), ("APPR", 5), ("PUBL", 5), ("REQ", 5), ("EXEMPT", 6), ("RATE", 6),
            ("LATE PUBL", 9), ("LATE FB", 7), ("LATE REQ", 8), ("REASSESS", 8), ("NAME", 0),
        ], labels: labels)
        lines.append(table.headerLine)
        for r in funnel.rows {
            lines.append(table.line([
                r.unit, "\(r.registered)", "\(r.classified)", "\(r.approved)", "\(r.published)", "\(r.onRequest)", "\(r.exempt)",
                "\(Int((r.exemptionRate * 100).rounded()))%", "\(r.latePublications)", "\(r.lateFeedback)", "\(r.lateRequests)", "\(r.overdueReassessments)", r.name,
            ]))
        }
        guard !funnel.pastDeadline.isEmpty else { return lines }
        lines.append("")
        lines.append("past their deadline (\(funnel.pastDeadline.count)):")
        let late = TextTable([("KIND", 11), ("DUE DAY", 10), ("DONE ON", 10), ("UNIT", 34), ("ITEM", 0)], labels: labels)
        lines.append(late.headerLine)
        for item in funnel.pastDeadline {
            lines.append(late.line([
                labels(item.kind.rawValue), item.due.description, item.done?.description ?? "-", "\(item.unitName) (\(item.unit))",
                item.title.isEmpty ? item.item : "\(item.title) (\(item.item))",
            ]))
        }
        return lines
    }
}
