import EventLog
import Testing

@testable import Clearance

@Suite struct RequestRulesTests {
    func received(_ f: inout RuleFixture, on day: String = "2008-01-28") throws {
        try f.apply(RequestReceived(at: Day(day)!, request: "Q-1", unit: RuleFixture.unit, applicant: "张三", description: "2007年道路维修资金"), by: "clerk.wang")
    }

    func step(_ kind: RequestStep.Kind, _ f: inout RuleFixture, on day: String = "2008-02-01") throws {
        let step = RequestStep(
            kind: kind, at: Day(day)!, request: "Q-1", outcome: kind == .answered ? "disclosed" : nil,
            approvedBy: kind == .extended ? "主任" : nil, note: kind == .answered ? nil : "说明")
        let event = ClearanceEvent.requestStep(step)
        try ClearanceRules(state: f.state, actor: "clerk.wang").check(event, recorded: Day("2008-06-30")!)
        f.state.evolve(event, actor: "clerk.wang", seq: f.state.seq + 1)
    }

    @Test func aRequestIsExtendedOnceAndAnsweredOnce() throws {
        var f = try RuleFixture()
        try received(&f)
        try step(.extended, &f)
        #expect(refused(by: .deadline) { try step(.extended, &f) })
        try step(.answered, &f)
        #expect(refused(by: .transition) { try step(.answered, &f) })
    }

    @Test func aCorrectionPausesTheClock() throws {
        var f = try RuleFixture()
        try received(&f)
        try step(.correctionAsked, &f, on: "2008-01-30")
        #expect(refused(by: .transition) { try step(.answered, &f) })
        #expect(refused(by: .transition) { try step(.extended, &f) })
        try step(.corrected, &f, on: "2008-02-14")
        #expect(f.state.requests["Q-1"]?.clockStart == Day("2008-02-14"))
        try step(.answered, &f, on: "2008-02-20")
    }

    @Test func answersUseTheReportsOutcomeRows() throws {
        var f = try RuleFixture()
        try received(&f)
        let bad = ClearanceEvent.requestStep(RequestStep(kind: .answered, at: Day("2008-02-01")!, request: "Q-1", outcome: "maybe"))
        #expect(refused(by: .reference) { try ClearanceRules(state: f.state, actor: "clerk.wang").check(bad, recorded: Day("2008-06-30")!) })
    }

    @Test func theRuleSetFollowsTheDate() throws {
        let f = try RuleFixture()
        #expect(f.state.reference.ruleSet(on: Day("2008-01-28")!)?.id == "2007")
        #expect(f.state.reference.ruleSet(on: Day("2019-05-15")!)?.id == "2019")
        #expect(f.state.reference.ruleSet(on: Day("2007-01-01")!) == nil)
    }

    @Test func feedbackIsAnsweredOnceAfterItArrives() throws {
        var f = try RuleFixture()
        try f.apply(FeedbackReceived(at: Day("2008-03-03")!, feedback: "F-1", unit: RuleFixture.unit, text: "目录缺少文号"), by: "clerk.wang")
        #expect(refused(by: .businessDate) { try f.apply(FeedbackAnswered(at: Day("2008-03-01")!, feedback: "F-1", answer: "已补"), by: "clerk.wang") })
        try f.apply(FeedbackAnswered(at: Day("2008-03-05")!, feedback: "F-1", answer: "已补"), by: "clerk.wang")
        #expect(refused(by: .transition) { try f.apply(FeedbackAnswered(at: Day("2008-03-06")!, feedback: "F-1", answer: "again"), by: "clerk.wang") })
    }
}
