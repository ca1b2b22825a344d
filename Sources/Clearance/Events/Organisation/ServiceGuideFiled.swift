import EventLog

/// A sector's competent department files the service guide (办事公开指南) of a public enterprise or
/// institution of its sector: a school, a hospital, the water, power or gas company, a bus company.
public struct ServiceGuideFiled: DomainEvent, Equatable {
    public static let type = "service-guide.filed"
    public var at: Day
    /// The department filing it, which must be competent for `sector`.
    public var unit: String
    /// A sector id of the seed (education, health, water, power, gas, …).
    public var sector: String
    public var enterprise: String
    public var title: String

    public init(at: Day, unit: String, sector: String, enterprise: String, title: String) {
        (self.at, self.unit, self.sector, self.enterprise, self.title) = (at, unit, sector, enterprise, title)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), unit: try f.string("unit"), sector: try f.string("sector"), enterprise: try f.string("enterprise"),
            title: try f.string("title"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("unit", unit)
        b.add("sector", sector)
        b.add("enterprise", enterprise)
        b.add("title", title)
        return b.json
    }
}
