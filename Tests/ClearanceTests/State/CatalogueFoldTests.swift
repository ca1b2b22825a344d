import EventLog
import Testing

@testable import Clearance

/// Every type of the event catalogue (`ClearanceCatalogue.types`, the keys of the one list that
/// decodes them) passes the rules and changes what it should in the state; a type added to the
/// catalogue without a step here fails `everyCatalogueTypeIsCovered`.
@Suite struct CatalogueFoldTests {
    /// A real Ed25519 public key: the rules refuse bytes that are not a point of the curve.
    static let key = (try! Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))).publicKey.bytes.hex

    typealias Step = (type: String, actor: String, event: any DomainEvent, changed: (ClearanceState, ClearanceState) -> Bool)

    static func steps(_ state: ClearanceState) -> [Step] {
        let day = RuleFixture.day
        let unit = RuleFixture.unit
        let competent = state.reference.unitOrder.first { !(state.reference.units[$0]?.sectors ?? []).isEmpty }!
        let sector = state.reference.units[competent]!.sectors.first!
        let stageOne = state.reference.stages[1]!.responsible.first!
        return [
            (RoleGranted.type, "office.chen", RoleGranted(at: day, person: "clerk.new", role: .clerk, units: [unit]), { $0.roles["clerk.new"] == nil && $1.roles["clerk.new"] != nil }),
            (RoleRevoked.type, "office.chen", RoleRevoked(at: day, person: "clerk.new", role: .clerk), { $0.roles["clerk.new"]?[.clerk] != nil && $1.roles["clerk.new"]?[.clerk] == nil }),
            (NormAdopted.type, "office.chen", NormAdopted(at: day, unit: "qingyang-jyj", classes: [
                .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
            ], feedbackDays: 10), { $0.norms["qingyang-jyj"] == nil && $1.norms["qingyang-jyj"]?.feedbackDays == 10 }),
            (UnitProfileSet.type, "clerk.wang", UnitProfileSet(at: day, unit: unit, values: ["address": "锦江区"]), { $0.profiles[unit] == nil && $1.profiles[unit] != nil }),
            (StageMilestoneReached.type, "office.chen", StageMilestoneReached(at: day, stage: 3, unit: "cd-xxb"), { $0.milestones[3]?["cd-xxb"] == nil && $1.milestones[3]?["cd-xxb"] == day }),
            (TrainingHeld.type, "office.chen", TrainingHeld(at: day, stage: 1, title: "培训", units: [unit]), { $0.milestones[1]?[stageOne] == nil && $1.milestones[1]?[stageOne] == day }),
            (ServiceGuideFiled.type, "office.chen", ServiceGuideFiled(at: day, unit: competent, sector: sector, enterprise: "某学校", title: "办事指南"), { ($0.serviceGuides[competent] ?? []).isEmpty && $1.serviceGuides[competent]?.count == 1 }),
            (RecordRegistered.type, "clerk.wang", RecordRegistered(at: day, record: "R-1", unit: unit, title: "通知", created: day, summary: "摘要"), { $0.records["R-1"] == nil && $1.records["R-1"]?.status == .registered }),
            (RecordClassified.type, "clerk.wang", RecordClassified(at: day, record: "R-1", contentClass: "plans", disclosure: .proactive), { $1.records["R-1"]?.status == .classified && $1.records["R-1"]?.classification != nil }),
            (RecordReviewed.type, "reviewer.zhang", RecordReviewed(at: day, record: "R-1", level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级", grounds: "同意"), { $1.records["R-1"]?.status == .approved && $1.records["R-1"]?.approvedOn == day }),
            (RecordPublished.type, "publisher.li", RecordPublished(at: day, record: "R-1", indexNumber: "\(unit)/2007-00001", channel: "portal"), { $1.records["R-1"]?.status == .published && $1.records["R-1"]?.indexNumber != nil }),
            (RecordCorrected.type, "clerk.wang", RecordCorrected(at: day, record: "R-1", title: "通知（更正）", before: .init(title: "通知"), reason: "错字"), { $1.records["R-1"]?.registration.title == "通知（更正）" }),
            (RecordWithdrawn.type, "publisher.li", RecordWithdrawn(at: day, record: "R-1", reason: "失效"), { $1.records["R-1"]?.status == .withdrawn }),
            (RecordRegistered.type, "clerk.wang", RecordRegistered(at: day, record: "R-2", unit: unit, title: "涉密", created: day, summary: ""), { $1.records["R-2"] != nil }),
            (RecordClassified.type, "clerk.wang", RecordClassified(at: day, record: "R-2", contentClass: "plans", disclosure: .exempt, basis: "state-secret"), { $1.records["R-2"]?.classification?.basis == "state-secret" }),
            (RecordReviewed.type, "reviewer.zhang", RecordReviewed(at: day, record: "R-2", level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级", grounds: "属国家秘密"), { $1.records["R-2"]?.status == .approved }),
            (RecordReassessed.type, "reviewer.zhang", RecordReassessed(at: Day("2008-06-02")!, record: "R-2", conclusion: .disclose, grounds: "情势变化，已解密"), { $1.records["R-2"]?.reassessedOn == Day("2008-06-02") && $1.records["R-2"]?.status == .registered }),
            (FeedbackReceived.type, "clerk.wang", FeedbackReceived(at: day, feedback: "F-1", unit: unit, text: "意见"), { $0.feedback["F-1"] == nil && $1.feedback["F-1"] != nil }),
            (FeedbackAnswered.type, "clerk.wang", FeedbackAnswered(at: day, feedback: "F-1", answer: "已答复"), { $1.feedback["F-1"]?.answered != nil }),
            (RequestReceived.type, "clerk.wang", RequestReceived(at: Day("2008-06-02")!, request: "Q-1", unit: unit, applicant: "张三", description: "资金"), { $0.requests["Q-1"] == nil && $1.requests["Q-1"] != nil }),
            (NoticeIssued.type, "office.chen", NoticeIssued(at: day, number: 1, title: "进展情况通报", judged: day, document: Self.key), { $0.supervision.notices.isEmpty && $1.supervision.nextNoticeNumber(in: day.year) == 2 }),
            (InspectionFinding.type, "office.chen", InspectionFinding(at: day, finding: "F-2008-1", unit: unit, about: "指南缺少传真号码", remedyBy: Day("2008-06-20")!), { $0.supervision.findings.isEmpty && $1.supervision.findings["F-2008-1"]?.isOpen(on: day) == true }),
            (InspectionRemedied.type, "clerk.wang", InspectionRemedied(at: day, finding: "F-2008-1", note: "已补充"), { $1.supervision.findings["F-2008-1"]?.isOpen(on: day) == false }),
            (IdentityBound.type, "office.chen", IdentityBound(at: day, actor: "clerk.wang", kind: .osAccount, identity: "wang"), { !$0.trust.isBound("clerk.wang", to: .init(kind: .osAccount, name: "wang")) && $1.trust.actors(boundTo: .init(kind: .osAccount, name: "wang")) == ["clerk.wang"] }),
            (IdentityUnbound.type, "office.chen", IdentityUnbound(at: day, actor: "clerk.wang", kind: .osAccount, identity: "wang"), { $1.trust.identities["clerk.wang"] == nil }),
            (KeyRegistered.type, "office.chen", KeyRegistered(at: day, actor: "clerk.wang", key: Self.key), { $0.trust.keys["clerk.wang"] == nil && $1.trust.keys["clerk.wang"] == [Self.key] }),
            (KeyRevoked.type, "office.chen", KeyRevoked(at: day, actor: "clerk.wang", key: Self.key, reason: "lost"), { $1.trust.keys["clerk.wang"]?.isEmpty == true }),
        ]
    }

    /// The request steps share one type (`RequestStep`), told apart by kind.
    static var requestSteps: [(RequestStep, (ClearanceState, ClearanceState) -> Bool)] { [
        (RequestStep(kind: .correctionAsked, at: Day("2008-06-03")!, request: "Q-1", note: "请写明文号"), { $1.requests["Q-1"]?.awaitingCorrection == Day("2008-06-03") }),
        (RequestStep(kind: .corrected, at: Day("2008-06-05")!, request: "Q-1"), { $1.requests["Q-1"]?.awaitingCorrection == nil && $1.requests["Q-1"]?.clockStart == Day("2008-06-05") }),
        (RequestStep(kind: .extended, at: Day("2008-06-10")!, request: "Q-1", approvedBy: "主任", note: "需征求第三方意见"), { $1.requests["Q-1"]?.extended == true }),
        (RequestStep(kind: .answered, at: Day("2008-06-20")!, request: "Q-1", outcome: "disclosed"), { $1.requests["Q-1"]?.answered != nil }),
    ] }

    /// What follows an answered request: a reconsideration over it, and the year's report.
    static func yearEndSteps(_ state: ClearanceState) -> [Step] {
        let unit = RuleFixture.unit
        let narrative = ["overview": "概述", "staff-and-funding": "办公室", "problems": "问题", "notes": "无"]
        return [
            (RemedyFiled.type, "clerk.wang", RemedyFiled(at: Day("2008-06-25")!, remedyCase: "FY-1", kind: .reconsideration, unit: unit, request: "Q-1"), { $0.supervision.remedyCases.isEmpty && $1.supervision.remedyCases["FY-1"] != nil }),
            (RemedyDecided.type, "clerk.wang", RemedyDecided(at: Day("2008-06-28")!, remedyCase: "FY-1", outcome: .upheld), { $1.supervision.remedyCases["FY-1"]?.decided?.outcome == .upheld }),
            (ReportFiled.type, "clerk.wang", ReportFiled(at: Day("2009-03-10")!, unit: unit, year: 2008, figures: AnnualFigures(unit: unit, year: 2008, state: state), narrative: narrative, staffFullTime: 1, funding: 0),
             { $0.supervision.reports.isEmpty && $1.supervision.reports["\(unit)/2008"] != nil }),
            (ReportPublished.type, "clerk.wang", ReportPublished(at: Day("2009-03-20")!, unit: unit, year: 2008), { $1.supervision.reports["\(unit)/2008"]?.published != nil }),
        ]
    }

    /// Checks `step` by the rules and folds it, as the service does.
    static func fold(_ type: String, _ data: JSONValue, by actor: String, into f: inout RuleFixture, recorded: Day) throws {
        let decoded = try #require(try ClearanceEvent.decode(type: type, data: data), "\(type) does not decode")
        try ClearanceRules(state: f.state, actor: actor).check(decoded, recorded: recorded)
        f.state.evolve(decoded, actor: actor, seq: f.state.seq + 1)
        f.state.seq += 1
    }

    @Test func everyCatalogueTypeChangesWhatItShould() throws {
        var f = try RuleFixture()
        for step in Self.steps(f.state) {
            let before = f.state
            try Self.fold(step.type, step.event.data, by: step.actor, into: &f, recorded: Day("2008-06-30")!)
            #expect(step.changed(before, f.state), "\(step.type) did not change what it should")
        }
        for (step, changed) in Self.requestSteps {
            let before = f.state
            try Self.fold(step.kind.rawValue, step.data, by: "clerk.wang", into: &f, recorded: Day("2008-06-30")!)
            #expect(changed(before, f.state), "\(step.kind.rawValue) did not change what it should")
        }
        // Steps built from the state they follow (a report's figures are the log's).
        for index in Self.yearEndSteps(f.state).indices {
            let step = Self.yearEndSteps(f.state)[index]
            let before = f.state
            try Self.fold(step.type, step.event.data, by: step.actor, into: &f, recorded: Day("2009-06-30")!)
            #expect(step.changed(before, f.state), "\(step.type) did not change what it should")
        }
    }

    @Test func everyCatalogueTypeIsCovered() throws {
        let state = try RuleFixture().state
        let covered = Set(Self.steps(state).map(\.type) + Self.requestSteps.map(\.0.kind.rawValue) + Self.yearEndSteps(state).map(\.type))
        #expect(covered == ClearanceCatalogue.types)
    }
}
