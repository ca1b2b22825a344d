import Foundation
import TestSupport
import Testing

/// A disk that fills mid-write, played by a file-size limit (`ulimit -f`, in 512-byte blocks, with
/// SIGXFSZ ignored so that a write past it fails with EFBIG as one on a full disk fails with ENOSPC):
/// the error names the file, nothing half-written is left behind, and the log is as it was.
@Suite struct DiskFullTests {
    /// Runs `clearance` with `arguments` under a limit of `blocks` blocks on every file it writes.
    static func run(_ cli: CLITestCase, limit blocks: Int, _ arguments: [String], stdin: String = "") throws -> BuiltProgram.Outcome {
        let script = "trap '' XFSZ; ulimit -f \(blocks) && exec \"$0\" \"$@\""
        return try BuiltProgram(path: "/bin/sh").run(["-c", script, cli.clearance.path] + arguments, stdin: stdin, in: cli.folder.path)
    }

    static func quarantineFiles(_ cli: CLITestCase) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.folder.file("event-log")).filter { $0.contains("quarantine") }
    }

    /// No room for the torn tail's copy: none at all (an empty file was left before), or part of it.
    @Test(arguments: [0, 1])
    func aTornTailThatCannotBeMovedAsideLeavesNoQuarantineFile(blocks: Int) throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a"}"#])
        let partial = Array(#"{"seq":5,"id":"ev-x","recorded":"2026-"#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 2000)
        let before = try cli.logBytes() + partial
        try cli.folder.write("event-log/events.jsonl", before)

        let full = try Self.run(cli, limit: blocks, ["append", "--actor", "clerk.li"], stdin: "{\"type\":\"b\"}\n")
        #expect(full.status == 1, "\(full.stdout) \(full.stderr)")
        #expect(full.stderr.hasPrefix("error: ") && full.stderr.split(separator: "\n").count == 1, "\(full.stderr)")
        #expect(full.stderr.contains("event-log/events.jsonl.quarantine-\(before.count - partial.count)-"), "names the file: \(full.stderr)")
        #expect(full.stderr.contains("File too large") && full.stderr.contains("the log left as it was"), "\(full.stderr)")
        #expect(try Self.quarantineFiles(cli).isEmpty, "no empty or partial quarantine file")
        #expect(try cli.logBytes() == before, "the log is unchanged")

        // With room again, the next append moves the whole tail aside and appends.
        let appended = try cli.run(["append", "--actor", "clerk.li"], stdin: "{\"type\":\"b\"}\n")
        #expect(appended.status == 0 && appended.stderr.contains("recovered a torn tail: \(partial.count) bytes"), "\(appended.stderr)")
        let kept = try Self.quarantineFiles(cli)
        #expect(kept.count == 1)
        #expect(try kept.first.map { try cli.folder.read("event-log/" + $0) } == partial)
    }

    /// A rebuild that runs out of room names the file it was writing, in one line, not "a file".
    @Test(arguments: [1, 200])
    func aRebuildOutOfRoomNamesTheFile(blocks: Int) throws {
        let cli = try CLITestCase.seeded()
        let full = try Self.run(cli, limit: blocks, ["rebuild", "--out", "out"])
        #expect(full.status == 1)
        #expect(full.stderr.hasPrefix("error: cannot write ") && full.stderr.contains(": File too large"), "\(full.stderr)")
        #expect(!full.stderr.contains("a file") && full.stderr.split(separator: "\n").count == 1, "\(full.stderr)")
        // The checkpoint beside the log is written whole or not at all.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.file("event-log")).allSatisfy { !$0.contains(".tmp-") })
        #expect(try cli.run(["verify"]).status == 0)
    }
}
