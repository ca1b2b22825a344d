import EventLog
import Testing

@testable import Clearance

/// A unit's summary judges stage 4 by its backlog (records created by stage 4's deadline) and counts
/// the records cleared ahead of a newer one; stage 6 by that backlog's proactive records.
@Suite struct UnitRecordSummaryTests {
    static let cutoff = Day("2007-12-31")!

    /// A record of cd-bgt created on `created`, approved on `cleared` (nil: not yet), proactive and
    /// published on `published` when given.
    static func record(_ id: String, created: String, cleared: String? = nil, published: String? = nil) -> RecordState {
        let created = Day(created)!
        var record = RecordState(
            RecordRegistered(at: created, record: id, unit: "cd-bgt", title: "通知", created: created, summary: "", term: "2007-2011"), by: "clerk.wang")
        record.approvedOn = cleared.flatMap(Day.init)
        if let published {
            record.classification = RecordClassified(at: created, record: id, contentClass: "plans", disclosure: .proactive)
            record.published = Day(published)
        }
        return record
    }

    /// Stage 6's share is taken against the whole backlog: a unit that published its few proactive
    /// records but never classified most of the rest is not "3 of 3" (成都市人民政府 read 9 of 9 so).
    @Test func stageSixCountsTheWholeBacklog() {
        var records = [
            Self.record("R-1", created: "2007-06-01", cleared: "2007-12-10", published: "2007-12-12"),
            Self.record("R-2", created: "2007-07-01", cleared: "2007-12-11", published: "2007-12-13"),
            Self.record("R-3", created: "2007-08-01", cleared: "2007-12-12"),
        ]
        // Proactive and approved, not yet published: cleared, but not done with stage 6.
        var waiting = Self.record("R-4", created: "2007-09-01", cleared: "2007-12-14")
        waiting.classification = RecordClassified(at: waiting.registration.created, record: "R-4", contentClass: "plans", disclosure: .proactive)
        records.append(waiting)
        for n in 5...9 { records.append(Self.record("R-\(n)", created: "2007-10-0\(n)")) }
        let summary = UnitRecordSummary(of: records, backlogCutoff: Self.cutoff)
        #expect(summary.backlog == 9 && summary.backlogDone == 3, "R-1, R-2 published, R-3 cleared and not proactive")
        #expect(summary.backlogProactivePublished == 2 && summary.backlogProactive == 3)
        #expect(summary.allBacklogPublished == nil)
        let reread = UnitRecordSummary(json: summary.json)
        #expect(reread == summary, "the snapshot keeps every count")
    }

    @Test func theBacklogIsTheRecordsCreatedByTheCutoff() {
        let records = [
            Self.record("R-1", created: "2007-06-01", cleared: "2007-12-10", published: "2007-12-12"),
            Self.record("R-2", created: "2007-12-31", cleared: "2007-12-31"),
            Self.record("R-3", created: "2008-01-02", published: "2008-01-20"),
        ]
        let summary = UnitRecordSummary(of: records, backlogCutoff: Self.cutoff)
        #expect(summary.backlog == 2 && summary.backlogCleared == 2, "R-3 is created after the cut: new information, not backlog")
        #expect(summary.allBacklogCleared == Self.cutoff, "R-3, not cleared, does not hold stage 4 back")
        #expect(summary.backlogProactive == 1 && summary.backlogProactivePublished == 1, "stage 6 publishes the backlog: R-3 is on its own clock")
        #expect(summary.allBacklogPublished == Self.cutoff, "cleared on the cut, R-1 published before it; R-3's later publication does not count")

        let everything = UnitRecordSummary(of: records, backlogCutoff: nil)
        #expect(everything.backlog == 3 && everything.backlogCleared == 2 && everything.allBacklogCleared == nil, "no cut: every record")
        #expect(everything.backlogProactive == 2 && everything.allBacklogPublished == nil, "R-3 is published but never cleared")
    }

    @Test func aUnitWithoutRecordsHasClearedNothing() {
        let empty = UnitRecordSummary(of: [], backlogCutoff: Self.cutoff)
        #expect(empty.backlog == 0 && empty.clearedAheadOfNewer == 0 && empty.allBacklogCleared == nil && empty.allBacklogPublished == nil)
        let onlyNew = UnitRecordSummary(of: [Self.record("R-1", created: "2008-02-01", cleared: "2008-02-03", published: "2008-02-05")], backlogCutoff: Self.cutoff)
        #expect(onlyNew.backlog == 0 && onlyNew.allBacklogCleared == nil, "a unit with only 2008 records has no backlog to have cleared")
        #expect(onlyNew.backlogProactive == 0 && onlyNew.allBacklogPublished == nil, "…nor a backlog to have published")
    }

