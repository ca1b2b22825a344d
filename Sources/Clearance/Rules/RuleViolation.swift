/// A refusal: which rule, and why, in words that name the record, person, unit or date concerned.
public struct RuleViolation: Error, Equatable, CustomStringConvertible {
    public enum Rule: String, Sendable {
        case schema, reference, transition, role, separationOfDuties = "separation-of-duties", exemption
        case businessDate = "business-date", indexNumber = "index-number", uniqueness, deadline
    }

    public let rule: Rule
    public let message: String

    public init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String { "refused by the \(rule.rawValue) rule: \(message)" }
}
