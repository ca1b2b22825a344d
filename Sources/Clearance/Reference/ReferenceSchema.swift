import EventLog

/// The shape reference events must have before they change the data every rule relies on.
/// (Seed files are checked by seeds/tools/check_seeds.py too; this guards what arrives later, by
/// `append`, `unit register` or `stage reschedule`.) Throws `EventDataError` naming the field.
enum ReferenceSchema {
    static let unitKinds = Unit.Kind.allCases.map(\.rawValue)

    static func check(type: String, data: JSONValue) throws {
        let f = try Fields(type: type, data)
        _ = try f.day("at")
        switch type {
        case ReferenceEventType.unitRegistered:
            _ = try f.string("id")
            _ = try f.string("name")
            let kind = try f.string("kind")
            guard unitKinds.contains(kind) else { throw f.fail("kind", "must be one of \(unitKinds.joined(separator: ", ")), not \"\(kind)\"") }
            _ = try f.int("tier", in: 1...3)
        case ReferenceEventType.stageScheduled:
            _ = try f.int("number", in: 1...7)
            _ = try f.day("deadline")
        case ReferenceEventType.calendarNoticeDeclared:
            let year = try f.int("year", in: 1990...2100)
            do { _ = try CalendarSeed.notice(data, year: year, where: "data", file: type) } catch let error as SeedError {
                throw f.fail("holidays", "or workingWeekends or date are wrong: \(error.message)")
            }
        case ReferenceEventType.calendarYearDeclared:
            _ = try f.int("year", in: 1990...2100)
            // The calendar loader names any bad holiday range or working day.
            do { _ = try CalendarSeed.load(.object([("weekend", .array([])), ("years", .array([data]))]), file: type) } catch let error as SeedError {
                throw f.fail("holidays", "or workingWeekends are wrong: \(error.message)")
            }
        case ReferenceEventType.ruleSetDeclared:
            _ = try f.string("id")
            _ = try f.day("effective")
            guard RuleSet(data) != nil else { throw f.fail("request", "and proactive must each give workingDays (docs/seeds.md, rule-sets.json)") }
        case ReferenceEventType.remediesDeclared:
            for (i, law) in (data["laws"]?.arrayValue ?? []).enumerated() where Remedy(law) == nil {
                throw f.fail("laws[\(i)]", "needs id, kind (reconsideration or litigation), effective, limit (days or months) and article")
            }
        case ReferenceEventType.rubricDeclared:
            guard let rubric = Rubric(data), !rubric.indicators.isEmpty else {
                throw f.fail("rubric", "needs id, year and families of indicators, each with id, points and a known rule (\(Rubric.Rule.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let total = rubric.indicators.map(\.points).reduce(0, +)
            guard abs(total - rubric.max) < 0.001 else { throw f.fail("rubric", "indicators add up to \(total) points, not its max \(rubric.max)") }
        case ReferenceEventType.reportFormsDeclared:
            for (i, form) in (data["forms"]?.arrayValue ?? []).enumerated() where ReportForm(form) == nil {
                throw f.fail("forms[\(i)]", "needs id and years.from")
            }
        case ReferenceEventType.tiersDeclared:
            for (i, tier) in (data["tiers"]?.arrayValue ?? []).enumerated() where !(1...3).contains(tier["tier"]?.intValue ?? 0) || tier["zh"]?.stringValue == nil {
                throw f.fail("tiers[\(i)]", "needs tier (1 to 3) and zh")
            }
        case ReferenceEventType.exemptionBasisDeclared:
            _ = try f.string("id")
            guard !(try f.strings("ruleSets")).isEmpty else { throw f.fail("ruleSets", "must name at least one rule set") }
        default:
            break
        }
    }
}
