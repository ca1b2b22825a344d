import EventLog

/// A published record is corrected in the open: what changed, and why.
public struct RecordCorrected: DomainEvent, Equatable {
    public static let type = "record.corrected"
    public var at: Day
    public var record: String
    public var title: String?
    public var summary: String?
    public var documentNumber: String?
    public var reason: String

    public init(at: Day, record: String, title: String? = nil, summary: String? = nil, documentNumber: String? = nil, reason: String) {
        (self.at, self.record, self.title, self.summary, self.documentNumber, self.reason) =
            (at, record, title, summary, documentNumber, reason)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), record: try f.string("record"), title: try f.optionalString("title"),
            summary: try f.optionalString("summary"), documentNumber: try f.optionalString("documentNumber"),
            reason: try f.string("reason"))
        if title == nil && summary == nil && documentNumber == nil {
            throw f.fail("title", "or summary or documentNumber must say what is corrected")
        }
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("title", title)
        b.add("summary", summary)
        b.add("documentNumber", documentNumber)
        b.add("reason", reason)
        return b.json
    }
}
