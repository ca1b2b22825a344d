import EventLog
import Testing

@testable import Clearance

@Suite struct RecordRulesTests {
    @Test func theWholeWayRegisterClassifyReturnReclassifyApprovePublish() throws {
        var f = try RuleFixture()
        try f.register()
        try f.classify()
        try f.review(approve: false)
        #expect(f.state.records["R-1"]?.status == .registered, "a returned record goes back to classification")
        try f.classify()
        try f.review()
        try f.publish()
        #expect(f.state.records["R-1"]?.indexNumber == "jinjiang-jsj/2007-00001")
        #expect(f.state.records["R-1"]?.status == .published)
    }

    @Test func noReviewBeforeClassification() throws {
        var f = try RuleFixture()
        try f.register()
        #expect(refused(by: .transition) { try f.review() })
    }

    @Test func noPublicationBeforeAnApprovedReview() throws {
        var f = try RuleFixture()
        try f.register()
        #expect(refused(by: .transition) { try f.publish() })
        try f.classify()
        #expect(refused(by: .transition) { try f.publish() })
        try f.review(approve: false)
        do {
            try f.publish()
            Issue.record("publication after a return must be refused")
        } catch let violation as RuleViolation {
            #expect(violation.message.contains("its review was returned on 2007-12-20"))
        }
    }

    @Test func aPublishedRecordIsCorrectedOrWithdrawnNeverReclassified() throws {
        var f = try RuleFixture()
        try f.register()
        try f.classify()
        try f.review()
        try f.publish()
        #expect(refused(by: .transition) { try f.classify() })
        try f.apply(RecordCorrected(at: RuleFixture.day, record: "R-1", title: "更正后的标题", before: .init(title: "通知"), reason: "错字"), by: "clerk.wang")
        #expect(f.state.records["R-1"]?.registration.title == "更正后的标题")
        try f.apply(RecordWithdrawn(at: RuleFixture.day, record: "R-1", reason: "失效"), by: "publisher.li")
        #expect(refused(by: .transition) { try f.apply(RecordWithdrawn(at: RuleFixture.day, record: "R-1", reason: "again"), by: "publisher.li") })
    }

    @Test func onlyProactiveRecordsArePublished() throws {
        var f = try RuleFixture()
        try f.register("R-2")
        try f.classify("R-2", .onRequest)
        try f.review("R-2")
        #expect(refused(by: .transition) { try f.publish("R-2") })
    }

