import EventLog

/// An applicant challenged a unit's disclosure decision: an administrative reconsideration, or a
/// lawsuit (straight to court, or after a reconsideration). The annual report counts them by how
/// they ended (2019 format table 四: 维持, 纠正, 其他, 尚未审结).
public struct RemedyFiled: DomainEvent, Equatable {
    public static let type = "remedy.filed"
    public enum Kind: String, Sendable, CaseIterable { case reconsideration, litigation }
    public enum Route: String, Sendable, CaseIterable { case direct, afterReconsideration = "after-reconsideration" }

    public var at: Day
    public var remedyCase: String
    public var kind: Kind
    /// The unit whose decision is challenged.
    public var unit: String
    /// The request it concerns, where it arose from one.
    public var request: String?
    /// For a lawsuit: straight to court, or after a reconsideration.
    public var route: Route?

    public init(at: Day, remedyCase: String, kind: Kind, unit: String, request: String? = nil, route: Route? = nil) {
        (self.at, self.remedyCase, self.kind, self.unit, self.request, self.route) = (at, remedyCase, kind, unit, request, route)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        let kind = try f.oneOf("kind", Kind.self)
        self.init(
            at: try f.day("at"), remedyCase: try f.string("case"), kind: kind, unit: try f.string("unit"), request: try f.optionalString("request"),
            route: kind == .litigation ? try f.oneOf("route", Route.self) : nil)
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("case", remedyCase)
        b.add("kind", kind.rawValue)
        b.add("unit", unit)
        b.add("request", request)
        b.add("route", route?.rawValue)
        return b.json
    }
}

/// A reconsideration or lawsuit was decided: the decision upheld, corrected (revoked, changed,
/// ordered to be redone), or ended otherwise (withdrawn, dismissed).
public struct RemedyDecided: DomainEvent, Equatable {
    public static let type = "remedy.decided"
    public enum Outcome: String, Sendable, CaseIterable { case upheld, corrected, other }

    public var at: Day
    public var remedyCase: String
    public var outcome: Outcome

    public init(at: Day, remedyCase: String, outcome: Outcome) { (self.at, self.remedyCase, self.outcome) = (at, remedyCase, outcome) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), remedyCase: try f.string("case"), outcome: try f.oneOf("outcome", Outcome.self))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("case", remedyCase)
        b.add("outcome", outcome.rawValue)
        return b.json
    }
}
