import EventLog
import Foundation
import Testing
import TestSupport

@testable import Clearance

/// The snapshot must never change an answer: the state from it plus the log after it equals the
/// state from replaying the whole log, and a snapshot that no longer matches the log is ignored.
@Suite struct StateSnapshotTests {
    static let day = Day("2007-12-20")!

    /// A seeded log with a clerk and a reviewer, `annotations` other entries, then `records` records
    /// registered and classified (through the rules), and one request.
    static func log(annotations: Int, records: Int) throws -> (TemporaryDirectory, ClearanceService) {
        let directory = TemporaryDirectory("snapshot")
        let reference = try SeedFolder(path: ReferenceDataTests.seedPath()).events(actor: "office.chen", at: day)
        let (log, _) = try LogFile.create(
            in: directory.path, actor: "office.chen", clock: .simulated(start: Timestamp(parsing: "2007-12-20T01:00:00Z")!),
            entries: reference)
        let service = ClearanceService(directory: directory.path)
        try service.append { _ in
            [
                RoleGranted(at: day, person: "clerk.wang", role: .clerk, units: ["jinjiang-jsj"]).entry(actor: "office.chen"),
                RoleGranted(at: day, person: "reviewer.zhang", role: .reviewer, units: ["jinjiang-jsj"]).entry(actor: "office.chen"),
                NormAdopted(at: day, unit: "jinjiang-jsj", classes: [
                    .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
                ], feedbackDays: 15).entry(actor: "clerk.wang"),
                RequestReceived(at: day, request: "Q-1", unit: "jinjiang-jsj", applicant: "张三", description: "资金").entry(actor: "clerk.wang"),
            ]
        }
        if annotations > 0 {
            _ = try log.append((0..<annotations).map { NewEntry(actor: "probe", type: "probe.ping", data: .object([("n", .integer($0))])) })
        }
        if records > 0 {
            try service.append { _ in
                (0..<records).flatMap { i in
                    [
                        RecordRegistered(at: day, record: "R-\(i)", unit: "jinjiang-jsj", title: "通知\(i)", created: day, summary: "").entry(actor: "clerk.wang"),
                        RecordClassified(at: day, record: "R-\(i)", contentClass: "plans", keyItem: "11-01", disclosure: .proactive).entry(actor: "clerk.wang"),
                    ]
                }
            }
        }
        return (directory, service)
    }

    static func sameState(_ a: ClearanceState, _ b: ClearanceState) -> Bool {
        a.seq == b.seq && a.records == b.records && a.norms == b.norms && a.requests == b.requests && a.feedback == b.feedback
            && a.lastSerial == b.lastSerial && a.milestones == b.milestones && a.roles == b.roles
            && a.reference.units.count == b.reference.units.count && a.reference.calendarNotices == b.reference.calendarNotices
            && a.profiles == b.profiles
    }

    static func fullReplay(_ directory: TemporaryDirectory) throws -> ClearanceState {
        try ClearanceState.load(from: LogReader(directory: directory.path))
    }

    @Test func aLongLogWritesASnapshotAndLoadingFromItGivesTheSameState() throws {
        let (directory, service) = try Self.log(annotations: StateSnapshot.refreshAfter + 10, records: 0)
        _ = try service.load(refreshingSnapshot: true)  // reads past refreshAfter entries: writes the snapshot
        #expect(FileManager.default.fileExists(atPath: directory.file(StateSnapshot.fileName)))
        try service.append { _ in
            [RecordRegistered(at: Self.day, record: "R-after", unit: "jinjiang-jsj", title: "公告", created: Self.day, summary: "").entry(actor: "clerk.wang")]
        }
        let fromSnapshot = try service.load().state
        #expect(Self.sameState(fromSnapshot, try Self.fullReplay(directory)))
        #expect(fromSnapshot.records["R-after"] != nil)
    }

