import EventLog

/// A clerk classifies a record under their unit's norm and decides how it is disclosed.
public struct RecordClassified: DomainEvent, Equatable {
    public static let type = "record.classified"
    public var at: Day
    public var record: String
    /// A content class of the unit's adopted norm.
    public var contentClass: String
    public var keyItem: String?
    public var disclosure: Disclosure
    /// Required when exempt, refused otherwise: an exemption basis id of the rule set in force.
    public var basis: String?

    public init(at: Day, record: String, contentClass: String, keyItem: String? = nil, disclosure: Disclosure, basis: String? = nil) {
        (self.at, self.record, self.contentClass, self.keyItem, self.disclosure, self.basis) =
            (at, record, contentClass, keyItem, disclosure, basis)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), record: try f.string("record"), contentClass: try f.string("class"),
            keyItem: try f.optionalString("keyItem"), disclosure: try f.oneOf("disclosure", Disclosure.self),
            basis: try f.optionalString("basis"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("class", contentClass)
        b.add("keyItem", keyItem)
        b.add("disclosure", disclosure.rawValue)
        b.add("basis", basis)
        return b.json
    }
}
