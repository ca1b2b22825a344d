import EventLog

/// A unit's disclosure office and how to reach it: the contact part of its disclosure guide.
public struct UnitProfileSet: DomainEvent, Equatable {
    public static let type = "unit.profile-set"
    public static let fields = ["office", "address", "hours", "phone", "fax", "email"]

    public var at: Day
    public var unit: String
    /// Values by field name; a missing field is a gap the guide will name.
    public var values: [String: String]

    public init(at: Day, unit: String, values: [String: String]) { (self.at, self.unit, self.values) = (at, unit, values) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        var values: [String: String] = [:]
        for field in Self.fields { values[field] = try f.optionalString(field) }
        self.init(at: try f.day("at"), unit: try f.string("unit"), values: values)
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("unit", unit)
        for field in Self.fields { b.add(field, values[field]) }
        return b.json
    }
}
