import EventLog

/// The reference data as the log holds it at some point: folded from reference events, so a later
/// correction (a new unit, a moved deadline, an added holiday year) changes what follows it.
public struct ReferenceData: Sendable {
    /// Every reference event folded so far, in order: what a state snapshot stores to rebuild this.
    public private(set) var declarations: [(type: String, data: JSONValue)] = []
    public private(set) var seed: String?
    /// The programme the seed describes (成都市政府信息公开指南和公开目录编制工作), as notices name it.
    public private(set) var programme: String?
    public private(set) var weekend: [String] = []
    /// The holiday notices in the order declared: `calendar.notice-declared` adds one (a later notice
    /// decides the days it names); `calendar.year-declared`, the older event, replaces a year's notices.
    public private(set) var calendarNotices: [WorkingCalendar.Notice] = []
    /// The calendar those notices make (nil before any), kept as they fold: every deadline asks it.
    private var workingCalendar: WorkingCalendar?
    public private(set) var units: [String: Unit] = [:]
    public private(set) var unitOrder: [String] = []
    public private(set) var stages: [Int: Stage] = [:]
    /// Key item id -> the tiers it applies to.
    public private(set) var keyItems: [String: [Int]] = [:]
    /// Key item id -> its Chinese name (行政法规、规章和规范性文件), as reports print it.
    public private(set) var keyItemNames: [String: String] = [:]
    /// Exemption basis id -> the rule sets under which it is valid.
    public private(set) var exemptionBases: [String: [String]] = [:]
    /// What a spreadsheet may write for a basis (its id, Chinese or English label) -> the basis id.
    public private(set) var exemptionNames: [String: String] = [:]
    /// Exemption basis id -> its Chinese name (国家秘密), as replies and reports print it.
    public private(set) var exemptionTitles: [String: String] = [:]
    /// The rule sets by id, each with the outcomes and exemption articles declared for it.
    public private(set) var ruleSets: [String: RuleSet] = [:]
    /// Rule set id -> the answer outcomes of its annual-report template (request-outcomes.json).
    private var outcomeTemplates: [String: [RuleSet.OutcomeRow]] = [:]
    /// Rule set id -> the applicant columns of its template.
    private var applicantColumns: [String: [RuleSet.ApplicantKind]] = [:]
    /// Rule set id -> exemption basis id -> the article that names it there.
    private var exemptionArticles: [String: [String: String]] = [:]
    /// The sectors of public enterprises and institutions, with their Chinese names, as declared.
    public private(set) var sectors: [(id: String, name: String)] = []
    /// The remedy laws, as declared; `remedy(_:on:)` picks the one in force.
    public private(set) var remedies: [Remedy] = []
    /// The annual-report forms, as declared; `reportForm(for:)` picks a year's.
    public private(set) var reportForms: [ReportForm] = []
    /// The assessment rubrics in the order declared; `rubric(for:)` picks a year's.
    public private(set) var rubrics: [Rubric] = []
    /// Tier number -> its name as the plan uses it (市级部门, 区（市）县, 乡镇（街道）).
    public private(set) var tierNames: [Int: String] = [:]

    public init() {}

