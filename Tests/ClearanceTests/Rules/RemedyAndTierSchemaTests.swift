import EventLog
import Testing

@testable import Clearance

/// Reference events that arrive after the seed are hostile input too: a remedies, tiers or rule-set
/// declaration the engine could not read is refused, never folded as nothing.
@Suite struct ReferenceEventSchemaTests {
    func refusal(_ type: String, _ data: JSONValue) throws -> RuleViolation? {
        let f = try RuleFixture()
        do { try ClearanceRules(state: f.state, actor: "office.chen").checkReference(type: type, data: data) } catch let v as RuleViolation { return v }
        return nil
    }

    @Test func unreadableDeclarationsAreRefusedNamingTheField() throws {
        let at: (key: String, value: JSONValue) = ("at", .string("2026-12-07"))
        let law = try refusal(ReferenceEventType.remediesDeclared, .object([at, ("laws", .array([.object([("id", .string("x")), ("kind", .string("appeal"))])]))]))
        #expect(law?.rule == .schema && law?.description.contains("laws[0]") == true)
        let tier = try refusal(ReferenceEventType.tiersDeclared, .object([at, ("tiers", .array([.object([("tier", .integer(4)), ("zh", .string("省级"))])]))]))
        #expect(tier?.rule == .schema && tier?.description.contains("tiers[0]") == true)
        let rules = try refusal(ReferenceEventType.ruleSetDeclared, .object([at, ("id", .string("2030")), ("effective", .string("2030-01-01"))]))
        #expect(rules?.rule == .schema && rules?.description.contains("workingDays") == true)
        let byClerk = try RuleFixture()
        #expect(refused(by: .role) {
            try ClearanceRules(state: byClerk.state, actor: "clerk.wang").checkReference(type: ReferenceEventType.tiersDeclared, data: .object([at, ("tiers", .array([]))]))
        })
    }
}
