import EventLog

/// A unit's disclosure office and how to reach it: the contact part of its disclosure guide.
public struct UnitProfileSet: DomainEvent, Equatable {
    public static let type = "unit.profile-set"
    /// The fields, in the order the guide lists them, each with the guide's name for it: the
    /// disclosure office's name, address, office hours, phone, fax and e-mail (2007 Art. 19).
    public static let labelledFields: [(name: String, zh: String)] = [
        ("office", "机构名称"), ("address", "办公地址"), ("hours", "办公时间"), ("phone", "联系电话"), ("fax", "传真"), ("email", "电子邮箱"),
    ]
    public static let fields = labelledFields.map(\.name)

    /// What a unit writes for a field it does not have (no fax, no e-mail): a declared "none" is
    /// complete, where a field never filled is a gap the guide names.
    public static let none = "none"

    public static func isDeclaredNone(_ value: String) -> Bool { ["none", "无"].contains(value.lowercased()) }

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
