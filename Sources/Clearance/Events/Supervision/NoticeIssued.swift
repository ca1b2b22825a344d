import EventLog

/// The general office issued a progress notice (工作进展通报) to the units. The text issued is kept
/// beside the log under its SHA-256 (`document`), so what the office told the units, and when, stays
/// part of the history even after the software that wrote it changes.
public struct NoticeIssued: DomainEvent, Equatable {
    public static let type = "notice.issued"
    public var at: Day
    /// Its number within the year, as printed (第N期), and the year it counts in.
    public var number: Int
    public var title: String
    /// The day whose progress it reports.
    public var judged: Day
    /// The stage it is limited to, if any, and the district, if any.
    public var stage: Int?
    public var district: String?
    /// The SHA-256 (lowercase hex) of the text issued, stored in the log's `documents/` folder.
    public var document: String

    public init(at: Day, number: Int, title: String, judged: Day, stage: Int? = nil, district: String? = nil, document: String) {
        (self.at, self.number, self.title, self.judged, self.stage, self.district, self.document) = (at, number, title, judged, stage, district, document)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        let document = try f.string("document")
        guard document.count == 64, document.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw f.fail("document", "must be a SHA-256 in lowercase hex (64 characters)")
        }
        self.init(
            at: try f.day("at"), number: try f.int("number", in: 1...999), title: try f.string("title"), judged: try f.day("judged"),
            stage: data["stage"] == nil || data["stage"] == .null ? nil : try f.int("stage", in: 1...7),
            district: try f.optionalString("district"), document: document)
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("number", number)
        b.add("title", title)
        b.add("judged", judged.description)
        if let stage { b.add("stage", stage) }
        b.add("district", district)
        b.add("document", document)
        return b.json
    }
}
