import EventLog

/// An inspector of the general office found something wrong at a unit (督查): what, to be remedied
/// by a day. It stays open, in progress and the assessment, until the unit records the remedy.
public struct InspectionFinding: DomainEvent, Equatable {
    public static let type = "inspection.finding"
    public var at: Day
    public var finding: String
    public var unit: String
    /// What is wrong, in the inspector's words.
    public var about: String
    public var remedyBy: Day
    /// The record, request or feedback it concerns, if one.
    public var item: String?

    public init(at: Day, finding: String, unit: String, about: String, remedyBy: Day, item: String? = nil) {
        (self.at, self.finding, self.unit, self.about, self.remedyBy, self.item) = (at, finding, unit, about, remedyBy, item)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), finding: try f.string("finding"), unit: try f.string("unit"), about: try f.string("about"),
            remedyBy: try f.day("remedyBy"), item: try f.optionalString("item"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("finding", finding)
        b.add("unit", unit)
        b.add("about", about)
        b.add("remedyBy", remedyBy.description)
        b.add("item", item)
        return b.json
    }
}

/// The unit remedied an inspection finding, and says how.
public struct InspectionRemedied: DomainEvent, Equatable {
    public static let type = "inspection.remedied"
    public var at: Day
    public var finding: String
    public var note: String

    public init(at: Day, finding: String, note: String) { (self.at, self.finding, self.note) = (at, finding, note) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), finding: try f.string("finding"), note: try f.string("note"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("finding", finding)
        b.add("note", note)
        return b.json
    }
}
