import EventLog
import Testing

@testable import Clearance

/// A request follows the rule set in force on its day of receipt (docs/rules.md): its outcomes, its
/// correction step and its time limits; a clock every view reads the same way (`RequestClock`).
@Suite struct RuleSetByDateTests {
    static let recorded = Day("2026-12-07")!

    func receive(_ f: inout RuleFixture, _ id: String, on day: String) throws {
        // From 2019-05-15 the report counts requests by kind of applicant: a request says which.
        let kind = day >= "2019-05-15" ? "natural-person" : nil
        try f.apply(
            RequestReceived(at: Day(day)!, request: id, unit: RuleFixture.unit, applicant: "张三", description: "道路维修资金", applicantKind: kind),
            by: "clerk.wang", recorded: Self.recorded)
    }

    func step(_ f: inout RuleFixture, _ step: RequestStep) throws {
        let event = ClearanceEvent.requestStep(step)
        try ClearanceRules(state: f.state, actor: "clerk.wang").check(event, recorded: Self.recorded)
        f.state.evolve(event, actor: "clerk.wang", seq: f.state.seq + 1)
        f.state.seq += 1
    }

    func violation(_ body: () throws -> Void) -> RuleViolation? {
        do { try body() } catch let v as RuleViolation { return v } catch {}
        return nil
    }

    @Test func anOutcomeOfThe2019TemplateIsRefusedFor2008AndNamesTheRuleSet() throws {
        var f = try RuleFixture()
        try receive(&f, "Q-2008", on: "2008-06-02")
        let v = violation { try step(&f, RequestStep(kind: .answered, at: Day("2008-06-10")!, request: "Q-2008", outcome: "cannot-provide/not-held")) }
        #expect(v?.rule == .reference)
        #expect(v?.description.contains("the 2007 rules") == true && v?.description.contains("not-exist (Art. 21(3))") == true)
        // The same answer is one of the 2019 template's rows, and a 2008 answer of 2007's passes.
        try step(&f, RequestStep(kind: .answered, at: Day("2008-06-10")!, request: "Q-2008", outcome: "not-exist"))
        try receive(&f, "Q-2020", on: "2020-06-01")
        #expect(refused(by: .reference) { try step(&f, RequestStep(kind: .answered, at: Day("2020-06-10")!, request: "Q-2020", outcome: "not-exist")) })
        try step(&f, RequestStep(kind: .answered, at: Day("2020-06-10")!, request: "Q-2020", outcome: "cannot-provide/not-held"))
    }

    @Test func an2019ExemptionBasisIsRefusedIn2008WithItsArticle() throws {
        var f = try RuleFixture()
        try f.apply(RecordRegistered(at: RuleFixture.day, record: "R-9", unit: RuleFixture.unit, title: "内部会议纪要", created: RuleFixture.day, summary: ""), by: "clerk.wang")
        let v = violation {
            try f.apply(RecordClassified(at: RuleFixture.day, record: "R-9", contentClass: "plans", keyItem: nil, disclosure: .exempt, basis: "process-information"), by: "clerk.wang")
        }
        #expect(v?.rule == .exemption)
        #expect(v?.description.contains("the 2007 rules") == true && v?.description.contains("state-secret (Art. 14)") == true)
    }

