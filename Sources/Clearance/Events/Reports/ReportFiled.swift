import EventLog

/// A unit filed its annual report on `year` with the general office: the figures as the log gives
/// them (checked against it), and what the log does not hold: the narrative of the form's parts the
/// unit writes, fees, staff and funding.
public struct ReportFiled: DomainEvent, Equatable {
    public static let type = "report.filed"
    public var at: Day
    public var unit: String
    public var year: Int
    public var figures: AnnualFigures
    /// Section id of the form -> the unit's text.
    public var narrative: [String: String]
    /// Fees charged and waived in yuan (2007 Art. 32(3); 2008: part 五).
    public var feesCharged: Int?
    public var feesWaived: Int?
    public var staffFullTime: Int?
    public var staffPartTime: Int?
    /// Disclosure funding in yuan.
    public var funding: Int?

    public init(
        at: Day, unit: String, year: Int, figures: AnnualFigures, narrative: [String: String], feesCharged: Int? = nil, feesWaived: Int? = nil,
        staffFullTime: Int? = nil, staffPartTime: Int? = nil, funding: Int? = nil
    ) {
        (self.at, self.unit, self.year, self.figures, self.narrative) = (at, unit, year, figures, narrative)
        (self.feesCharged, self.feesWaived, self.staffFullTime, self.staffPartTime, self.funding) = (feesCharged, feesWaived, staffFullTime, staffPartTime, funding)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        func count(_ key: String) throws -> Int? {
            guard let value = data[key], value != .null else { return nil }
            guard let n = value.intValue, n >= 0 else { throw f.fail(key, "must be a whole number, 0 or more") }
            return n
        }
        guard let figures = data["figures"] else { throw f.fail("figures", "is required (the report's tables)") }
        var narrative: [String: String] = [:]
        for (section, text) in data["narrative"]?.objectValue ?? [] {
            guard let text = text.stringValue else { throw f.fail("narrative.\(section)", "must be text") }
            narrative[section] = text
        }
        self.init(
            at: try f.day("at"), unit: try f.string("unit"), year: try f.int("year", in: 1990...2100),
            figures: try AnnualFigures(json: figures, type: Self.type), narrative: narrative,
            feesCharged: try count("feesCharged"), feesWaived: try count("feesWaived"), staffFullTime: try count("staffFullTime"),
            staffPartTime: try count("staffPartTime"), funding: try count("funding"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("unit", unit)
        b.add("year", year)
        b.add("figures", figures.json)
        b.add("narrative", .object(narrative.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        for (key, value) in [("feesCharged", feesCharged), ("feesWaived", feesWaived), ("staffFullTime", staffFullTime), ("staffPartTime", staffPartTime), ("funding", funding)] {
            if let value { b.add(key, value) }
        }
        return b.json
    }
}

/// A unit published its filed annual report on `year` (on the portal).
public struct ReportPublished: DomainEvent, Equatable {
    public static let type = "report.published"
    public var at: Day
    public var unit: String
    public var year: Int

    public init(at: Day, unit: String, year: Int) { (self.at, self.unit, self.year) = (at, unit, year) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), unit: try f.string("unit"), year: try f.int("year", in: 1990...2100))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("unit", unit)
        b.add("year", year)
        return b.json
    }
}
