import EventLog

/// A member of the public's feedback (or complaint) reached a unit.
public struct FeedbackReceived: DomainEvent, Equatable {
    public static let type = "feedback.received"
    public var at: Day
    public var feedback: String
    public var unit: String
    public var record: String?
    public var text: String

    public init(at: Day, feedback: String, unit: String, record: String? = nil, text: String) {
        (self.at, self.feedback, self.unit, self.record, self.text) = (at, feedback, unit, record, text)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), feedback: try f.string("feedback"), unit: try f.string("unit"),
            record: try f.optionalString("record"), text: try f.string("text"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("feedback", feedback)
        b.add("unit", unit)
        b.add("record", record)
        b.add("text", text)
        return b.json
    }
}