    /// 2019 Art. 30: asked within 7 working days of receipt, naming a day to correct by; the clock
    /// restarts from the corrected request; uncorrected by that day, the request counts as withdrawn.
    @Test func the2019CorrectionIsAskedWithinSevenWorkingDaysAndLapses() throws {
        var f = try RuleFixture()
        // Received Mon 2020-06-01: 7 working days later is Wed 06-10.
        try receive(&f, "Q-1", on: "2020-06-01")
        let late = violation { try step(&f, RequestStep(kind: .correctionAsked, at: Day("2020-06-11")!, request: "Q-1", note: "请写明文号", correctBy: Day("2020-06-30")!)) }
        #expect(late?.rule == .deadline && late?.description.contains("by 2020-06-10") == true && late?.description.contains("Art. 30") == true)
        #expect(refused(by: .schema) { try step(&f, RequestStep(kind: .correctionAsked, at: Day("2020-06-10")!, request: "Q-1", note: "请写明文号")) })
        try step(&f, RequestStep(kind: .correctionAsked, at: Day("2020-06-10")!, request: "Q-1", note: "请写明文号", correctBy: Day("2020-06-24")!))
        let request = try #require(f.state.requests["Q-1"])
        let calendar = try #require(try f.state.reference.calendar())
        let waiting = RequestClock(of: request, in: f.state, on: Day("2020-06-20")!)
        #expect(waiting.standing == .awaitingCorrection(since: Day("2020-06-10")!, correctBy: Day("2020-06-24")!))
        #expect(!waiting.isCounting)
        let due = try waiting.due(on: calendar)
        #expect(due == nil)
        let lapsed = RequestClock(of: request, in: f.state, on: Day("2020-06-29")!)
        #expect(lapsed.standing == .withdrawn(on: Day("2020-06-24")!))
        #expect(refused(by: .transition) { try step(&f, RequestStep(kind: .corrected, at: Day("2020-06-29")!, request: "Q-1")) })
    }

    @Test func theCorrectedRequestRestartsTheClock() throws {
        var f = try RuleFixture()
        try receive(&f, "Q-1", on: "2020-06-01")
        try step(&f, RequestStep(kind: .correctionAsked, at: Day("2020-06-03")!, request: "Q-1", note: "请写明文号", correctBy: Day("2020-06-24")!))
        try step(&f, RequestStep(kind: .corrected, at: Day("2020-06-15")!, request: "Q-1"))
        let clock = RequestClock(of: try #require(f.state.requests["Q-1"]), in: f.state, on: Day("2020-06-16")!)
        #expect(clock.start == Day("2020-06-15") && clock.workingDays == 20 && clock.ruleSet?.id == "2019")
        // 20 working days from Mon 06-15, across Dragon Boat 2020 (06-25..27 off, Sunday 06-28 worked): 07-14.
        #expect(try clock.due(on: try #require(try f.state.reference.calendar())) == Day("2020-07-14"))
    }

    @Test func a2008RequestHas15DaysAndOneExtensionOf15() throws {
        var f = try RuleFixture()
        try receive(&f, "Q-1", on: "2008-01-28")
        let calendar = try #require(try f.state.reference.calendar())
        #expect(try RequestClock(of: f.state.requests["Q-1"]!, in: f.state).due(on: calendar) == Day("2008-02-21"))
        try step(&f, RequestStep(kind: .extended, at: Day("2008-02-15")!, request: "Q-1", approvedBy: "主任", note: "需征求第三方意见"))
        #expect(RequestClock(of: f.state.requests["Q-1"]!, in: f.state).workingDays == 30)
    }

    @Test func aDeadlineInAYearNotYetDeclaredIsUnknownUntilItsNotice() throws {
        var f = try RuleFixture()
        let calendar = try #require(try f.state.reference.calendar())
        // Received 2026-12-07: the count reaches 25 December before the 2027 notice is declared.
        let error = try #require(throws: CalendarError.self) { try calendar.adding(workingDays: 20, to: Day("2026-12-07")!) }
        #expect(error.shortText == "unknown until the 2027 notice (13 working days counted to 2026-12-24)")
        // Declared as an event, the same deadline becomes a date (a test notice: no holiday before 01-01).
        f.state.reference.evolve(type: ReferenceEventType.calendarNoticeDeclared, data: .object([
            ("at", .string("2026-12-07")), ("year", .integer(2027)), ("zh", .string("测试通知")), ("number", .null), ("date", .string("2026-12-01")),
            ("holidays", .array([.object([("zh", .string("元旦")), ("en", .string("New Year's Day")), ("from", .string("2027-01-01")), ("to", .string("2027-01-01"))])])),
            ("workingWeekends", .array([])),
        ]))
        let declared = try #require(try f.state.reference.calendar())
        #expect(try declared.adding(workingDays: 20, to: Day("2026-12-07")!).due == Day("2027-01-05"))
    }
}


/// The remedies follow the laws in force on the decision date, not the disclosure rule set.
@Suite struct RemedyByDateTests {
    @Test func theLitigationLimitAndReconsiderationFirstChangeOnTheirOwnDates() throws {
        let reference = try RuleFixture().state.reference
        let before = try #require(reference.remedy(.litigation, on: Day("2015-04-30")!))
        #expect(before.limit == .months(3) && before.article == "39" && before.afterReconsideration?.days == 15)
        let after = try #require(reference.remedy(.litigation, on: Day("2015-05-01")!))
        #expect(after.limit == .months(6) && after.article == "46")
        #expect(reference.remedy(.reconsideration, on: Day("2023-12-31")!)?.reconsiderationFirst == nil)
        let now = try #require(reference.remedy(.reconsideration, on: Day("2024-01-01")!))
        #expect(now.limit == .days(60) && now.reconsiderationFirst?.decisions == ["refusal-to-disclose"] && now.reconsiderationFirst?.article == "23")
        // Both 2008 and 2023 decisions fall under the 2007 and 2019 rule sets respectively, yet the
        // remedy of a 2015-04-30 and a 2015-05-01 decision differ within the 2007 one.
        #expect(reference.ruleSet(on: Day("2015-04-30")!)?.id == reference.ruleSet(on: Day("2015-05-01")!)?.id)
        #expect(reference.remedy(.litigation, on: Day("1990-09-30")!) == nil)
    }
}

extension RuleSetByDateTests {
    /// The 2019 report counts requests by kind of applicant, so a request received under it says
    /// which; a kind the report tables do not know is refused under either rule set.
    @Test func a2019RequestSaysWhatKindOfApplicantMadeIt() throws {
        var f = try RuleFixture()
        let unsaid = RequestReceived(at: Day("2020-06-01")!, request: "Q-1", unit: RuleFixture.unit, applicant: "某公司", description: "资金")
        #expect(throws: RuleViolation.self) { try f.apply(unsaid, by: "clerk.wang", recorded: Self.recorded) }
        var unknown = unsaid
        unknown.applicantKind = "company"
        #expect(throws: RuleViolation.self) { try f.apply(unknown, by: "clerk.wang", recorded: Self.recorded) }
        var said = unsaid
        said.applicantKind = "commercial-enterprise"
        try f.apply(said, by: "clerk.wang", recorded: Self.recorded)
        try receive(&f, "Q-2008", on: "2008-06-02")
        #expect(f.state.requests["Q-2008"]?.received.applicantKind == nil, "the 2007 report has one column: no kind needed")
    }

