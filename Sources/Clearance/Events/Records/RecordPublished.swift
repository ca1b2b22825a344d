import EventLog

/// A publisher publishes an approved proactive record under a new index number.
public struct RecordPublished: DomainEvent, Equatable {
    public static let type = "record.published"
    public var at: Day
    public var record: String
    /// `<unit id>/<year of publication>-<5-digit serial>`: unique, never reused (IndexNumber).
    public var indexNumber: String
    public var channel: String

    public init(at: Day, record: String, indexNumber: String, channel: String) {
        (self.at, self.record, self.indexNumber, self.channel) = (at, record, indexNumber, channel)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), record: try f.string("record"), indexNumber: try f.string("indexNumber"),
            channel: try f.optionalString("channel") ?? "portal")
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("indexNumber", indexNumber)
        b.add("channel", channel)
        return b.json
    }
}
