import EventLog
import Testing

@testable import Clearance

/// A state with the seed's reference data, a general office, roles in one unit and its norm:
/// the starting point of every rule test. Events go through the rules one by one, as the service does.
struct RuleFixture {
    static let unit = "jinjiang-jsj"
    static let day = Day("2007-12-20")!
    var state = ClearanceState()

    init() throws {
        for event in try ReferenceDataTests.referenceEvents() { state.reference.evolve(type: event.type, data: event.data) }
        state.roles["office.chen"] = [.generalOffice: []]
        try apply(RoleGranted(at: Self.day, person: "clerk.wang", role: .clerk, units: [Self.unit]), by: "office.chen")
        try apply(RoleGranted(at: Self.day, person: "clerk.li", role: .clerk, units: [Self.unit]), by: "office.chen")
        try apply(RoleGranted(at: Self.day, person: "reviewer.zhang", role: .reviewer, units: [Self.unit]), by: "office.chen")
        try apply(RoleGranted(at: Self.day, person: "reviewer.zhao", role: .reviewer, units: [Self.unit]), by: "office.chen")
        try apply(RoleGranted(at: Self.day, person: "publisher.li", role: .publisher, units: [Self.unit]), by: "office.chen")
        try apply(RoleGranted(at: Self.day, person: "auditor.sun", role: .auditor, units: []), by: "office.chen")
        try apply(NormAdopted(at: Self.day, unit: Self.unit, classes: [
            .init(id: "plans", name: "规划计划", keyItems: ["10-02", "11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
            .init(id: "procurement", name: "政府采购", keyItems: ["10-06"], form: "portal", timeLimitDays: 20, review: .twoLevel, office: "财务科"),
        ], feedbackDays: 15), by: "clerk.wang")
    }

    /// Checks then applies; throws the `RuleViolation` if refused (the state is then unchanged).
    mutating func apply(_ event: some DomainEvent, by actor: String, recorded: Day = Day("2008-06-30")!) throws {
        let decoded = try #require(try ClearanceEvent.decode(type: type(of: event).type, data: event.data))
        try ClearanceRules(state: state, actor: actor).check(decoded, recorded: recorded)
        state.evolve(decoded, actor: actor, seq: state.seq + 1)
        state.seq += 1
    }

    mutating func register(_ record: String = "R-1", by actor: String = "clerk.wang") throws {
        try apply(RecordRegistered(at: Self.day, record: record, unit: Self.unit, title: "通知", created: Self.day, summary: ""), by: actor)
    }

    mutating func classify(_ record: String = "R-1", _ disclosure: Disclosure = .proactive, basis: String? = nil, contentClass: String = "plans", by actor: String = "clerk.wang") throws {
        try apply(RecordClassified(at: Self.day, record: record, contentClass: contentClass, keyItem: nil, disclosure: disclosure, basis: basis), by: actor)
    }

    mutating func review(_ record: String = "R-1", level: Int = 1, approve: Bool = true, by actor: String = "reviewer.zhang") throws {
        try apply(RecordReviewed(
            at: Self.day, record: record, level: level, secrecy: .passed, accuracy: approve ? .passed : .failed,
            outcome: approve ? .approved : .returned, checked: "密级、文号", grounds: approve ? "同意公开" : "请核对"), by: actor)
    }

    mutating func publish(_ record: String = "R-1", number: String? = nil, by actor: String = "publisher.li") throws {
        let next = IndexNumber.next(for: Self.unit, year: Self.day.year, in: state).description
        try apply(RecordPublished(at: Self.day, record: record, indexNumber: number ?? next, channel: "portal"), by: actor)
    }
}

/// Whether `body` is refused by `rule`.
func refused(by rule: RuleViolation.Rule, _ body: () throws -> Void) -> Bool {
    do {
        try body()
        return false
    } catch let violation as RuleViolation {
        return violation.rule == rule
    } catch {
        return false
    }
}
