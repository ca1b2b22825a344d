import EventLog
import Foundation
import Testing

/// History rewritten under a rebuild's checkpoint, as an attacker would (one line changed, every hash
/// after it recomputed so that the chain verifies), is named by seq and byte offset in one sentence,
/// and the rebuild starts again from nothing; a manifest with values no rebuild writes is no crash.
@Suite struct RebuildRewrittenHistoryTests {
    /// Re-encodes every entry of the log, with `title` as the title of record R-1.
    static func rewrite(_ cli: CLITestCase, title: String) throws {
        var encoder = EntryEncoder(afterSeq: 0, hashHex: EntryFormat.zeroHash)
        var forged: [UInt8] = []
        for entry in try LogReader(directory: cli.folder.file("event-log")).entries() {
            var data = try entry.data()
            if entry.type == "record.registered", data["record"]?.stringValue == "R-1" {
                data = .object((data.objectValue ?? []).map { $0.key == "title" ? ($0.key, .string(title)) : $0 })
            }
            encoder.encode(
                NewEntry(id: entry.id, actor: entry.actor, type: entry.type, data: data), id: entry.id,
                recorded: entry.recorded.iso8601, batchEnd: entry.batchEnd, into: &forged)
        }
        try cli.folder.write("event-log/events.jsonl", forged)
    }

    // A longer line (the last entry's old offset falls inside a line) and a shorter one (the old
    // offset and length run past the end of the log).
    @Test(arguments: ["锦江区建设局2008年城市道路维修计划（改写后加长了许多字，好让后面每一行都错位）", "短"])
    func aRewriteOfAnotherLengthIsNamedBySeqAndRebuiltFromNothing(title: String) throws {
        let cli = try CLITestCase.seeded()
        for id in ["R-1", "R-2"] {
            let register = ["record", "register", id, "--unit", "jinjiang-jsj", "--title", "锦江区建设局2008年城市道路维修计划", "--created", "2008-01-10"]
            #expect(try cli.run(register + ["--actor", "clerk.wang"]).status == 0)
        }
        #expect(try cli.run(["rebuild"]).status == 0)
        let manifest = try JSONParser.parse(cli.folder.read("projections/manifest.json"))
        let anchor = try #require(manifest["builtFrom"]?.stringValue)
        let seq = try #require(manifest["builtFromSeq"]?.intValue)
        let offset = try #require(manifest["builtFromOffset"]?.intValue)

        try Self.rewrite(cli, title: title)
        #expect(try cli.run(["verify"]).status == 0, "the forgery is consistent: only an anchor catches it")
        let again = try cli.run(["rebuild"])
        #expect(again.status == 0, "\(again.stderr)")
        let lines = again.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one sentence: \(again.stderr)")
        #expect(again.stderr.contains("HISTORY WAS REWRITTEN") && again.stderr.contains("up to seq \(seq) (\(anchor))"), "\(again.stderr)")
        #expect(again.stderr.contains("byte offset \(offset)") || again.stderr.contains("ends at byte"), "\(again.stderr)")
        #expect(again.stderr.contains("'clearance verify --anchor \(anchor)'"), "\(again.stderr)")
        for dump in ["FrameError", "reason:", "Error(", "Fatal"] { #expect(!again.stderr.contains(dump), "\(again.stderr)") }
        #expect(!again.stdout.contains("added after"), "rebuilt from nothing: \(again.stdout)")
        #expect(try cli.run(["record", "show", "R-1"]).stdout.contains(title))
        // What the warning suggests does catch it.
        let anchored = try cli.run(["verify", "--anchor", anchor])
        #expect(anchored.status == 1 && anchored.stderr.split(separator: "\n").count == 1, "\(anchored.stderr)")
    }

    /// Values no rebuild writes (an offset past any file, a negative length) are said, not trusted: before,
    /// the largest offset overflowed and stopped the program.
    @Test(arguments: [(Int.max, 100), (-1, 100), (0, -5), (10, Int.max)])
    func aManifestNamingNoEntryIsSaidAndRebuiltFromNothing(offset: Int, length: Int) throws {
        let cli = try CLITestCase.seeded()
        #expect(try cli.run(["rebuild"]).status == 0)
        let manifest = try JSONParser.parse(cli.folder.read("projections/manifest.json"))
        let forged = JSONValue.object((manifest.objectValue ?? []).map {
            switch $0.key {
            case "builtFromOffset": ($0.key, .integer(offset))
            case "builtFromLength": ($0.key, .integer(length))
            default: $0
            }
        })
        try cli.folder.write("projections/manifest.json", JSONWriter.bytes(forged))
        let again = try cli.run(["rebuild"])
        // An offset past the end is also what a log cut short looks like.
        let said = again.stderr.contains("cannot be checked against the log") || again.stderr.contains("HISTORY WAS REWRITTEN")
        #expect(again.status == 0 && said, "\(again.stderr)")
        #expect(again.stderr.split(separator: "\n").count == 1 && !again.stdout.contains("added after"), "\(again.stderr)")
    }
}