    @Test func rolesAndScope() throws {
        var f = try RuleFixture()
        #expect(refused(by: .role) { try f.register(by: "reviewer.zhang") })
        #expect(refused(by: .role) { try f.register(by: "auditor.sun") })
        #expect(refused(by: .role) {
            try f.apply(RecordRegistered(at: RuleFixture.day, record: "X", unit: "qingyang-jyj", title: "t", created: RuleFixture.day, summary: ""), by: "clerk.wang")
        })
        try f.register()
        try f.classify()
        #expect(refused(by: .role) { try f.review(by: "publisher.li") })
        try f.review()
        #expect(refused(by: .role) { try f.publish(by: "clerk.wang") })
        // The general office acts everywhere.
        try f.publish(by: "office.chen")
        #expect(refused(by: .role) {
            try f.apply(RoleGranted(at: RuleFixture.day, person: "x", role: .clerk, units: [RuleFixture.unit]), by: "clerk.wang")
        })
    }

    @Test func aReviewerNeverReviewsWhatTheyClassified() throws {
        var f = try RuleFixture()
        try f.register(by: "office.chen")
        try f.classify(by: "office.chen")
        #expect(refused(by: .separationOfDuties) { try f.review(by: "office.chen") })
        try f.review(by: "reviewer.zhang")
    }

    @Test func exemptionNeedsABasisFromTheSeedList() throws {
        var f = try RuleFixture()
        try f.register()
        #expect(refused(by: .exemption) { try f.classify("R-1", .exempt) })
        #expect(refused(by: .exemption) { try f.classify("R-1", .exempt, basis: "inconvenient") })
        #expect(refused(by: .exemption) { try f.classify("R-1", .proactive, basis: "state-secret") })
        // internal-affairs is a basis only under the 2019 rules, not in 2007.
        #expect(refused(by: .exemption) { try f.classify("R-1", .exempt, basis: "internal-affairs") })
        try f.classify("R-1", .exempt, basis: "commercial-secret", contentClass: "procurement")
        // Its norm class asks for two review levels: one approval is not enough.
        try f.review(level: 1)
        #expect(f.state.records["R-1"]?.status == .classified)
        #expect(refused(by: .transition) { try f.review(level: 1) })
        // …and two reviewers: who approved the first level does not give the second.
        #expect(refused(by: .separationOfDuties) { try f.review(level: 2) })
        try f.review(level: 2, by: "reviewer.zhao")
        #expect(f.state.records["R-1"]?.status == .approved)
    }

    /// The review is written (2007 Art. 14; 2019 Art. 17): what was checked and the grounds, beside the
    /// conclusion and the reviewer the entry names.
    @Test func aReviewNamesWhatWasCheckedAndItsGrounds() throws {
        var f = try RuleFixture()
        try f.register()
        try f.classify()
        let unwritten = RecordReviewed(at: RuleFixture.day, record: "R-1", level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved)
        #expect(refused(by: .schema) { try f.apply(unwritten, by: "reviewer.zhang") })
        var noGrounds = unwritten
        noGrounds.checked = "密级、文号"
        #expect(refused(by: .schema) { try f.apply(noGrounds, by: "reviewer.zhang") })
        try f.review()
        #expect(f.state.records["R-1"]?.status == .approved)
    }

    /// Before publication a clerk corrects a mistyped register entry; the creation date moves the
    /// publication clock with it, an approved record is reviewed again, and the log says what it was.
    @Test func aRecordIsCorrectedBeforePublicationAndItsDatesFollow() throws {
        var f = try RuleFixture()
        try f.register()
        try f.classify()
        try f.review()
        let wrongBefore = RecordCorrected(at: RuleFixture.day, record: "R-1", created: Day("2007-12-03")!, before: .init(created: Day("2007-12-01")!), reason: "成文日期录错")
        #expect(refused(by: .reference) { try f.apply(wrongBefore, by: "clerk.wang") })
        let noBefore = RecordCorrected(at: RuleFixture.day, record: "R-1", created: Day("2007-12-03")!, reason: "成文日期录错")
        #expect(refused(by: .schema) { try f.apply(noBefore, by: "clerk.wang") })
        #expect(refused(by: .role) {
            try f.apply(RecordCorrected(at: RuleFixture.day, record: "R-1", created: Day("2007-12-03")!, before: .init(created: RuleFixture.day), reason: "x"), by: "publisher.li")
        })
        #expect(refused(by: .businessDate) {
            try f.apply(RecordCorrected(at: RuleFixture.day, record: "R-1", created: Day("2007-12-21")!, before: .init(created: RuleFixture.day), reason: "x"), by: "clerk.wang")
        })
        try f.apply(RecordCorrected(at: RuleFixture.day, record: "R-1", created: Day("2007-12-03")!, before: .init(created: RuleFixture.day), reason: "成文日期录错"), by: "clerk.wang")
        let record = try #require(f.state.records["R-1"])
        #expect(record.registration.created == Day("2007-12-03") && record.changed == Day("2007-12-03"))
        #expect(record.status == .classified && record.approvedOn == nil, "what the review approved has changed")
        #expect(refused(by: .transition) { try f.publish() })
        // The publication clock runs from the corrected creation date: 20 working days from 2007-12-03.
        let clock = try #require(PublicationClock(of: record, in: f.state))
        #expect(clock.start == Day("2007-12-03"))
    }

    @Test func businessDatesAreNotAfterTheRecordedDay() throws {
        var f = try RuleFixture()
        #expect(refused(by: .businessDate) {
            try f.apply(RecordRegistered(at: Day("2008-07-01")!, record: "R-9", unit: RuleFixture.unit, title: "t", created: RuleFixture.day, summary: ""), by: "clerk.wang", recorded: Day("2008-06-30")!)
        })
        #expect(refused(by: .businessDate) {
            try f.apply(RecordRegistered(at: RuleFixture.day, record: "R-9", unit: RuleFixture.unit, title: "t", created: Day("2007-12-21")!, summary: ""), by: "clerk.wang")
        })
    }

    @Test func indexNumbersAreIssuedInOrderAndNeverReused() throws {
        var f = try RuleFixture()
        for id in ["R-1", "R-2"] {
            try f.register(id)
            try f.classify(id)
            try f.review(id)
        }
        #expect(refused(by: .indexNumber) { try f.publish("R-1", number: "jinjiang-jsj/2007-00002") })
        try f.publish("R-1")
        #expect(refused(by: .indexNumber) { try f.publish("R-2", number: "jinjiang-jsj/2007-00001") })
        try f.publish("R-2")
        #expect(f.state.records["R-2"]?.indexNumber == "jinjiang-jsj/2007-00002")
        #expect(IndexNumber("jinjiang-jsj/2007-00002")?.serial == 2 && IndexNumber("nonsense") == nil)
    }

    @Test func classificationNeedsTheUnitsNorm() throws {
        var f = try RuleFixture()
        try f.register()
        #expect(refused(by: .reference) { try f.classify(contentClass: "nonexistent") })
        try f.apply(RoleGranted(at: RuleFixture.day, person: "clerk.qy", role: .clerk, units: ["qingyang-jyj"]), by: "office.chen")
        try f.apply(RecordRegistered(at: RuleFixture.day, record: "Q-1", unit: "qingyang-jyj", title: "t", created: RuleFixture.day, summary: ""), by: "clerk.qy")
        #expect(refused(by: .transition) { try f.classify("Q-1", by: "clerk.qy") })
    }
}
