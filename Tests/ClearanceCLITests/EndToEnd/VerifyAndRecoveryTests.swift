import Foundation
import Testing

@Suite struct VerifyAndRecoveryTests {
    @Test func aChangedByteIsNamedBySeqAndOffset() throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a","data":{"t":"一"}}"#, #"{"type":"b","data":{"t":"二"}}"#])
        try cli.run(["append", "--actor", "w"], stdin: "{\"type\":\"c\"}\n")
        var bytes = try cli.logBytes()
        let secondLineStart = bytes.firstIndex(of: 0x0A)! + 1
        let third = bytes[secondLineStart...].firstIndex(of: 0x0A)! + 1
        bytes[third + 40] ^= 0x01
        try cli.folder.write("event-log/events.jsonl", bytes)
        let outcome = try cli.run(["verify"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("seq 3 at byte offset \(third)"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func aPublishedAnchorKeepsHoldingAfterLaterAppends() throws {
        let cli = CLITestCase()
        let head = try cli.makeLog(events: [#"{"type":"a"}"#])
        let anchor = String(head.dropFirst("head ".count))
        try cli.run(["append", "--actor", "w"], stdin: "{\"type\":\"b\"}\n")
        let outcome = try cli.run(["verify", "--anchor", anchor])
        #expect(outcome.status == 0 && outcome.stdout.contains("anchor \(anchor) holds"))
        let wrong = String(anchor.dropLast()) + (anchor.hasSuffix("0") ? "1" : "0")
        let refused = try cli.run(["verify", "--anchor", wrong])
        #expect(refused.status == 1 && refused.stderr.contains("rewritten"))
    }

    @Test func aTornTailIsMentionedByReadersAndMovedAsideByTheNextAppend() throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a"}"#])
        let committed = try cli.logBytes()
        let partial = Array(#"{"seq":5,"id":"ev-x","recorded":"2026-"#.utf8)
        try cli.folder.write("event-log/events.jsonl", committed + partial)

        let listed = try cli.run(["log"])
        #expect(listed.status == 0 && listed.stderr.contains("torn tail of \(partial.count) bytes"))
        #expect(try cli.logBytes() == committed + partial, "readers never write")
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("ok: 4 entries"))

        let appended = try cli.run(["append", "--actor", "clerk.li"], stdin: "{\"type\":\"b\"}\n")
        #expect(appended.status == 0)
        #expect(appended.stderr.contains("recovered a torn tail: \(partial.count) bytes"))
        let quarantine = try FileManager.default.contentsOfDirectory(atPath: cli.folder.file("event-log")).filter { $0.contains("quarantine") }
        #expect(quarantine.count == 1)
        #expect(try cli.folder.read("event-log/" + quarantine[0]) == partial)
        #expect(try cli.run(["verify"]).stdout.contains("ok: 5 entries"))
    }

    /// The log-format spec is enough for a verifier in another language: docs/tools/verify-log.py
    /// must agree with `clearance verify` on a good log and on a damaged one.
    @Test func theReferencePythonVerifierAgrees() throws {
        let script = packageRoot().appendingPathComponent("docs/tools/verify-log.py").path
        guard FileManager.default.fileExists(atPath: script),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        else {
            Issue.record("docs/tools/verify-log.py or python3 is missing")
            return
        }
        let cli = CLITestCase()
        let head = try cli.makeLog(events: [#"{"type":"a","data":{"t":"中文"}}"#, #"{"type":"b"}"#])
        let python = TestSupportPython(script: script)
        let good = try python.run(cli.logPath)
        #expect(good.status == 0 && good.stdout.contains(String(head.dropFirst("head ".count))), "\(good.stdout) \(good.stderr)")
        var bytes = try cli.logBytes()
        bytes[bytes.count - 100] ^= 0x01
        try cli.folder.write("event-log/events.jsonl", bytes)
        let bad = try python.run(cli.logPath)
        let ours = try cli.run(["verify"])
        #expect(bad.status == 1 && ours.status == 1)
        let offset = ours.stderr.components(separatedBy: "byte offset ").last?.prefix { $0.isNumber } ?? "?"
        #expect(bad.stderr.contains("offset \(offset)"), "python: \(bad.stderr) clearance: \(ours.stderr)")
    }
}

struct TestSupportPython {
    let script: String

    func run(_ path: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
