import EventLog

/// One legal regime of disclosure (a `rule-set.declared` event; docs/seeds.md, rule-sets.json): the
/// 2007 Regulations or the 2019 revision, with its own time limits, request procedure, answer outcomes
/// and exemption bases. A date is governed by the rule set in force on it (`ReferenceData.ruleSet(on:)`);
/// a request by the one in force on its day of receipt, whatever happens later.
public struct RuleSet: Sendable, Equatable {
    public let id: String
    public let name: String
    public let effective: Day
    /// Before `effective`, from this day the plan already works to these rules (2007: from 2007-10-01).
    public let appliesToPlanFrom: Day?
    /// Proactive disclosure within these working days of creation or change.
    public let proactive: Limit
    public let request: RequestProcedure
    /// Withheld information reassessed periodically (2019 Art. 18); nil where the rules ask no such thing.
    public let reassessment: Reassessment?
    /// What a disclosure guide says under these rules (2007 Art. 19, 2019 Art. 12); nil in logs
    /// declared before the seed carried it.
    public let guide: GuideRules?
    /// The article on the review before disclosure (2007 Art. 14; 2019 Art. 17), if declared.
    public let reviewArticle: String?
    /// The answers a request can get under these rules: rows of the annual-report template of the
    /// time (request-outcomes.json), by id. Empty when none was declared: then every outcome passes.
    public internal(set) var outcomes: [String: OutcomeRow] = [:]
    /// The same rows in the template's order, as a report table lists them.
    public internal(set) var outcomeRows: [OutcomeRow] = []
    /// When a body publishes its annual report on the previous year, by kind of body (2007 Art. 31:
    /// every body by 31 March; 2019 Art. 49: departments by 31 January, governments by 31 March).
    public let annualReports: [AnnualReportDue]

    public struct AnnualReportDue: Sendable, Equatable {
        public let kinds: [String]
        /// Month and day, `MM-DD`, in the year after the one reported on.
        public let due: String
        public let article: String
    }

    /// The exemption bases valid under these rules, with the article that names each.
    public internal(set) var exemptionArticles: [String: String] = [:]
    /// The applicant columns of its report table, in order; empty where the table has one column
    /// (2007): then a request need not say what kind of applicant made it.
    public internal(set) var applicantKinds: [ApplicantKind] = []

    public struct Limit: Sendable, Equatable {
        public let workingDays: Int
        public let article: String
    }

    public struct RequestProcedure: Sendable, Equatable {
        public let limit: Limit
        /// The one extension allowed, in working days.
        public let extensionDays: Int
        public let extensionTimes: Int
        /// How a request is sent back to the applicant to be changed or supplemented; nil: it cannot be.
        public let correction: Correction?
    }

    public struct Correction: Sendable, Equatable {
        public let article: String
        /// The agency asks within this many working days of receipt (2019: 7); nil: no limit is set.
        public let askWithinWorkingDays: Int?
        /// The reply clock starts again from the corrected request (else it runs from receipt throughout).
        public let restartsClock: Bool
        /// A request not corrected by the day the agency set counts as withdrawn.
        public let lapsesWhenUncorrected: Bool
    }

    public struct Reassessment: Sendable, Equatable {
        public let article: String
        public let intervalMonths: Int
    }

    /// The parts of a guide that follow the rules in force: where the public reads proactive
    /// information in person, the fees, what an application contains, whom to complain to.
    public struct GuideRules: Sendable, Equatable {
        public let article: String
        public let readingPlaces: [String]
        public let readingPlacesArticle: String
        /// The fee rule as the Regulations word it, with its article and the national instruments.
        public let fees: String
        public let feesArticle: String
        public let feesInstrument: String?
        public let applicationContents: [String]
        public let applicationArticle: String
        /// `superior`, `supervision` (the supervision bureau, 2007 only), `competent-office`.
        public let complaintTo: [String]
        public let complaintArticle: String
    }