    /// What is withheld is withheld on a basis: a partial disclosure names one valid under the
    /// request's rule set; a refusal's basis is its row's; an answer withholding nothing has none.
    @Test func anAnswerThatWithholdsNamesItsBasis() throws {
        var f = try RuleFixture()
        try receive(&f, "Q-1", on: "2008-06-02")
        let answer = RequestStep(kind: .answered, at: Day("2008-06-10")!, request: "Q-1", outcome: "partly-disclosed")
        #expect(throws: RuleViolation.self, "a partial disclosure without a basis") { try step(&f, answer) }
        var wrongSet = answer
        wrongSet.basis = "process-information"
        #expect(throws: RuleViolation.self, "a 2019 basis for a 2008 request") { try step(&f, wrongSet) }
        var refusal = RequestStep(kind: .answered, at: Day("2008-06-10")!, request: "Q-1", outcome: "not-disclosed/state-secret")
        refusal.basis = "personal-privacy"
        #expect(throws: RuleViolation.self, "a refusal's basis is its row's") { try step(&f, refusal) }
        var disclosed = RequestStep(kind: .answered, at: Day("2008-06-10")!, request: "Q-1", outcome: "disclosed")
        disclosed.basis = "state-secret"
        #expect(throws: RuleViolation.self, "nothing withheld, no basis") { try step(&f, disclosed) }
        var partly = answer
        partly.basis = "personal-privacy"
        try step(&f, partly)
        #expect(f.state.requests["Q-1"]?.answered?.basis == "personal-privacy")
    }
}
