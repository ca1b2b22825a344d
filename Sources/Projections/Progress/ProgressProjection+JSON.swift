import EventLog

extension ProgressProjection {
    /// Each stage with its total, its roll-up by tier (`byTier`) and district (`byDistrict`), and the
    /// units behind; for stage 4 also the units done newest first (`doneNewestFirst`) and, per unit
    /// behind that has cleared any record, `inOrder` and `newestFirst`; keys and values in English,
    /// for programs.
    public var json: JSONValue {
        .object([
            ("asOf", .string(day.description)),
            ("units", .integer(unitCount)),
            ("stages", .array(stages.map { stage in
                .object(
                    [
                        ("stage", .integer(stage.number)), ("title", .string(stage.title)),
                        ("deadline", stage.deadline.map { .string($0.description) } ?? .null),
                    ] + fields(stage.total, stage) + [
                        ("byTier", .array(rollUp(stage, .tier))), ("byDistrict", .array(rollUp(stage, .district))),
                        ("behind", .array(stage.behind.map { unit in
                            var members: [(key: String, value: JSONValue)] = [("unit", .string(unit.unit)), ("name", .string(unit.name)), ("status", .string(unit.status.rawValue))]
                            if let share = unit.share { members += [("done", .integer(share.done)), ("of", .integer(share.of))] }
                            if let order = unit.order { members += [("inOrder", .integer(order.inOrder)), ("newestFirst", .bool(order.newestFirst))] }
                            if !unit.guideGaps.isEmpty { members.append(("guideGaps", .array(unit.guideGaps.map { .string($0.key) }))) }
                            if let since = unit.overdueSince { members.append(("overdueSince", .string(since.description))) }
                            if let late = unit.workingDaysLate { members.append(("workingDaysLate", .integer(late))) }
                            return .object(members)
                        })),
                    ])
            })),
        ])
    }

    private func rollUp(_ stage: StageRow, _ kind: ProgressGroup.Kind) -> [JSONValue] {
        groups.filter { $0.kind == kind }.map { group in
            let id: JSONValue = kind == .tier ? .integer(Int(group.id) ?? 0) : .string(group.id)
            return .object([(kind.rawValue, id), ("name", .string(group.name))] + fields(stage.tally(of: group), stage))
        }
    }

    private func fields(_ tally: StageTally, _ stage: StageRow) -> [(key: String, value: JSONValue)] {
        tally.jsonFields + (stage.countsNewestFirst ? [("doneNewestFirst", .integer(tally.newestFirst))] : [])
    }
}
