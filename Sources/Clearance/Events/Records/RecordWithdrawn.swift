import EventLog

/// A published record is taken down; its index number stays used.
public struct RecordWithdrawn: DomainEvent, Equatable {
    public static let type = "record.withdrawn"
    public var at: Day
    public var record: String
    public var reason: String

    public init(at: Day, record: String, reason: String) { (self.at, self.record, self.reason) = (at, record, reason) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), record: try f.string("record"), reason: try f.string("reason"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("reason", reason)
        return b.json
    }
}
