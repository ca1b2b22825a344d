import Clearance
import EventLog
import Testing

@testable import Projections

/// The roll-up of stage progress by tier and district, on the snapshot scenario (one unit, jinjiang-jsj,
/// with a norm and records; every other unit of the seed city with nothing done).
@Suite struct ProgressProjectionTests {
    static func progress(units: Set<String>? = nil) throws -> (ProgressProjection, ClearanceState) {
        let state = try RendererSnapshotTests.state()
        let chosen = units ?? Set(state.reference.units.keys)
        return (ProgressProjection(state: state, units: chosen, on: Day("2008-01-05")!), state)
    }

    @Test func theTiersAddUpToTheTotalOfEveryStage() throws {
        let (progress, _) = try Self.progress()
        #expect(progress.groups.filter { $0.kind == .tier }.map(\.id) == ["1", "2", "3"])
        for stage in progress.stages {
            for status in ProgressProjection.Status.allCases {
                let byTier = progress.groups.filter { $0.kind == .tier }.map { stage.tally(of: $0)[status] }.reduce(0, +)
                #expect(byTier == stage.total[status], "stage \(stage.number), \(status)")
            }
        }
        let norms = try #require(progress.stages.first { $0.number == 2 })
        #expect(norms.total.units == 909 && norms.total[.late] == 1, "jinjiang-jsj adopted its norm after 2007-11-20")
    }

    @Test func aDistrictIsItsGovernmentAndTheUnitsUnderIt() throws {
        let (progress, state) = try Self.progress()
        let jinjiang = try #require(progress.groups.first { $0.key == "jinjiang" })
        #expect(jinjiang.kind == .district && jinjiang.name == "锦江区人民政府")
        #expect(jinjiang.units.contains("jinjiang") && jinjiang.units.contains("jinjiang-jsj"))
        #expect(jinjiang.units == CatalogueProjection.units(unit: nil, tier: nil, district: "jinjiang", in: state))
        #expect(progress.groups.filter { $0.kind == .district }.count == 19)
        let norms = try #require(progress.stages.first { $0.number == 2 })
        #expect(norms.tally(of: jinjiang).done == 1 && norms.tally(of: jinjiang).units == jinjiang.units.count)
    }