    /// Many records: the snapshot holds them on disk and a command reads only the ones it needs.
    @Test func recordsAreReadFromTheSnapshotOneByOneAndChangesAfterItWin() throws {
        let (directory, service) = try Self.log(annotations: 0, records: 6000)
        _ = try service.load(refreshingSnapshot: true)
        let reader = try LogReader(directory: directory.path)
        let loaded = try #require(StateSnapshot.load(in: directory.path, matching: reader))
        #expect(loaded.state.records["R-4321"]?.registration.title == "通知4321")
        #expect(loaded.state.records["R-4321"]?.status == .classified)
        #expect(loaded.state.records["R-nope"] == nil)
        #expect(loaded.state.requests["Q-1"]?.received.applicant == "张三")
        // A review after the snapshot changes one record; both ways of loading agree.
        try service.append { _ in
            [RecordReviewed(at: Self.day, record: "R-4321", level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").entry(actor: "reviewer.zhang")]
        }
        let state = try service.load().state
        #expect(state.records["R-4321"]?.status == .approved)
        #expect(Self.sameState(state, try Self.fullReplay(directory)))
    }

    @Test func readersDoNotWriteSnapshots() throws {
        let (directory, service) = try Self.log(annotations: StateSnapshot.refreshAfter + 10, records: 0)
        _ = try service.load()
        #expect(!FileManager.default.fileExists(atPath: directory.file(StateSnapshot.fileName)))
    }

    @Test func aSnapshotThatNoLongerMatchesTheLogIsIgnored() throws {
        let (directory, service) = try Self.log(annotations: StateSnapshot.refreshAfter + 10, records: 3)
        _ = try service.load(refreshingSnapshot: true)
        var bytes = try directory.read(StateSnapshot.fileName)
        // Change the hash the snapshot names for its entry (as after rewritten history).
        let text = String(decoding: bytes, as: UTF8.self)
        let hashStart = try #require(text.range(of: #""hash":""#)).upperBound
        let position = text.utf8.distance(from: text.startIndex, to: hashStart)
        bytes[position] = bytes[position] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try directory.write(StateSnapshot.fileName, bytes)
        #expect(StateSnapshot.load(in: directory.path, matching: try LogReader(directory: directory.path)) == nil)
        #expect(Self.sameState(try service.load().state, try Self.fullReplay(directory)))
        try directory.write(StateSnapshot.fileName, Array("not a snapshot".utf8))
        #expect(Self.sameState(try service.load().state, try Self.fullReplay(directory)))
    }

    /// Records of three units at different stages (written straight to the log: the fold, not the
    /// rules, is under test), with a snapshot written after them.
    static func logWithRecordsOfSeveralUnits() throws -> (TemporaryDirectory, ClearanceService) {
        let (directory, service) = try Self.log(annotations: 0, records: 0)
        let log = try LogFile.open(in: directory.path)
        var entries: [NewEntry] = []
        for (unit, count) in [("jinjiang-jsj", 5), ("cd-bgt", 4), ("cd-fgw", 3)] {
            for i in 0..<count {
                let id = "\(unit)-\(i)"
                entries.append(RecordRegistered(at: day, record: id, unit: unit, title: "通知\(i)", created: day, summary: "").entry(actor: "office.chen"))
                // Every record but the last of a unit is classified and approved; every other one is proactive and published.
                guard i < count - 1 else { continue }
                let disclosure: Disclosure = i.isMultiple(of: 2) ? .proactive : .onRequest
                entries.append(RecordClassified(at: day, record: id, contentClass: "plans", keyItem: "11-01", disclosure: disclosure).entry(actor: "office.chen"))
                let approvedOn = day.advanced(by: i)
                entries.append(RecordReviewed(at: approvedOn, record: id, level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").entry(actor: "reviewer.zhang"))
                if disclosure == .proactive {
                    entries.append(RecordPublished(at: approvedOn.advanced(by: 1), record: id, indexNumber: "\(unit)/2007-0000\(i + 1)", channel: "portal").entry(actor: "office.chen"))
                }
            }
        }
        _ = try log.append(entries)
        let reader = try LogReader(directory: directory.path)
        try StateSnapshot.write(try Self.fullReplay(directory), at: try #require(try reader.lastEntry()), in: directory.path)
        return (directory, service)
    }

    /// Progress reads each unit's summary from the snapshot instead of its records: what it reads must
    /// be what summing the records of a full fold gives, before and after changes to some units.
    @Test func unitSummariesFromTheSnapshotEqualThoseOfAFullFold() throws {
        let (directory, service) = try Self.logWithRecordsOfSeveralUnits()
        let loaded = try service.load().state
        let cutoff = try #require(loaded.reference.backlogCutoff)
        #expect(cutoff == Day("2007-12-31")!, "stage 4's deadline")
        let summaries = loaded.records.summaries(ofUnits: nil, backlogCutoff: cutoff)
        #expect(summaries == (try Self.fullReplay(directory)).records.summaries(ofUnits: nil, backlogCutoff: cutoff))
        #expect(summaries.keys.sorted() == ["cd-bgt", "cd-fgw", "jinjiang-jsj"])
        let bgt = try #require(summaries["cd-bgt"])
        #expect(bgt.backlog == 4 && bgt.backlogCleared == 3 && bgt.lastBacklogCleared == Self.day.advanced(by: 2) && bgt.allBacklogCleared == nil)
        #expect(bgt.backlogProactive == 2 && bgt.backlogProactivePublished == 2 && bgt.allBacklogPublished == nil, "cd-bgt-3 is not cleared yet")

        // After the snapshot: cd-bgt's last record is cleared, a new unit registers one; cd-fgw is untouched.
        let log = try LogFile.open(in: directory.path)
        _ = try log.append([
            RecordClassified(at: Self.day, record: "cd-bgt-3", contentClass: "plans", keyItem: "11-01", disclosure: .exempt, basis: "state-secret").entry(actor: "office.chen"),
            RecordReviewed(at: Self.day.advanced(by: 9), record: "cd-bgt-3", level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").entry(actor: "reviewer.zhang"),
            RecordRegistered(at: Self.day, record: "cd-jjw-0", unit: "cd-jjw", title: "新", created: Self.day, summary: "").entry(actor: "office.chen"),
        ])
        let folded = try Self.fullReplay(directory).records
        let fromSnapshot = try service.load().state.records
        #expect(fromSnapshot.summaries(ofUnits: nil, backlogCutoff: cutoff) == folded.summaries(ofUnits: nil, backlogCutoff: cutoff))
        for units: Set<String> in [["cd-bgt"], ["cd-fgw", "cd-jjw"], ["nowhere"], []] {
            #expect(fromSnapshot.summaries(ofUnits: units, backlogCutoff: cutoff) == folded.summaries(ofUnits: units, backlogCutoff: cutoff), "\(units)")
        }
        #expect(fromSnapshot.summaries(ofUnits: ["cd-bgt"], backlogCutoff: cutoff)["cd-bgt"]?.allBacklogCleared == Self.day.advanced(by: 9))
    }

    /// The stored summaries cut the backlog at stage 4's deadline as of the snapshot: once stage 4 is
    /// rescheduled, the units are summed from their records with the new cut, as a full fold does.
    @Test func aRescheduledStage4IsNotAnsweredFromTheStoredSummaries() throws {
        let (directory, service) = try Self.logWithRecordsOfSeveralUnits()
        let earlier = Self.day.advanced(by: -1)
        var stage = try #require(try service.load().state.reference.stages[4]?.data.objectValue)
        stage = stage.map { $0.key == "deadline" ? ("deadline", .string(earlier.description)) : $0 }
        _ = try LogFile.open(in: directory.path).append([NewEntry(actor: "office.chen", type: ReferenceEventType.stageScheduled, data: .object(stage))])
        let loaded = try service.load().state
        #expect(loaded.reference.backlogCutoff == earlier)
        let summaries = loaded.records.summaries(ofUnits: nil, backlogCutoff: earlier)
        #expect(summaries == (try Self.fullReplay(directory)).records.summaries(ofUnits: nil, backlogCutoff: earlier))
        #expect(summaries["cd-bgt"]?.backlog == 0 && summaries["cd-bgt"]?.backlogProactive == 0, "every record was created after the new cut")
    }

    /// A query names the parts it reads; the others are empty, the rest as a full load has them.
    @Test func aLoadReadingSomePartsLeavesTheOthersEmpty() throws {
        let (directory, service) = try Self.logWithRecordsOfSeveralUnits()
        try service.append { _ in
            [FeedbackReceived(at: Self.day, feedback: "F-1", unit: "jinjiang-jsj", text: "好").entry(actor: "clerk.wang")]
        }
        let full = try service.load().state
        for load in [{ try service.load(reading: [.milestones]) }, { try service.load(asOf: .seq(Int.max), reading: [.milestones]) }] {
            let partial = try load().state
            #expect(partial.requests.isEmpty && partial.feedback.isEmpty && partial.roles.isEmpty && partial.profiles.isEmpty)
            #expect(partial.lastSerial.isEmpty)
            #expect(partial.norms == full.norms && partial.records == full.records && partial.seq == full.seq)
            #expect(partial.reference.units.count == full.reference.units.count)
        }
        #expect(full.requests["Q-1"] != nil && full.feedback["F-1"] != nil && !full.roles.isEmpty && !full.lastSerial.isEmpty)
        #expect(Self.sameState(full, try Self.fullReplay(directory)))
    }

    /// Sizes in the header come from a file that may be damaged: one that points outside the file
    /// makes the snapshot unusable (and the log is folded), never a huge read or an overflow.
    @Test(arguments: [
        (#""slots":\d+"#, #""slots":999999999999999999"#),
        (#"\["reference",\d+\]"#, #"["reference",999999999999]"#),
        (#""summaries":"\d+""#, #""summaries":"999999999999999""#),
    ])
    func aHeaderThatPointsOutsideTheFileIsIgnored(pattern: String, replacement: String) throws {
        let (directory, service) = try Self.logWithRecordsOfSeveralUnits()
        let bytes = try directory.read(StateSnapshot.fileName)
        let newline = try #require(bytes.firstIndex(of: 0x0A))
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        let damaged = header.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        #expect(damaged != header)
        try directory.write(StateSnapshot.fileName, Array(damaged.utf8) + bytes[newline...])
        #expect(StateSnapshot.load(in: directory.path, matching: try LogReader(directory: directory.path)) == nil)
        #expect(Self.sameState(try service.load().state, try Self.fullReplay(directory)))
    }
}

