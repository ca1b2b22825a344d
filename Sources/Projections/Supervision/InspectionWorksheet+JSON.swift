import Clearance
import EventLog

extension InspectionWorksheet {
    /// The worksheet as JSON, English keys: each part's facts, the sample's trails step by step (seq,
    /// business date, type, actor, roles then), and the anchor.
    public var json: JSONValue {
        .object([
            ("unit", .string(unit)), ("name", .string(name)), ("judged", .string(day.description)),
            ("guide", .object([("complete", .bool(guideGaps.isEmpty)), ("gaps", .array(guideGaps.map { .string($0.key) }))])),
            ("catalogue", catalogueJSON),
            ("sample", .object([
                ("seed", .integer(sample.seed)), ("asked", .integer(sample.asked)), ("population", .integer(sample.population)),
                ("records", .array(sample.trails.map(Self.json))),
            ])),
            ("exemptions", .array(exemptions.map { e in
                .object([
                    ("record", .string(e.record.registration.record)), ("title", .string(e.record.registration.title)),
                    ("basis", .string(e.basis)), ("basisTitle", e.basisTitle.map(JSONValue.string) ?? .null), ("article", e.article.map(JSONValue.string) ?? .null),
                    ("classified", Self.day(e.record.classification?.at)), ("classifiedBy", e.record.classifiedBy.map(JSONValue.string) ?? .null),
                    ("status", .string(e.record.status.rawValue)), ("reassessed", Self.day(e.record.reassessedOn)),
                ])
            })),
            ("pastDeadline", .array(lateReplies.map { r in
                .object([
                    ("kind", .string(r.item.kind.rawValue)), ("item", .string(r.item.item)), ("received", Self.day(r.received)),
                    ("applicant", r.applicant.map(JSONValue.string) ?? .null), ("due", .string(r.item.due.description)), ("done", Self.day(r.item.done)),
                ])
            })),
            ("latePublications", .integer(latePublications)), ("overdueReassessments", .integer(overdueReassessments)),
            ("findings", .object([
                ("open", .array(openFindings.map { f in
                    .object([
                        ("finding", .string(f.found.finding)), ("found", .string(f.found.at.description)), ("about", .string(f.found.about)),
                        ("item", f.found.item.map(JSONValue.string) ?? .null), ("remedyBy", .string(f.found.remedyBy.description)), ("overdue", .bool(isOverdue(f))),
                    ])
                })),
                ("remedied", .integer(remediedFindings)),
            ])),
            ("anchor", anchor.map(JSONValue.string) ?? .null),
        ])
    }

    private var catalogueJSON: JSONValue {
        let c = catalogue
        return .object([
            ("registered", .integer(c.registered)), ("published", .integer(c.published)), ("listed", .integer(c.listed)),
            ("withdrawn", .integer(c.withdrawn)), ("corrected", .integer(c.corrected)), ("correctedAfterPublication", .integer(c.correctedAfterPublication)),
            ("entries", .array(c.lines.map { line in
                .object([
                    ("indexNumber", .string(line.indexNumber)), ("record", .string(line.record.registration.record)),
                    ("title", .string(line.record.registration.title)), ("published", Self.day(line.record.published)),
                    ("status", .string(line.record.status.rawValue)), ("listed", .bool(line.listed)),
                    ("withdrawn", line.withdrawal.map { .object([("at", .string($0.at.description)), ("reason", .string($0.reason))]) } ?? .null),
                    ("corrections", .array(line.corrections.map { c in
                        .object([
                            ("at", .string(c.event.at.description)), ("changes", .string(c.event.changes)), ("reason", .string(c.event.reason)),
                            ("afterPublication", .bool(c.afterPublication)),
                        ])
                    })),
                ])
            })),
            ("gaps", .array(c.numbers.gaps.map { .object([("year", .integer($0.year)), ("from", .integer($0.from)), ("through", .integer($0.through))]) })),
            ("discrepancies", .array(c.discrepancies.map { d in
                .object([("record", .string(d.record)), ("indexNumber", .string(d.indexNumber)), ("problem", .string(d.problem.rawValue)), ("detail", .string(d.detail))])
            })),
        ])
    }

    private static func json(_ trail: RecordTrail) -> JSONValue {
        let r = trail.record
        return .object([
            ("record", .string(r.registration.record)), ("title", .string(r.registration.title)), ("status", .string(r.status.rawValue)),
            ("disclosure", r.classification.map { .string($0.disclosure.rawValue) } ?? .null),
            ("indexNumber", r.indexNumber.map(JSONValue.string) ?? .null), ("due", day(trail.due)), ("published", day(r.published)),
            ("timeliness", .string(trail.timeliness.rawValue)),
            ("steps", .array(trail.steps.map { step in
                var fields: [(String, JSONValue)] = [
                    ("seq", .integer(step.row.seq)), ("at", .string(step.row.at)), ("type", .string(step.row.type)),
                    ("actor", .string(step.row.actor)), ("roles", .string(step.row.roles)),
                ]
                if case .recordReviewed(let e) = step.event { fields += [("level", .integer(e.level)), ("outcome", .string(e.outcome.rawValue))] }
                return .object(fields)
            })),
        ])
    }

    private static func day(_ day: Day?) -> JSONValue { day.map { .string($0.description) } ?? .null }
}
