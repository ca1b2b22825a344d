import EventLog
import Testing

@testable import Clearance

/// A report's figures from the log: requests received in the year, carried over from the one before,
/// handled by outcome and carried forward; the table balances; a filing that differs is refused,
/// naming the requests behind the difference.
@Suite struct AnnualFiguresTests {
    static let recorded = Day("2010-06-30")!

    static func fixture() throws -> RuleFixture {
        var f = try RuleFixture()
        func receive(_ id: String, _ day: String) throws {
            try f.apply(RequestReceived(at: Day(day)!, request: id, unit: RuleFixture.unit, applicant: "张三", description: "资金"), by: "clerk.wang", recorded: recorded)
        }
        func answer(_ id: String, _ day: String, _ outcome: String, basis: String? = nil) throws {
            let event = ClearanceEvent.requestStep(RequestStep(kind: .answered, at: Day(day)!, request: id, outcome: outcome, basis: basis))
            try ClearanceRules(state: f.state, actor: "clerk.wang").check(event, recorded: recorded)
            f.state.evolve(event, actor: "clerk.wang", seq: f.state.seq + 1)
            f.state.seq += 1
        }
        try receive("Q-1", "2008-06-02")
        try answer("Q-1", "2008-06-10", "disclosed")
        try receive("Q-2", "2008-12-22")
        try answer("Q-2", "2009-01-12", "partly-disclosed", basis: "personal-privacy")
        try receive("Q-3", "2008-12-29")
        try receive("Q-4", "2009-02-02")
        try answer("Q-4", "2009-02-10", "not-exist")
        return f
    }

    @Test func requestsAreCountedAcrossTheYearBoundary() throws {
        let f = try Self.fixture()
        let y2008 = AnnualFigures(unit: RuleFixture.unit, year: 2008, state: f.state).total
        #expect((y2008.received, y2008.carriedOver, y2008.handledTotal, y2008.carriedForward) == (3, 0, 1, 2))
        #expect(y2008.handled == ["disclosed": 1])
        let y2009 = AnnualFigures(unit: RuleFixture.unit, year: 2009, state: f.state).total
        #expect((y2009.received, y2009.carriedOver, y2009.handledTotal, y2009.carriedForward) == (1, 2, 2, 1))
        #expect(y2009.handled == ["partly-disclosed": 1, "not-exist": 1])
        #expect(y2009.balances && y2008.balances)
    }

    @Test func aFilingMustCarryTheLogsFiguresAndBalance() throws {
        var f = try Self.fixture()
        let narrative = ["overview": "概述", "staff-and-funding": "办公室", "problems": "问题", "notes": "无"]
        var figures = AnnualFigures(unit: RuleFixture.unit, year: 2008, state: f.state)
        figures.requests[0].received = 2
        figures.requests[0].carriedForward = 1
        let wrong = ReportFiled(at: Day("2009-03-10")!, unit: RuleFixture.unit, year: 2008, figures: figures, narrative: narrative, staffFullTime: 1, funding: 0)
        do {
            try f.apply(wrong, by: "clerk.wang", recorded: Self.recorded)
            Issue.record("a filing with other figures than the log's was accepted")
        } catch let violation as RuleViolation {
            #expect(violation.description.contains("Q-1") && violation.description.contains("Q-2") && violation.description.contains("Q-3"), "\(violation)")
        }
        var unbalanced = AnnualFigures(unit: RuleFixture.unit, year: 2008, state: f.state)
        unbalanced.requests[0].received += 1
        #expect(refused(by: .schema) { try f.apply(ReportFiled(at: Day("2009-03-10")!, unit: RuleFixture.unit, year: 2008, figures: unbalanced, narrative: narrative, staffFullTime: 1, funding: 0), by: "clerk.wang", recorded: Self.recorded) })
        let right = AnnualFigures(unit: RuleFixture.unit, year: 2008, state: f.state)
        var lacking = narrative
        lacking["problems"] = " "
        #expect(refused(by: .schema) { try f.apply(ReportFiled(at: Day("2009-03-10")!, unit: RuleFixture.unit, year: 2008, figures: right, narrative: lacking, staffFullTime: 1, funding: 0), by: "clerk.wang", recorded: Self.recorded) }, "a part the 2008 form has the unit write is missing")
        #expect(refused(by: .transition) { try f.apply(ReportPublished(at: Day("2009-03-12")!, unit: RuleFixture.unit, year: 2008), by: "clerk.wang", recorded: Self.recorded) }, "published before it is filed")
        try f.apply(ReportFiled(at: Day("2009-03-10")!, unit: RuleFixture.unit, year: 2008, figures: right, narrative: narrative, staffFullTime: 1, funding: 0), by: "clerk.wang", recorded: Self.recorded)
        #expect(refused(by: .uniqueness) { try f.apply(ReportFiled(at: Day("2009-03-11")!, unit: RuleFixture.unit, year: 2008, figures: right, narrative: narrative, staffFullTime: 1, funding: 0), by: "clerk.wang", recorded: Self.recorded) })
        try f.apply(ReportPublished(at: Day("2009-03-12")!, unit: RuleFixture.unit, year: 2008), by: "clerk.wang", recorded: Self.recorded)
        let deadlines = ReportDeadlines(unit: RuleFixture.unit, year: 2008, reference: f.state.reference)
        #expect(deadlines.publishing == Day("2009-03-31") && deadlines.filing == nil, "a district bureau publishes by 03-31 and files with no city deadline (成办函〔2009〕54号)")
        #expect(ReportDeadlines(unit: "cd-fgw", year: 2008, reference: f.state.reference).filing == Day("2009-03-20"))
        #expect(ReportDeadlines(unit: "cd-fgw", year: 2019, reference: f.state.reference).publishing == Day("2020-01-31"), "2019 Art. 49: departments by 31 January")
    }

    @Test func aReconsiderationChallengesADecisionAlreadyMade() throws {
        var f = try Self.fixture()
        #expect(refused(by: .transition) { try f.apply(RemedyFiled(at: Day("2009-01-05")!, remedyCase: "FY-1", kind: .reconsideration, unit: RuleFixture.unit, request: "Q-3"), by: "clerk.wang", recorded: Self.recorded) }, "Q-3 is not answered")
        try f.apply(RemedyFiled(at: Day("2008-07-01")!, remedyCase: "FY-1", kind: .reconsideration, unit: RuleFixture.unit, request: "Q-1"), by: "clerk.wang", recorded: Self.recorded)
        try f.apply(RemedyFiled(at: Day("2008-07-02")!, remedyCase: "SS-1", kind: .litigation, unit: RuleFixture.unit, request: "Q-1", route: .direct), by: "clerk.wang", recorded: Self.recorded)
        try f.apply(RemedyDecided(at: Day("2008-09-01")!, remedyCase: "FY-1", outcome: .upheld), by: "clerk.wang", recorded: Self.recorded)
        let figures = AnnualFigures(unit: RuleFixture.unit, year: 2008, state: f.state)
        #expect(figures.remedies == ["reconsideration": ["upheld": 1], "litigation/direct": ["pending": 1]])
    }
}
