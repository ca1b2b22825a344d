import EventLog

/// A request for disclosure (依申请公开) was received; `at` is the day of receipt.
public struct RequestReceived: DomainEvent, Equatable {
    public static let type = "request.received"
    public var at: Day
    public var request: String
    public var unit: String
    public var applicant: String
    public var description: String
    /// The kind of applicant, a column of the annual-report table of the rule set in force
    /// (request-outcomes.json `columns`: natural-person, commercial-enterprise…); required where that
    /// table has columns (2019), absent in older logs.
    public var applicantKind: String?

    public init(at: Day, request: String, unit: String, applicant: String, description: String, applicantKind: String? = nil) {
        (self.at, self.request, self.unit, self.applicant, self.description) = (at, request, unit, applicant, description)
        self.applicantKind = applicantKind
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), request: try f.string("request"), unit: try f.string("unit"),
            applicant: try f.string("applicant"), description: try f.string("description"),
            applicantKind: try f.optionalString("applicantKind"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("request", request)
        b.add("unit", unit)
        b.add("applicant", applicant)
        b.add("description", description)
        b.add("applicantKind", applicantKind)
        return b.json
    }
}