    /// Stage 6 publishes what stage 4 cleared: a record still waiting for its decision may yet be
    /// proactive, and a backlog with none to publish is done once cleared.
    @Test func theBacklogIsPublishedOnceClearedAndEveryProactiveRecordOfItIsOut() {
        let waiting = UnitRecordSummary(of: [
            Self.record("R-1", created: "2007-06-01", cleared: "2007-12-10", published: "2007-12-12"),
            Self.record("R-2", created: "2007-07-01"),
        ], backlogCutoff: Self.cutoff)
        #expect(waiting.backlogProactive == 1 && waiting.backlogProactivePublished == 1 && waiting.allBacklogPublished == nil, "R-2 is not decided yet")
        let noneProactive = UnitRecordSummary(of: [Self.record("R-1", created: "2007-06-01", cleared: "2007-12-10")], backlogCutoff: Self.cutoff)
        #expect(noneProactive.backlogProactive == 0 && noneProactive.allBacklogPublished == Day("2007-12-10"), "nothing to publish: done when cleared")
        let publishedLater = UnitRecordSummary(of: [
            Self.record("R-1", created: "2007-06-01", cleared: "2007-12-10", published: "2008-02-01"),
            Self.record("R-2", created: "2007-07-01", cleared: "2007-12-20"),
        ], backlogCutoff: Self.cutoff)
        #expect(publishedLater.allBacklogPublished == Day("2008-02-01"), "the later of the last clearance and the last publication")
    }

    /// Each case: records as (created, cleared) day numbers in December 2007 (nil: not cleared), and
    /// how many were cleared ahead of a newer one.
    @Test(arguments: [
        ("none", [], 0),
        ("newest first", [(3, 1), (2, 2), (1, 3)], 0),
        ("oldest first", [(1, 1), (2, 2), (3, 3)], 2),
        ("the same day as a newer one", [(1, 5), (2, 5)], 0),
        ("created the same day, cleared on different days", [(1, 1), (1, 9)], 0),
        ("a tie is compared with the newer ones only", [(2, 9), (2, 1), (1, 5)], 1),
        ("a newer one never cleared", [(2, nil), (1, 1)], 1),
        ("an older one never cleared", [(1, nil), (2, 1)], 0),
        ("nothing cleared", [(1, nil), (2, nil)], 0),
    ] as [(String, [(Int, Int?)], Int)])
    func recordsClearedAheadOfANewerOne(label: String, records: [(Int, Int?)], ahead: Int) {
        let day = { (n: Int) in Day("2007-12-01")!.advanced(by: n - 1) }
        #expect(UnitRecordSummary.aheadOfNewer(records.map { (day($0.0), $0.1.map(day)) }) == ahead, "\(label)")
    }

    /// The sweep against the definition, record by record, on random units.
    @Test func theSweepCountsWhatTheDefinitionCounts() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let records: [(created: Day, cleared: Day?)] = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                (Day(ordinal: Int.random(in: 0...5, using: &random)), Bool.random(using: &random) ? nil : Day(ordinal: Int.random(in: 0...5, using: &random)))
            }
            let definition = records.filter { r in
                guard let d = r.cleared else { return false }
                return records.contains { s in s.created > r.created && (s.cleared.map { $0 > d } ?? true) }
            }.count
            #expect(UnitRecordSummary.aheadOfNewer(records) == definition, "\(records)")
        }
    }

    @Test func theSnapshotFormReadsBackAsItWasWritten() throws {
        let records = [
            Self.record("R-1", created: "2007-06-01", cleared: "2007-12-10", published: "2007-12-12"),
            Self.record("R-2", created: "2007-09-01"),
        ]
        for cutoff in [Self.cutoff, nil] {
            let summary = UnitRecordSummary(of: records, backlogCutoff: cutoff)
            #expect(summary.clearedAheadOfNewer == 1)
            #expect(UnitRecordSummary(json: summary.json) == summary)
        }
        #expect(UnitRecordSummary(json: .array([.integer(2), .integer(1), .string("2007-12-10"), .integer(1), .integer(1), .string("2007-12-12")])) == nil,
            "format 4's six fields are not read as format 5's")
    }
}
