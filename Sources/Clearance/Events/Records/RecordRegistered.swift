import EventLog

/// A clerk registers a record of their unit for clearance.
public struct RecordRegistered: DomainEvent, Equatable {
    public static let type = "record.registered"
    public var at: Day
    public var record: String
    public var unit: String
    public var title: String
    public var documentNumber: String?
    /// When the information was created (the 20-working-day publication clock starts here).
    public var created: Day
    public var summary: String
    /// The government term the record belongs to, e.g. "2007-2011".
    public var term: String?

    public init(at: Day, record: String, unit: String, title: String, documentNumber: String? = nil, created: Day, summary: String, term: String? = nil) {
        (self.at, self.record, self.unit, self.title, self.documentNumber, self.created, self.summary, self.term) =
            (at, record, unit, title, documentNumber, created, summary, term)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), record: try f.string("record"), unit: try f.string("unit"), title: try f.string("title"),
            documentNumber: try f.optionalString("documentNumber"), created: try f.day("created"),
            summary: try f.optionalString("summary") ?? "", term: try f.optionalString("term"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("unit", unit)
        b.add("title", title)
        b.add("documentNumber", documentNumber)
        b.add("created", created.description)
        b.add("summary", summary)
        b.add("term", term)
        return b.json
    }
}