    /// Applies one event; events of other types are ignored.
    public mutating func evolve(type: String, data: JSONValue) {
        guard ReferenceEventType.all.contains(type) else { return }
        declarations.append((type, data))
        switch type {
        case ReferenceEventType.seedLoaded:
            seed = data["id"]?.stringValue
            programme = data["title"]?["zh"]?.stringValue
        case ReferenceEventType.calendarDeclared:
            weekend = data["weekend"]?.arrayValue?.compactMap(\.stringValue) ?? []
            rebuildCalendar()
        case ReferenceEventType.calendarYearDeclared:
            // Checked by ReferenceSchema before it was appended; a year that still fails reads as none.
            guard let year = data["year"]?.intValue,
                let calendar = try? CalendarSeed.load(.object([("weekend", .array([])), ("years", .array([data]))]), file: type)
            else { return }
            calendarNotices.removeAll { $0.year == year }
            calendarNotices += calendar.notices
            rebuildCalendar()
        case ReferenceEventType.calendarNoticeDeclared:
            guard let year = data["year"]?.intValue,
                let notice = try? CalendarSeed.notice(data, year: year, where: "data", file: type)
            else { return }
            calendarNotices.append(notice)
            rebuildCalendar()
        case ReferenceEventType.unitRegistered:
            if let unit = Unit(data) {
                if units[unit.id] == nil { unitOrder.append(unit.id) }
                units[unit.id] = unit
            }
        case ReferenceEventType.stageScheduled:
            if let stage = Stage(data) { stages[stage.number] = stage }
        case ReferenceEventType.schemeDeclared:
            for item in data["keyItems"]?.arrayValue ?? [] {
                if let id = item["id"]?.stringValue {
                    keyItems[id] = item["tiers"]?.arrayValue?.compactMap(\.intValue) ?? []
                    keyItemNames[id] = item["zh"]?.stringValue
                }
            }
        case ReferenceEventType.exemptionBasisDeclared:
            if let id = data["id"]?.stringValue {
                let valid = data["ruleSets"]?.arrayValue?.compactMap(\.stringValue) ?? []
                exemptionBases[id] = valid
                for name in [id, data["zh"]?.stringValue, data["en"]?.stringValue].compactMap({ $0 }) { exemptionNames[name] = id }
                exemptionTitles[id] = data["zh"]?.stringValue ?? id
                for ruleSet in valid {
                    let article = data["articles"]?[ruleSet]
                    exemptionArticles[ruleSet, default: [:]][id] = article?.stringValue ?? article?.intValue.map(String.init) ?? "?"
                }
                attachToRuleSets()
            }
        case ReferenceEventType.ruleSetDeclared:
            if let ruleSet = RuleSet(data) {
                ruleSets[ruleSet.id] = ruleSet
                attachToRuleSets()
            }
        case ReferenceEventType.requestOutcomesDeclared:
            // One template per rule set; logs from before that hold one template naming its rule set.
            let templates = data["templates"]?.arrayValue ?? [.object([("ruleSet", data["template"]?["ruleSet"] ?? .null), ("rows", data["rows"] ?? .null)])]
            for template in templates {
                guard let ruleSet = template["ruleSet"]?.stringValue else { continue }
                outcomeTemplates[ruleSet] = (template["rows"]?.arrayValue ?? []).compactMap { row in
                    row["id"]?.stringValue.map {
                        RuleSet.OutcomeRow(
                            id: $0, name: row["zh"]?.stringValue ?? $0, article: row["article"]?.stringValue,
                            group: row["group"]?.stringValue ?? String($0.prefix { $0 != "/" }))
                    }
                }
                applicantColumns[ruleSet] = (template["columns"]?.arrayValue ?? []).compactMap { column in
                    column["id"]?.stringValue.map { RuleSet.ApplicantKind(id: $0, name: column["zh"]?.stringValue ?? $0) }
                }
            }
            attachToRuleSets()
        case ReferenceEventType.remediesDeclared:
            remedies = (data["laws"]?.arrayValue ?? []).compactMap(Remedy.init)
        case ReferenceEventType.reportFormsDeclared:
            reportForms = (data["forms"]?.arrayValue ?? []).compactMap(ReportForm.init)
        case ReferenceEventType.rubricDeclared:
            if let rubric = Rubric(data) { rubrics.append(rubric) }
        case ReferenceEventType.tiersDeclared:
            for tier in data["tiers"]?.arrayValue ?? [] {
                if let number = tier["tier"]?.intValue, let name = tier["zh"]?.stringValue { tierNames[number] = name }
            }
        case ReferenceEventType.sectorsDeclared:
            sectors = (data["sectors"]?.arrayValue ?? []).compactMap { item in
                item["id"]?.stringValue.map { ($0, item["zh"]?.stringValue ?? $0) }
            }
        default:
            break
        }
    }

    private mutating func attachToRuleSets() {
        for id in ruleSets.keys {
            ruleSets[id]!.outcomes = Dictionary((outcomeTemplates[id] ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            ruleSets[id]!.outcomeRows = outcomeTemplates[id] ?? []
            ruleSets[id]!.exemptionArticles = exemptionArticles[id] ?? [:]
            ruleSets[id]!.applicantKinds = applicantColumns[id] ?? []
        }
    }

    /// The rule set in force on `day`: the latest one effective by then, or whose plan period has begun
    /// (the 2007 Regulations are the plan's target from 2007-10-01, before they took effect).
    public func ruleSet(on day: Day) -> RuleSet? {
        ruleSets.values.filter { $0.governsFrom <= day }.max { $0.governsFrom < $1.governsFrom }
    }

    /// The law of `kind` in force on `day`, the day of the decision: the latest effective by then.
    public func remedy(_ kind: Remedy.Kind, on day: Day) -> Remedy? {
        remedies.filter { $0.kind == kind && $0.effective <= day }.max { $0.effective < $1.effective }
    }

    public func unitTier(_ unit: String) -> Int? { units[unit]?.tier }

    /// The form a report on `year` takes.
    public func reportForm(for year: Int) -> ReportForm? { reportForms.last { $0.covers(year) } }

    /// The rubric that assesses `year`: the last declared for that year or an earlier one.
    public func rubric(for year: Int) -> Rubric? { rubrics.last { $0.year <= year } }

    /// The tier's name as the plan uses it; `第N层级` only for a log that never declared the names.
    public func tierName(_ tier: Int) -> String { tierNames[tier] ?? "第\(tier)层级" }

    /// The last creation day of the records a unit must clear in the plan's clearance stage: the
    /// deadline of the stage done by clearing records (`completion: records-cleared`, stage 4). What a
    /// unit holds by then is its backlog; what it creates later is new information, due on its own
    /// publication clock. Nil when no such stage has a deadline: then every record is backlog.
    public var backlogCutoff: Day? {
        stage(completedBy: .recordsCleared)?.deadline
    }

    /// The first stage (by number) completed the way `completion` says.
    public func stage(completedBy completion: Stage.Completion) -> Stage? {
        stages.keys.sorted().lazy.compactMap { self.stages[$0] }.first { $0.completion == completion }
    }

    private mutating func rebuildCalendar() {
        guard !calendarNotices.isEmpty else { return }
        let days = (try? CalendarSeed.weekend(weekend, file: "calendar.declared")) ?? []
        workingCalendar = WorkingCalendar(weekend: days, notices: calendarNotices)
    }

    /// The working-day calendar these declarations make, or nil when none was declared.
    public func calendar() throws -> WorkingCalendar? { workingCalendar }
}
