import EventLog

/// A request for disclosure (依申请公开) was received; `at` is the day of receipt.
public struct RequestReceived: DomainEvent, Equatable {
    public static let type = "request.received"
    public var at: Day
    public var request: String
    public var unit: String
    public var applicant: String
    public var description: String

    public init(at: Day, request: String, unit: String, applicant: String, description: String) {
        (self.at, self.request, self.unit, self.applicant, self.description) = (at, request, unit, applicant, description)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), request: try f.string("request"), unit: try f.string("unit"),
            applicant: try f.string("applicant"), description: try f.string("description"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("request", request)
        b.add("unit", unit)
        b.add("applicant", applicant)
        b.add("description", description)
        return b.json
    }
}
