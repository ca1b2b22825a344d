import EventLog

/// The form an annual report on a year takes (annual-reports.json, one `report-forms.declared`
/// event): its parts, which the log fills and which the unit writes, and for some years a filing
/// day with the general office and a publication day set by the city (2008: 成办函〔2009〕54号).
public struct ReportForm: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public let id: String
        public let zh: String
        public let en: String
        /// Whether the log fills it (`log`) or the unit writes it (`unit`).
        public let fromLog: Bool
    }

    public let id: String
    public let name: String
    public let instrument: String
    public let firstYear: Int
    public let lastYear: Int?
    public let sections: [Section]
    /// Who files with the general office (a kind of unit, of a tier where it says), and by when (nil:
    /// no filing step). 2008: the city's departments (tier 1) and the district governments.
    public let filing: (who: [(kind: Unit.Kind, tier: Int?)], due: Day)?

    /// Whether `unit` files its report with the general office.
    public func files(_ unit: Unit) -> Bool {
        filing?.who.contains { $0.kind == unit.kind && ($0.tier.map { $0 == unit.tier } ?? true) } ?? false
    }
    /// The day every report must be published by, where the form sets one (else the rule set's).
    public let publishBy: Day?

    public static func == (a: ReportForm, b: ReportForm) -> Bool { a.id == b.id && a.firstYear == b.firstYear }

    public func covers(_ year: Int) -> Bool { firstYear <= year && (lastYear.map { year <= $0 } ?? true) }

    init?(_ json: JSONValue) {
        guard let id = json["id"]?.stringValue, let first = json["years"]?["from"]?.intValue else { return nil }
        (self.id, firstYear) = (id, first)
        lastYear = json["years"]?["to"]?.intValue
        name = json["zh"]?.stringValue ?? id
        instrument = json["instrument"]?.stringValue ?? ""
        sections = (json["sections"]?.arrayValue ?? []).compactMap { s in
            guard let id = s["id"]?.stringValue else { return nil }
            return Section(id: id, zh: s["zh"]?.stringValue ?? id, en: s["en"]?.stringValue ?? id, fromLog: s["from"]?.stringValue == "log")
        }
        if let filing = json["filing"], let due = filing["due"]?.stringValue.flatMap(Day.init) {
            let who = (filing["who"]?.arrayValue ?? []).compactMap { item -> (kind: Unit.Kind, tier: Int?)? in
                item["kind"]?.stringValue.flatMap(Unit.Kind.init).map { ($0, item["tier"]?.intValue) }
            }
            self.filing = (who, due)
        } else {
            filing = nil
        }
        publishBy = json["publishBy"]?.stringValue.flatMap(Day.init)
    }
}
