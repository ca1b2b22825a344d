import Clearance
import EventLog
import Foundation
import Testing
import TestSupport

@testable import Projections

/// Time travel: a projection as of seq N equals the same projection computed on a copy of the log
/// cut at N, at random cut points, including cuts inside a batch.
@Suite struct AsOfTests {
    static let day = Day("2007-12-20")!

    static func seedPath(filePath: String = #filePath) -> String {
        var root = URL(fileURLWithPath: filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        return root.appendingPathComponent("seeds/chengdu-2007").path
    }

    /// A seeded log with a day of clearance in one unit, in many small batches.
    static func log() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory("asof")
        let reference = try SeedFolder(path: seedPath()).events(actor: "office.chen", at: day)
        _ = try LogFile.create(in: directory.path, actor: "office.chen", clock: .simulated(start: Timestamp(parsing: "2007-12-20T01:00:00Z")!), entries: reference)
        let service = ClearanceService(directory: directory.path)
        let unit = "jinjiang-jsj"
        try service.append { _ in
            [
                RoleGranted(at: day, person: "clerk.wang", role: .clerk, units: [unit]).entry(actor: "office.chen"),
                RoleGranted(at: day, person: "reviewer.zhang", role: .reviewer, units: [unit]).entry(actor: "office.chen"),
                RoleGranted(at: day, person: "publisher.li", role: .publisher, units: [unit]).entry(actor: "office.chen"),
                NormAdopted(at: day, unit: unit, classes: [
                    .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
                ], feedbackDays: 15).entry(actor: "clerk.wang"),
            ]
        }
        for i in 0..<12 {
            let id = "R-\(i)"
            try service.append { _ in
                [
                    RecordRegistered(at: day, record: id, unit: unit, title: "通知\(i)", created: day, summary: "摘要\(i)").entry(actor: "clerk.wang"),
                    RecordClassified(at: day, record: id, contentClass: "plans", keyItem: "11-01", disclosure: i % 4 == 3 ? .onRequest : .proactive).entry(actor: "clerk.wang"),
                ]
            }
            try service.append { _ in
                [RecordReviewed(at: day, record: id, level: 1, secrecy: .passed, accuracy: i % 5 == 4 ? .failed : .passed, outcome: i % 5 == 4 ? .returned : .approved, checked: "密级、文号", grounds: i % 5 == 4 ? "请核对文号" : "同意公开").entry(actor: "reviewer.zhang")]
            }
            try service.append { state in
                guard state.records[id]?.status == .approved, state.records[id]?.classification?.disclosure == .proactive else { return [] }
                let number = IndexNumber.next(for: unit, year: day.year, in: state)
                return [RecordPublished(at: day, record: id, indexNumber: number.description, channel: "portal").entry(actor: "publisher.li")]
            }
        }
        return directory
    }

    static func projections(_ state: ClearanceState) -> String {
        let units: Set<String> = ["jinjiang-jsj"]
        return JSONWriter.string(CatalogueProjection(title: "t", units: units, state: state).json)
            + JSONWriter.string(ProgressProjection(state: state, units: units, on: day).json)
    }

    @Test func aProjectionAsOfSeqEqualsTheSameProjectionOnACutCopy() throws {
        let directory = try Self.log()
        let bytes = try directory.read("events.jsonl")
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        let service = ClearanceService(directory: directory.path)
        var random = SystemRandomNumberGenerator()
        let seeded = try 1 + SeedFolder(path: Self.seedPath()).events(actor: "office.chen", at: Self.day).count
        var seqs = (0..<25).map { _ in Int.random(in: (seeded - 5)...lineEnds.count, using: &random) }
        seqs += [1, seeded, lineEnds.count]
        for seq in seqs {
            let asOf = try service.load(asOf: .seq(seq)).state
            let cut = TemporaryDirectory("cut")
            try cut.write("events.jsonl", Array(bytes[...lineEnds[seq - 1]]))
            let onCopy = try ClearanceService(directory: cut.path).load().state
            #expect(asOf.seq == onCopy.seq, "seq \(seq)")
            #expect(Self.projections(asOf) == Self.projections(onCopy), "seq \(seq)")
        }
    }

    @Test func asOfATimeStopsAtWhatWasRecordedByThen() throws {
        let directory = try Self.log()
        let service = ClearanceService(directory: directory.path)
        let entries = try LogReader(directory: directory.path).entries()
        let middle = entries[entries.count / 2]
        let byTime = try service.load(asOf: .recorded(middle.recorded)).state
        let bySeq = try service.load(asOf: .seq(middle.batchEnd)).state
        #expect(Self.projections(byTime) == Self.projections(bySeq))
        #expect(byTime.seq == middle.batchEnd)
    }
}
