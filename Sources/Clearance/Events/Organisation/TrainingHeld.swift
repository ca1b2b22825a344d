import EventLog

/// A training of stage 1 or 5 was held for the units it names.
public struct TrainingHeld: DomainEvent, Equatable {
    public static let type = "training.held"
    public var at: Day
    public var stage: Int
    public var title: String
    public var units: [String]

    public init(at: Day, stage: Int, title: String, units: [String]) { (self.at, self.stage, self.title, self.units) = (at, stage, title, units) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), stage: try f.int("stage", in: 1...7), title: try f.string("title"), units: try f.strings("units"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("stage", stage)
        b.add("title", title)
        b.add("units", units)
        return b.json
    }
}
