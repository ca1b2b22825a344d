import EventLog
import Foundation
import Testing
import TestSupport

@testable import Clearance

/// The checkpoint must never change an answer: the state from it plus the log after it equals the
/// state from replaying the whole log, and a checkpoint that no longer matches the log is ignored.
@Suite struct DomainCheckpointTests {
    static func log(annotations: Int) throws -> (TemporaryDirectory, ClearanceService) {
        let directory = TemporaryDirectory("checkpoint")
        let day = Day("2007-12-20")!
        let reference = try SeedFolder(path: ReferenceDataTests.seedPath()).events(actor: "office.chen", at: day)
        let (log, _) = try LogFile.create(
            in: directory.path, actor: "office.chen", clock: .simulated(start: Timestamp(parsing: "2007-12-20T01:00:00Z")!),
            entries: reference)
        let service = ClearanceService(directory: directory.path)
        try service.append { _ in
            [RoleGranted(at: day, person: "clerk.wang", role: .clerk, units: ["jinjiang-jsj"]).entry(actor: "office.chen")]
        }
        _ = try log.append((0..<annotations).map { NewEntry(actor: "probe", type: "probe.ping", data: .object([("n", .integer($0))])) })
        try service.append { _ in
            [RecordRegistered(at: day, record: "R-1", unit: "jinjiang-jsj", title: "通知", created: day, summary: "").entry(actor: "clerk.wang")]
        }
        return (directory, service)
    }

    static func sameState(_ a: ClearanceState, _ b: ClearanceState) -> Bool {
        a.seq == b.seq && a.records == b.records && a.norms == b.norms && a.requests == b.requests && a.feedback == b.feedback
            && a.indexNumbers == b.indexNumbers && a.lastSerial == b.lastSerial && a.milestones == b.milestones
            && a.roles == b.roles && a.reference.units.count == b.reference.units.count
            && a.reference.calendarYears == b.reference.calendarYears
    }

    @Test func aLongLogWritesACheckpointAndLoadingFromItGivesTheSameState() throws {
        let (directory, service) = try Self.log(annotations: DomainCheckpoint.refreshAfter + 10)
        #expect(FileManager.default.fileExists(atPath: directory.file(DomainCheckpoint.fileName)))
        let checkpoint = try #require(DomainCheckpoint.read(in: directory.path))
        #expect(checkpoint.lines.count < 1000, "only the lines that matter are copied")
        // Appends after the checkpoint, then both ways of loading agree.
        try service.append { _ in
            [RecordRegistered(at: Day("2007-12-20")!, record: "R-2", unit: "jinjiang-jsj", title: "公告", created: Day("2007-12-20")!, summary: "").entry(actor: "clerk.wang")]
        }
        let fromCheckpoint = try service.load().state
        let full = try ClearanceState.load(from: LogReader(directory: directory.path))
        #expect(Self.sameState(fromCheckpoint, full))
        #expect(fromCheckpoint.records["R-2"] != nil && fromCheckpoint.seq == full.seq)
    }

    @Test func aCheckpointThatNoLongerMatchesTheLogIsIgnored() throws {
        let (directory, service) = try Self.log(annotations: DomainCheckpoint.refreshAfter + 10)
        let checkpoint = try #require(DomainCheckpoint.read(in: directory.path))
        // A checkpoint naming a different hash for its entry (as after rewritten history), holding a
        // line that would register a record the log never had.
        let forged = DomainCheckpoint(
            seq: checkpoint.seq, hashHex: String(repeating: "0", count: 64), offset: checkpoint.offset, length: checkpoint.length,
            lines: checkpoint.lines)
        try forged.write(in: directory.path)
        let state = try service.load().state
        let full = try ClearanceState.load(from: LogReader(directory: directory.path))
        #expect(Self.sameState(state, full))
        // Garbage in the file is ignored too.
        try directory.write(DomainCheckpoint.fileName, Array("not a checkpoint".utf8))
        #expect(Self.sameState(try service.load().state, full))
    }
}
