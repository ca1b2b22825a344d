import Clearance
import Projections

/// `progress` as text: the stages (and how many units done with stage 4 cleared newest first), then
/// the roll-up by tier and district: every stage compactly (units done of units it applies to), or
/// with `--stage` the one stage in full and its units behind, by name.
enum ProgressText {
    static func lines(_ progress: ProgressProjection, labels: Labels) -> [String] {
        var lines = ["progress as of \(progress.day), \(progress.unitCount) units"]
        let stages = TextTable([
            ("STAGE", 5), ("DEADLINE", 10), ("UNITS", 5), ("ON TIME", 8), ("LATE", 8), ("OPEN", 6), ("OVERDUE", 7), ("DONE", 6), ("NAME", 0),
        ], labels: labels)
        lines.append(stages.headerLine)
        for stage in progress.stages {
            lines.append(stages.line([
                "\(stage.number)", stage.deadline?.description ?? "", "\(stage.total.units)",
            ] + counts(stage.total) + [stage.title]))
        }
        lines += newestFirst(progress)
        guard !progress.groups.isEmpty else { return lines }
        lines.append("")
        if progress.stages.count == 1, let stage = progress.stages.first {
            lines += oneStage(stage, progress.groups, labels: labels)
        } else {
            lines += everyStage(progress, labels: labels)
        }
        return lines
    }

    /// For each stage that asks for records cleared newest first (stage 4), how many of the units done
    /// (`by` a day, if it says so) did.
    static func newestFirst(_ progress: ProgressProjection, by day: Day? = nil) -> [String] {
        progress.stages.filter(\.countsNewestFirst).map {
            "stage \($0.number): \($0.total.newestFirst) of the \($0.total.done) units done\(day.map { " by \($0)" } ?? "") cleared newest first (由近及远)"
        }
    }

    /// The group as a reader knows it: `市级部门`, or `锦江区人民政府 (jinjiang)`.
    static func name(of group: ProgressGroup) -> String {
        group.kind == .tier ? group.name : "\(group.name) (\(group.id))"
    }

    private static func counts(_ tally: StageTally) -> [String] {
        ProgressProjection.Status.allCases.map { "\(tally[$0])" } + ["\(Int((tally.shareDone * 100).rounded()))%"]
    }

    private static func oneStage(_ stage: ProgressProjection.StageRow, _ groups: [ProgressGroup], labels: Labels) -> [String] {
        var lines = ["stage \(stage.number) by tier and district:"]
        let newestFirst = stage.countsNewestFirst ? [("NEWEST FIRST", 0)] : []
        let table = TextTable([
            ("GROUP", 34), ("UNITS", 5), ("ON TIME", 8), ("LATE", 8), ("OPEN", 6), ("OVERDUE", 7), ("DONE", 6),
        ] + newestFirst, labels: labels)
        lines.append(table.headerLine)
        for group in groups {
            let tally = stage.tally(of: group)
            lines.append(table.line([name(of: group), "\(tally.units)"] + counts(tally) + newestFirst.map { _ in "\(tally.newestFirst)" }))
        }
        if !stage.behind.isEmpty {
            lines.append("")
            lines.append("behind on stage \(stage.number) (\(stage.behind.count) units):")
            lines += stage.behind.map { unit in
                "  " + DisplayWidth.pad(labels(unit.status.rawValue), to: 8) + "  \(unit.name) (\(unit.unit))" + (unit.share.map { $0.of == 0 ? ": no records yet" : ": \($0.done) of \($0.of)" } ?? "")
                    + (unit.order.map { $0.newestFirst ? ", newest first" : ", not newest first (\($0.inOrder) of \($0.cleared) in order)" } ?? "")
                    + (unit.guideGaps.isEmpty ? "" : "; guide lacks \(unit.guideGaps.map(\.key).joined(separator: ", "))")
                    + lacking(unit)
            }
        }
        return lines
    }

    /// What an overdue unit still lacks, and since when: where the line's figures come from.
    private static func lacking(_ unit: ProgressProjection.Behind) -> String {
        guard let since = unit.overdueSince else { return "" }
        let late = unit.workingDaysLate.map { " (\($0) working days)" } ?? ""
        return " — overdue since \(since)\(late): \(unit.lacking(.en))"
    }

    private static func everyStage(_ progress: ProgressProjection, labels: Labels) -> [String] {
        var lines = ["by tier and district, each stage: units done / units it applies to (- for none)"]
        let table = TextTable([("GROUP", 34)] + progress.stages.map { ("\($0.number)", 9) }, labels: labels)
        lines.append(table.headerLine)
        for group in progress.groups {
            let cells = progress.stages.map { stage in
                let tally = stage.tally(of: group)
                return tally.units == 0 ? "-" : "\(tally.done)/\(tally.units)"
            }
            lines.append(table.line([name(of: group)] + cells))
        }
        return lines
    }
}
