import EventLog
import Testing

@testable import Clearance

/// 2019 Art. 18: withheld information is reassessed periodically and disclosed when circumstances
/// change. The interval is the rule set's (the seed's 12 months: the article names none); the 2007
/// rules ask for no such thing, so a record withheld in 2007 is first due an interval after 2019-05-15.
@Suite struct ReassessmentTests {
    static let recorded = Day("2026-12-07")!

    /// R-1 withheld as a state secret on 2007-12-20 (the fixture's day).
    static func withheld() throws -> RuleFixture {
        var f = try RuleFixture()
        try f.register()
        try f.classify("R-1", .exempt, basis: "state-secret")
        try f.review()
        return f
    }

    @Test func theClockStartsWithThe2019RulesAndMovesOnWithEachReassessment() throws {
        var f = try Self.withheld()
        let record = try #require(f.state.records["R-1"])
        #expect(ReassessmentClock(of: record, in: f.state, on: Day("2019-05-14")!) == nil, "the 2007 rules ask for none")
        let clock = try #require(ReassessmentClock(of: record, in: f.state, on: Day("2020-06-01")!))
        #expect(clock.ruleSet == "2019" && clock.start == Day("2019-05-15") && clock.due == Day("2020-05-15"))
        try f.apply(RecordReassessed(at: Day("2020-06-01")!, record: "R-1", conclusion: .keepWithheld, grounds: "仍属国家秘密"), by: "reviewer.zhang", recorded: Self.recorded)
        let next = try #require(ReassessmentClock(of: f.state.records["R-1"]!, in: f.state, on: Day("2020-06-02")!))
        #expect(next.due == Day("2021-06-01"))
    }

    @Test func keptWithheldItStandsOnABasisOfTheRulesOfTheDay() throws {
        var f = try Self.withheld()
        let bad = RecordReassessed(at: Day("2020-06-01")!, record: "R-1", conclusion: .keepWithheld, basis: "inconvenient", grounds: "不便公开")
        #expect(refused(by: .exemption) { try f.apply(bad, by: "reviewer.zhang", recorded: Self.recorded) })
        let byClerk = RecordReassessed(at: Day("2020-06-01")!, record: "R-1", conclusion: .keepWithheld, grounds: "仍属国家秘密")
        #expect(refused(by: .role) { try f.apply(byClerk, by: "clerk.wang", recorded: Self.recorded) })
        // process-information is a basis of the 2019 rules: valid for a reassessment in 2020.
        try f.apply(RecordReassessed(at: Day("2020-06-01")!, record: "R-1", conclusion: .keepWithheld, basis: "process-information", grounds: "属过程性信息"), by: "reviewer.zhang", recorded: Self.recorded)
    }

    @Test func disclosedItGoesBackToClassificationAndOnlyWithheldRecordsAreReassessed() throws {
        var f = try Self.withheld()
        try f.apply(RecordReassessed(at: Day("2020-06-01")!, record: "R-1", conclusion: .disclose, grounds: "已解密"), by: "reviewer.zhang", recorded: Self.recorded)
        #expect(f.state.records["R-1"]?.status == .registered)
        #expect(ReassessmentClock(of: f.state.records["R-1"]!, in: f.state, on: Day("2021-06-01")!) == nil, "no longer withheld")
        try f.register("R-2")
        try f.classify("R-2")
        try f.review("R-2")
        #expect(refused(by: .transition) {
            try f.apply(RecordReassessed(at: Day("2020-06-01")!, record: "R-2", conclusion: .disclose, grounds: "x"), by: "reviewer.zhang", recorded: Self.recorded)
        })
    }

    @Test(arguments: [("2008-01-31", 1, "2008-02-29"), ("2019-05-15", 12, "2020-05-15"), ("2007-12-20", 3, "2008-03-20"), ("2019-01-31", 1, "2019-02-28")])
    func monthsAreAddedToTheSameDayOrTheMonthsLast(start: String, months: Int, expected: String) {
        #expect(Day(start)!.adding(months: months) == Day(expected))
    }
}