    @Test func aStageOfTheCityOnlyCountsNothingInADistrict() throws {
        let (progress, _) = try Self.progress(units: ["cd-bgt", "jinjiang-jsj"])
        #expect(progress.groups.map(\.key) == ["tier-1", "tier-2", "jinjiang"], "only groups holding a chosen unit")
        let training = try #require(progress.stages.first { $0.number == 1 })
        let jinjiang = try #require(progress.groups.last)
        #expect(training.tally(of: jinjiang).units == 0 && training.tally(of: jinjiang).shareDone == 0)
        // Overdue since the day after 2007-11-10; by hand, 39 working days to 2008-01-05: 15 in November
        // from the 12th, 20 in December to the 28th, the working Saturday 12-29, then 01-02..04.
        #expect(training.behind == [.init(
            unit: "cd-bgt", name: "成都市人民政府办公厅", status: .overdue, completion: .milestone, overdueSince: Day("2007-11-11"),
            workingDaysLate: 39)])
        #expect(progress.only(stage: 4).stages.map(\.number) == [4] && progress.only(stage: nil).stages.count == 7)
    }

    /// A record of `unit` as events straight for the log: registered and classified on `created`,
    /// approved on `cleared` and published on `published` when given.
    static func record(
        _ id: String, _ unit: String, created: String, cleared: String?, disclosure: Disclosure = .onRequest, published: String? = nil
    ) -> [NewEntry] {
        let created = Day(created)!
        var entries = [
            RecordRegistered(at: created, record: id, unit: unit, title: "通知", created: created, summary: "", term: "2007-2011").entry(actor: "office.chen"),
            RecordClassified(at: created, record: id, contentClass: "plans", disclosure: disclosure).entry(actor: "office.chen"),
        ]
        if let cleared = cleared.flatMap(Day.init) {
            entries.append(RecordReviewed(at: cleared, record: id, level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").entry(actor: "office.chen"))
        }
        if let published = published.flatMap(Day.init) {
            entries.append(RecordPublished(at: published, record: id, indexNumber: "\(unit)/\(published.year)-\(id)", channel: "portal").entry(actor: "office.chen"))
        }
        return entries
    }

    /// The snapshot scenario plus three city departments' backlogs (records created in 2007), written
    /// straight to the log (progress, not the rules, is under test):
    /// - cd-fgw cleared its two newest first by 2007-12-10, then registered a record created in 2008;
    /// - cd-jyj cleared both by the deadline, but the older one first;
    /// - cd-jtw cleared the older one and left the newer one waiting.
    static func backlogs() throws -> ClearanceState {
        let directory = try AsOfTests.log()
        _ = try LogFile.open(in: directory.path).append(
            record("fgw-1", "cd-fgw", created: "2007-06-01", cleared: "2007-12-10") + record("fgw-2", "cd-fgw", created: "2007-09-01", cleared: "2007-12-05")
                + record("fgw-3", "cd-fgw", created: "2008-01-15", cleared: nil)
                + record("jyj-1", "cd-jyj", created: "2007-06-01", cleared: "2007-12-03") + record("jyj-2", "cd-jyj", created: "2007-09-01", cleared: "2007-12-20")
                + record("jtw-1", "cd-jtw", created: "2007-06-01", cleared: "2007-12-03") + record("jtw-2", "cd-jtw", created: "2007-09-01", cleared: nil))
        return try ClearanceService(directory: directory.path).load().state
    }

    @Test func aUnitRegisteringNewRecordsIn2008StillClearedItsBacklogOnTime() throws {
        let progress = ProgressProjection(state: try Self.backlogs(), units: ["cd-fgw"], on: Day("2008-01-31")!)
        let stage4 = try #require(progress.stages.first { $0.number == 4 })
        #expect(stage4.countsNewestFirst && stage4.total[.onTime] == 1 && stage4.behind.isEmpty, "the 2008 record is not stage 4's")
        #expect(stage4.total.newestFirst == 1)
        #expect(progress.stages.allSatisfy { $0.number == 4 || !$0.countsNewestFirst })
    }

    @Test func aUnitThatClearedAnOlderRecordFirstIsNotNewestFirst() throws {
        let progress = ProgressProjection(state: try Self.backlogs(), units: ["cd-fgw", "cd-jyj", "cd-jtw"], on: Day("2008-01-31")!)
        let stage4 = try #require(progress.stages.first { $0.number == 4 })
        #expect(stage4.total[.onTime] == 2 && stage4.total[.overdue] == 1)
        #expect(stage4.total.newestFirst == 1, "cd-fgw did, cd-jyj cleared on time but not newest first; cd-jtw is not done")
        let tier1 = try #require(progress.groups.first { $0.key == "tier-1" })
        #expect(stage4.tally(of: tier1).newestFirst == 1)
        let jtw = try #require(stage4.behind.first)
        #expect(stage4.behind.count == 1 && jtw.unit == "cd-jtw" && jtw.status == .overdue && jtw.share == .init(done: 1, of: 2))
        #expect(jtw.order?.cleared == 1 && jtw.order?.inOrder == 0 && jtw.order?.newestFirst == false, "it cleared the older record ahead of the newer")
    }

    /// The snapshot scenario plus two city departments with a norm and a complete guide (written
    /// straight to the log), each with a proactive record created in 2008 and published in May:
    /// - cd-fgw published its backlog's proactive record on 2008-03-20;
    /// - cd-jyj published one of its backlog's two proactive records.
    static func publications() throws -> ClearanceState {
        let directory = try AsOfTests.log()
        let norm = Day("2007-11-15")!
        let classes: [NormAdopted.ContentClass] = [
            .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
        ]
        var entries: [NewEntry] = []
        for unit in ["cd-fgw", "cd-jyj"] {
            let values = Dictionary(uniqueKeysWithValues: UnitProfileSet.fields.map { ($0, "\(unit) \($0)") })
            entries += [
                NormAdopted(at: norm, unit: unit, classes: classes, feedbackDays: 15).entry(actor: "office.chen"),
                UnitProfileSet(at: norm, unit: unit, values: values).entry(actor: "office.chen"),
            ]
        }
        entries += record("fgw-1", "cd-fgw", created: "2007-06-01", cleared: "2007-12-10", disclosure: .proactive, published: "2008-03-20")
            + record("fgw-2", "cd-fgw", created: "2007-09-01", cleared: "2007-12-05")
            + record("fgw-3", "cd-fgw", created: "2008-04-10", cleared: "2008-04-14", disclosure: .proactive, published: "2008-05-06")
            + record("jyj-1", "cd-jyj", created: "2007-06-01", cleared: "2007-12-03", disclosure: .proactive, published: "2008-01-10")
            + record("jyj-2", "cd-jyj", created: "2007-09-01", cleared: "2007-12-20", disclosure: .proactive)
            + record("jyj-3", "cd-jyj", created: "2008-04-10", cleared: "2008-04-14", disclosure: .proactive, published: "2008-05-06")
        _ = try LogFile.open(in: directory.path).append(entries)
        return try ClearanceService(directory: directory.path).load().state
    }

    @Test func aUnitPublishingNewRecordsIn2008StillPublishedItsBacklogOnTime() throws {
        let progress = ProgressProjection(state: try Self.publications(), units: ["cd-fgw"], on: Day("2008-12-31")!)
        let stage6 = try #require(progress.stages.first { $0.number == 6 })
        #expect(stage6.total[.onTime] == 1 && stage6.behind.isEmpty, "fgw-3, published in May, is on its own clock, not stage 6's")
    }

    @Test func aUnitWithABacklogRecordUnpublishedIsBehindOnStage6() throws {
        let progress = ProgressProjection(state: try Self.publications(), units: ["cd-jyj"], on: Day("2008-12-31")!)
        let stage6 = try #require(progress.stages.first { $0.number == 6 })
        let jyj = try #require(stage6.behind.first)
        #expect(stage6.total[.overdue] == 1 && jyj.unit == "cd-jyj" && jyj.status == .overdue)
        #expect(jyj.share == .init(done: 1, of: 2), "of its backlog's two proactive records, not counting jyj-3 of 2008")
        #expect(jyj.guideGaps.isEmpty)
    }
}
