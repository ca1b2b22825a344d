import EventLog

/// A record corrected in the open: what changed, what it said before, and why. Before publication a
/// clerk corrects a mistyped title, document number or creation date (stages and deadlines then
/// follow the corrected dates); after publication the published information itself is corrected, and
/// its publication clock starts again (2007 Art. 18: 20 working days from a change).
public struct RecordCorrected: DomainEvent, Equatable {
    public static let type = "record.corrected"
    public var at: Day
    public var record: String
    public var title: String?
    public var summary: String?
    public var documentNumber: String?
    public var created: Day?
    /// What the corrected fields said before (same keys), so that the log itself shows the change:
    /// the rules check it against the record as it stands. Absent in logs written before it existed.
    public var before: Before?
    public var reason: String

    public struct Before: Sendable, Equatable {
        public var title: String?
        public var summary: String?
        public var documentNumber: String?
        public var created: Day?

        public init(title: String? = nil, summary: String? = nil, documentNumber: String? = nil, created: Day? = nil) {
            (self.title, self.summary, self.documentNumber, self.created) = (title, summary, documentNumber, created)
        }
    }

    public init(
        at: Day, record: String, title: String? = nil, summary: String? = nil, documentNumber: String? = nil, created: Day? = nil,
        before: Before? = nil, reason: String
    ) {
        (self.at, self.record, self.title, self.summary, self.documentNumber, self.reason) =
            (at, record, title, summary, documentNumber, reason)
        (self.created, self.before) = (created, before)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        var before: Before?
        if let was = data["before"] {
            let b = try Fields(type: Self.type + " before", was)
            before = Before(
                title: try b.optionalString("title"), summary: try b.optionalString("summary"),
                documentNumber: try b.optionalString("documentNumber"), created: try b.optionalDay("created"))
        }
        self.init(
            at: try f.day("at"), record: try f.string("record"), title: try f.optionalString("title"),
            summary: try f.optionalString("summary"), documentNumber: try f.optionalString("documentNumber"),
            created: try f.optionalDay("created"), before: before, reason: try f.string("reason"))
        if title == nil && summary == nil && documentNumber == nil && created == nil {
            throw f.fail("title", "or summary, documentNumber or created must say what is corrected")
        }
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("title", title)
        b.add("summary", summary)
        b.add("documentNumber", documentNumber)
        b.add("created", created?.description)
        if let before {
            var was = DataBuilder()
            was.add("title", before.title)
            was.add("summary", before.summary)
            was.add("documentNumber", before.documentNumber)
            was.add("created", before.created?.description)
            b.add("before", was.json)
        }
        b.add("reason", reason)
        return b.json
    }

    /// "title: 旧 → 新; created: 2008-01-10 → 2008-01-12": what the audit trail shows.
    public var changes: String {
        var parts: [String] = []
        func add(_ name: String, _ old: String?, _ new: String?) {
            guard let new else { return }
            parts.append("\(name): \(old ?? "?") → \(new)")
        }
        add("title", before?.title, title)
        add("summary", before?.summary, summary)
        add("documentNumber", before?.documentNumber, documentNumber)
        add("created", before?.created?.description, created?.description)
        return parts.joined(separator: "; ")
    }
}
