import EventLog

extension ProgressProjection {
    /// Each stage with its total, its roll-up by tier (`byTier`) and district (`byDistrict`), and the
    /// units behind; keys and values in English, for programs.
    public var json: JSONValue {
        .object([
            ("asOf", .string(day.description)),
            ("units", .integer(unitCount)),
            ("stages", .array(stages.map { stage in
                .object(
                    [
                        ("stage", .integer(stage.number)), ("title", .string(stage.title)),
                        ("deadline", stage.deadline.map { .string($0.description) } ?? .null),
                    ] + stage.total.jsonFields + [
                        ("byTier", .array(rollUp(stage, .tier))), ("byDistrict", .array(rollUp(stage, .district))),
                        ("behind", .array(stage.behind.map { unit in
                            var members: [(key: String, value: JSONValue)] = [("unit", .string(unit.unit)), ("name", .string(unit.name)), ("status", .string(unit.status.rawValue))]
                            if let share = unit.share { members += [("done", .integer(share.done)), ("of", .integer(share.of))] }
                            if !unit.guideGaps.isEmpty { members.append(("guideGaps", .array(unit.guideGaps.map { .string($0) }))) }
                            return .object(members)
                        })),
                    ])
            })),
        ])
    }

    private func rollUp(_ stage: StageRow, _ kind: ProgressGroup.Kind) -> [JSONValue] {
        groups.filter { $0.kind == kind }.map { group in
            let id: JSONValue = kind == .tier ? .integer(Int(group.id) ?? 0) : .string(group.id)
            return .object([(kind.rawValue, id), ("name", .string(group.name))] + stage.tally(of: group).jsonFields)
        }
    }
}
