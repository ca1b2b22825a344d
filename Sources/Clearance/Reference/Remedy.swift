import EventLog

/// A law that gives the applicant a remedy against a disclosure decision (remedies.json, one
/// `remedies.declared` event): administrative reconsideration or litigation, each as in force on the
/// decision date. They changed inside one disclosure rule set (the litigation limit went from 3 to 6
/// months on 2015-05-01; from 2024-01-01 a refusal to disclose goes to reconsideration first), so they
/// are dated data of their own, chosen by `ReferenceData.remedy(_:on:)`.
public struct Remedy: Sendable, Equatable {
    public enum Kind: String, Sendable { case reconsideration, litigation }

    public enum Limit: Sendable, Equatable {
        case days(Int)
        case months(Int)
    }

    public let id: String
    public let kind: Kind
    public let name: String
    public let effective: Day
    /// How long after learning of the decision the applicant may apply or sue.
    public let limit: Limit
    public let article: String
    /// Litigation after a reconsideration decision: within these days of receiving it (and its article).
    public let afterReconsideration: (days: Int, article: String)?
    /// The decisions that must go to reconsideration before a court (and the article that says so).
    public let reconsiderationFirst: (decisions: [String], article: String)?
    /// Who hears a reconsideration against a department, and against a government (with articles).
    public let departmentBody: (name: String, article: String)?
    public let governmentBody: (name: String, article: String)?

    public static func == (a: Remedy, b: Remedy) -> Bool { a.id == b.id && a.effective == b.effective }

    /// Nil when the id, kind, effective date, limit or article is missing.
    init?(_ json: JSONValue) {
        guard let id = json["id"]?.stringValue, let kind = json["kind"]?.stringValue.flatMap(Kind.init),
            let effective = json["effective"]?.stringValue.flatMap(Day.init), let article = json["article"]?.stringValue
        else { return nil }
        if let days = json["limit"]?["days"]?.intValue {
            limit = .days(days)
        } else if let months = json["limit"]?["months"]?.intValue {
            limit = .months(months)
        } else {
            return nil
        }
        (self.id, self.kind, self.effective, self.article) = (id, kind, effective, article)
        name = json["zh"]?.stringValue ?? id
        if let after = json["afterReconsideration"], let days = after["days"]?.intValue {
            afterReconsideration = (days, after["article"]?.stringValue ?? "?")
        } else {
            afterReconsideration = nil
        }
        func body(_ who: String) -> (String, String)? {
            guard let body = json["bodies"]?[who], let name = body["zh"]?.stringValue else { return nil }
            return (name, body["article"]?.stringValue ?? "?")
        }
        departmentBody = body("department")
        governmentBody = body("government")
        if let first = json["reconsiderationFirst"], let decisions = first["for"]?.arrayValue?.compactMap(\.stringValue) {
            reconsiderationFirst = (decisions, first["article"]?.stringValue ?? "?")
        } else {
            reconsiderationFirst = nil
        }
    }
}
