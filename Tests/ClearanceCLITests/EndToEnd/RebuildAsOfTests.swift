import EventLog
import Foundation
import Testing

/// `rebuild --as-of-seq N` writes what a rebuild of a copy of the log cut at N writes; it leaves the
/// state snapshot alone and never takes itself for rewritten history.
@Suite struct RebuildAsOfTests {
    /// Every file under `folder`, by path relative to it.
    static func files(in folder: String) throws -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                out[path] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            }
        }
        return out
    }

    /// The manifest without what may differ: when it was built, the as-of it was asked for, and the
    /// chain's check (always of the whole log as it is, not as it was).
    static func comparable(_ manifest: [UInt8]) throws -> JSONValue {
        let json = try JSONParser.parse(manifest)
        return .object((json.objectValue ?? []).filter { !["builtAt", "asOf", "chain"].contains($0.key) })
    }

    // A batch's end, inside the next batch, the head (0): the demo's first batches after the seed's entries.
    @Test(arguments: [seededLogEntries + 12, seededLogEntries + 15, 0])
    func anAsOfRebuildEqualsARebuildOfTheLogCutThere(seq: Int) throws {
        let cli = try ProgressViewsTests.demoCase()
        let bytes = try cli.logBytes()
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        let cutAt = seq == 0 ? lineEnds.count : seq
        // A full rebuild first, into the same folder: the as-of one must replace it, later units' files too.
        #expect(try cli.run(["rebuild"]).status == 0)
        let asOf = try cli.run(["rebuild", "--as-of-seq", String(cutAt)])
        #expect(asOf.status == 0 && asOf.stderr.isEmpty, "\(asOf.stderr)")

        try FileManager.default.createDirectory(atPath: cli.folder.file("cut/event-log"), withIntermediateDirectories: true)
        try cli.folder.write("cut/event-log/events.jsonl", Array(bytes[...lineEnds[cutAt - 1]]))
        let onCopy = try cli.run(["rebuild", "--log", "cut/event-log", "--out", "cut/projections"])
        #expect(onCopy.status == 0, "\(onCopy.stderr)")

        var expected = try Self.files(in: cli.folder.file("cut/projections"))
        var actual = try Self.files(in: cli.folder.file("projections"))
        let actualManifest = actual.removeValue(forKey: "manifest.json") ?? []
        let expectedManifest = expected.removeValue(forKey: "manifest.json") ?? []
        #expect(try Self.comparable(actualManifest) == Self.comparable(expectedManifest))
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected { #expect(actual[path] == bytes, "\(path) differs as of seq \(cutAt)") }
        #expect(expected["internal/progress.json"] != nil && expected["internal/progress.html"] != nil && expected["internal/funnel.html"] != nil)
        // A unit whose first record came after the cut has no catalogue (the demo's three writers race,
        // so which units those are varies from run to run).
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        for unit in ["jinjiang-jsj", "qingyang-jyj", "jinniu-mzj"] {
            let first = try #require(lines.first { $0.contains(#""type":"record.registered""#) && $0.contains(#""unit":"\#(unit)""#) })
            let batchEnd = try #require(first.split(separator: #""batchEnd":"#).last?.prefix { $0.isNumber }).description
            #expect((expected["catalogues/\(unit).csv"] == nil) == (Int(batchEnd)! > cutAt), "\(unit)'s first record's batch ends at \(batchEnd)")
        }
        let manifest = String(decoding: try cli.folder.read("projections/manifest.json"), as: UTF8.self)
        #expect(manifest.contains(#""asOf":{"seq":\#(cutAt)}"#))
    }

    @Test func anAsOfRebuildLeavesTheCheckpointAloneAndRaisesNoFalseAlarm() throws {
        let cli = try ProgressViewsTests.demoCase()
        let notes = String(repeating: #"{"type":"note.filed","data":{"text":"x"}}"# + "\n", count: 100)
        #expect(try cli.run(["append", "--actor", "clerk.wang"], stdin: notes).status == 0)
        let snapshot = cli.folder.file("event-log/projections.checkpoint")

        let firstBatchEnd = seededLogEntries + 12
        let asOf = try cli.run(["rebuild", "--as-of-seq", "\(firstBatchEnd)"])
        #expect(asOf.status == 0 && asOf.stderr.isEmpty, "\(asOf.stderr)")
        #expect(asOf.stdout.hasPrefix("rebuilt projections from \(firstBatchEnd):"))
        #expect(!FileManager.default.fileExists(atPath: snapshot), "an as-of rebuild wrote the checkpoint")

        let full = try cli.run(["rebuild"])
        #expect(full.status == 0 && full.stderr.isEmpty, "the as-of manifest's anchor is in the log: \(full.stderr)")
        let written = try cli.folder.read("event-log/projections.checkpoint")
        let again = try cli.run(["rebuild", "--as-of-seq", "\(firstBatchEnd + 3)"])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("rebuilt projections from \(firstBatchEnd):"), "inside the batch that ends 4 entries later")
        #expect(try cli.folder.read("event-log/projections.checkpoint") == written)
        #expect(try cli.run(["rebuild", "--as-of-seq", "\(firstBatchEnd)", "--as-of", "2008-01-01"]).status == 2)
    }
}