    public struct OutcomeRow: Sendable, Equatable {
        public let id: String
        public let name: String
        public let article: String?
        /// The row's group in the report table (disclosed, not-disclosed, cannot-provide…).
        public let group: String
    }

    /// A column of the report's request table: a kind of applicant (2019: 自然人, 商业企业…).
    public struct ApplicantKind: Sendable, Equatable {
        public let id: String
        public let name: String
    }

    /// "the 2007 rules (中华人民共和国政府信息公开条例)": how errors name the rule set.
    public var label: String { "the \(id) rules (\(name))" }

    /// Reads a `rule-set.declared` event's data; nil when the id, effective date or limits are missing.
    /// Logs written before the request procedure carried its own correction keep the top-level one.
    init?(_ data: JSONValue) {
        func article(_ value: JSONValue?) -> String? {
            value?.stringValue ?? value?.intValue.map(String.init)
        }
        func limit(_ value: JSONValue?) -> Limit? {
            guard let days = value?["workingDays"]?.intValue else { return nil }
            return Limit(workingDays: days, article: article(value?["article"]) ?? "?")
        }
        guard let id = data["id"]?.stringValue, let effective = data["effective"]?.stringValue.flatMap(Day.init),
            let proactive = limit(data["proactive"]), let requestLimit = limit(data["request"])
        else { return nil }
        self.id = id
        name = data["zh"]?.stringValue ?? id
        self.effective = effective
        appliesToPlanFrom = data["appliesToPlanFrom"]?.stringValue.flatMap(Day.init)
        self.proactive = proactive
        let request = data["request"]!
        var correction: Correction?
        let correctionData = request["correction"] ?? data["correction"]
        if let c = correctionData, c != .null {
            correction = Correction(
                article: article(c["article"]) ?? "?",
                askWithinWorkingDays: c["askWithinWorkingDays"]?.intValue ?? c["workingDays"]?.intValue,
                restartsClock: c["restartsClock"]?.boolValue ?? true,
                lapsesWhenUncorrected: c["lapsesWhenUncorrected"]?.boolValue ?? false)
        }
        self.request = RequestProcedure(
            limit: requestLimit, extensionDays: request["extension"]?["workingDays"]?.intValue ?? 0,
            extensionTimes: request["extension"]?["times"]?.intValue ?? 0, correction: correction)
        reviewArticle = article(data["review"]?["article"])
        if let g = data["guide"], g != .null {
            guide = GuideRules(
                article: article(g["article"]) ?? "?",
                readingPlaces: g["readingPlaces"]?["places"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                readingPlacesArticle: article(g["readingPlaces"]?["article"]) ?? "?",
                fees: g["fees"]?["zh"]?.stringValue ?? "", feesArticle: article(g["fees"]?["article"]) ?? "?",
                feesInstrument: g["fees"]?["instrument"]?.stringValue,
                applicationContents: g["application"]?["contents"]?.arrayValue?.compactMap { $0["zh"]?.stringValue } ?? [],
                applicationArticle: article(g["application"]?["article"]) ?? "?",
                complaintTo: g["complaintTo"]?["bodies"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                complaintArticle: article(g["complaintTo"]?["article"]) ?? "?")
        } else {
            guide = nil
        }
        annualReports = (data["annualReport"]?.arrayValue ?? []).compactMap { entry in
            guard let due = entry["due"]?.stringValue else { return nil }
            return AnnualReportDue(kinds: entry["kinds"]?.arrayValue?.compactMap(\.stringValue) ?? [], due: due, article: article(entry["article"]) ?? "?")
        }
        if let r = data["reassessment"], let months = r["intervalMonths"]?.intValue {
            reassessment = Reassessment(article: article(r["article"]) ?? "?", intervalMonths: months)
        } else {
            reassessment = nil
        }
    }

    /// The first day these rules govern: `appliesToPlanFrom` when the plan works to them early.
    var governsFrom: Day { min(effective, appliesToPlanFrom ?? effective) }
}
