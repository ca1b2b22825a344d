import EventLog

/// The general office records that a unit reached a stage's milestone (a training held, the system built…).
public struct StageMilestoneReached: DomainEvent, Equatable {
    public static let type = "stage.milestone-reached"
    public var at: Day
    public var stage: Int
    public var unit: String
    public var note: String?

    public init(at: Day, stage: Int, unit: String, note: String? = nil) { (self.at, self.stage, self.unit, self.note) = (at, stage, unit, note) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), stage: try f.int("stage", in: 1...7), unit: try f.string("unit"), note: try f.optionalString("note"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("stage", stage)
        b.add("unit", unit)
        b.add("note", note)
        return b.json
    }
}
