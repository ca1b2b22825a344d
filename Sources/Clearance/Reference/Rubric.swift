import EventLog

/// The general office's rubric for the annual target assessment (rubric.json, one `rubric.declared`
/// event; a later declaration is the office's change for the years from its `year`): indicator
/// families, each indicator with its points and the rule that judges it from the log.
public struct Rubric: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        /// A stage done by its deadline (full points), late within the year (`lateShare` of them), or not.
        case stageDone = "stage-done"
        /// The unit has people in these roles.
        case rolesHeld = "roles-held"
        /// Its guide lacks nothing, by a stage's deadline or by the year's end.
        case guideComplete = "guide-complete"
        /// The share of its items (publications, requests, feedback) of the year done on time.
        case shareOnTime = "share-on-time"
        /// Inspection findings remedied by their day; `perFinding` lost for each that was not.
        case findingsRemedied = "findings-remedied"
        /// The annual report filed with the general office by the form's filing day.
        case reportFiled = "report-filed"
        /// The annual report published by the day the form or the rule set gives.
        case reportPublished = "report-published"
    }

    public struct Indicator: Sendable, Equatable {
        public let id: String
        public let family: String
        public let zh: String
        public let en: String
        public let points: Double
        public let rule: Rule
        public let stage: Int?
        public let lateShare: Double
        public let roles: [String]
        /// `publications`, `requests` or `feedback`, for `share-on-time`.
        public let items: String?
        /// For `guide-complete`: `stage` (by the stage's deadline) or `year-end`.
        public let byStage: Bool
        public let perFinding: Double
    }

    public struct Family: Sendable, Equatable {
        public let id: String
        public let zh: String
        public let en: String
    }

    public let id: String
    public let name: String
    /// The first year it assesses.
    public let year: Int
    public let max: Double
    public let families: [Family]
    public let indicators: [Indicator]

    init?(_ json: JSONValue) {
        let rubric = json["rubric"] ?? json
        guard let id = rubric["id"]?.stringValue, let year = rubric["year"]?.intValue else { return nil }
        (self.id, self.year) = (id, year)
        name = rubric["zh"]?.stringValue ?? id
        max = Double(rubric["max"]?.stringValue ?? "") ?? rubric["max"]?.intValue.map(Double.init) ?? 100
        var families: [Family] = []
        var indicators: [Indicator] = []
        for family in rubric["families"]?.arrayValue ?? [] {
            guard let fid = family["id"]?.stringValue else { continue }
            families.append(Family(id: fid, zh: family["zh"]?.stringValue ?? fid, en: family["en"]?.stringValue ?? fid))
            for item in family["indicators"]?.arrayValue ?? [] {
                guard let iid = item["id"]?.stringValue, let rule = item["rule"]?.stringValue.flatMap(Rule.init) else { return nil }
                func number(_ key: String) -> Double? { item[key]?.intValue.map(Double.init) ?? item[key]?.stringValue.flatMap(Double.init) ?? item[key].flatMap { Double(JSONWriter.string($0)) } }
                indicators.append(Indicator(
                    id: iid, family: fid, zh: item["zh"]?.stringValue ?? iid, en: item["en"]?.stringValue ?? iid, points: number("points") ?? 0,
                    rule: rule, stage: item["stage"]?.intValue, lateShare: number("lateShare") ?? 0,
                    roles: item["roles"]?.arrayValue?.compactMap(\.stringValue) ?? [], items: item["items"]?.stringValue,
                    byStage: item["by"]?.stringValue == "stage", perFinding: number("perFinding") ?? 0))
            }
        }
        (self.families, self.indicators) = (families, indicators)
    }
}
