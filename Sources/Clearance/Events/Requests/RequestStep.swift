import EventLog

/// The steps of a request after receipt: a correction asked and received, an extension, the answer.
/// They share one shape (`request`, a note or reason, and for some a further field), so one type
/// serves them, told apart by `kind`.
public struct RequestStep: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case correctionAsked = "request.correction-asked"
        case corrected = "request.corrected"
        case extended = "request.extended"
        case answered = "request.answered"
    }

    public var kind: Kind
    public var at: Day
    public var request: String
    /// The answer's outcome row (request-outcomes.json), for `answered`.
    public var outcome: String?
    /// Who approved the extension, for `extended`.
    public var approvedBy: String?
    public var note: String?
    /// For `correctionAsked`: the day the agency gives the applicant to correct the request by.
    public var correctBy: Day?
    /// For `answered`: the exemption basis of what is withheld (required for a partial disclosure;
    /// a refusal's row names its own), and the body competent to disclose, where this one is not
    /// and knows which is (2007 Art. 21(3); 2019 Art. 36(5)).
    public var basis: String?
    public var competentBody: String?

    public init(
        kind: Kind, at: Day, request: String, outcome: String? = nil, approvedBy: String? = nil, note: String? = nil, correctBy: Day? = nil,
        basis: String? = nil, competentBody: String? = nil
    ) {
        (self.kind, self.at, self.request, self.outcome, self.approvedBy, self.note) = (kind, at, request, outcome, approvedBy, note)
        (self.correctBy, self.basis, self.competentBody) = (correctBy, basis, competentBody)
    }

    public init(kind: Kind, data: JSONValue) throws {
        let f = try Fields(type: kind.rawValue, data)
        self.init(
            kind: kind, at: try f.day("at"), request: try f.string("request"),
            outcome: kind == .answered ? try f.string("outcome") : nil,
            approvedBy: kind == .extended ? try f.string("approvedBy") : nil,
            note: kind == .correctionAsked || kind == .extended ? try f.string(kind == .extended ? "reason" : "note") : try f.optionalString("note"),
            correctBy: kind == .correctionAsked ? try f.optionalDay("correctBy") : nil,
            basis: kind == .answered ? try f.optionalString("basis") : nil,
            competentBody: kind == .answered ? try f.optionalString("competentBody") : nil)
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("request", request)
        b.add("outcome", outcome)
        b.add("approvedBy", approvedBy)
        b.add(kind == .extended ? "reason" : "note", note)
        b.add("correctBy", correctBy?.description)
        b.add("basis", basis)
        b.add("competentBody", competentBody)
        return b.json
    }

    public func entry(actor: String, id: String? = nil) -> NewEntry {
        NewEntry(id: id, actor: actor, type: kind.rawValue, data: data)
    }
}
