import Foundation
import Testing
import TestSupport

@testable import EventLog

/// Signed submissions (docs/log-format.md, S1–S6): each way a submission can fail to prove its
/// actor is caught by `verify`, at that submission, though every hash and link is intact.
@Suite struct SignedSubmissionTests {
    static let office = try! Ed25519.PrivateKey(seed: [UInt8](repeating: 1, count: 32))
    static let clerk = try! Ed25519.PrivateKey(seed: [UInt8](repeating: 2, count: 32))
    static let stranger = try! Ed25519.PrivateKey(seed: [UInt8](repeating: 3, count: 32))

    /// A log that binds actors, created by office.chen, whose first submission registers its own key.
    struct BoundLog {
        let directory = TemporaryDirectory("signed")
        let log: LogFile
        var clock = Timestamp(parsing: "2026-12-08T09:00:00Z")!

        init() throws {
            let key = SignedSubmissionTests.office
            log = try LogFile.create(
                in: directory.path, actor: "office.chen", actors: .bound,
                entries: [Self.keyEntry("key.registered", for: "office.chen", key)],
                sign: { name, entries in
                    let at = Timestamp(parsing: "2026-12-08T08:00:00Z")!
                    return SubmissionSignature(
                        publicKey: key.publicKey.bytes, at: at, signature: key.sign(SignedBytes.of(log: name, at: at, entries: entries)))
                }).log
        }

        static func keyEntry(_ type: String, for actor: String, _ key: Ed25519.PrivateKey) -> NewEntry {
            NewEntry(actor: "office.chen", type: type, data: .object([("actor", .string(actor)), ("key", .string(key.publicKey.bytes.hex)), ("reason", .string("test"))]))
        }

        /// Appends `entries` signed by `key` at the next tick of the test's clock (or at `at`).
        @discardableResult
        mutating func append(_ entries: [NewEntry], signedBy key: Ed25519.PrivateKey?, at: Timestamp? = nil) throws -> LogFile.AppendResult {
            clock = clock.adding(milliseconds: 1000)
            let when = at ?? clock
            let signature = key.map {
                SubmissionSignature(publicKey: $0.publicKey.bytes, at: when, signature: $0.sign(SignedBytes.of(log: log.header.name, at: when, entries: entries)))
            }
            return try log.append(submissions: [Submission(entries, signature: signature)])
        }

        func verify() throws -> LogVerifier.Report { try LogVerifier.verify(directory: directory.path) }

        /// What verify finds; the independent verifier (docs/tools/verify-log.py, with Debian's
        /// python3-nacl) must find the same first bad seq and rule.
        func failure(filePath: String = #filePath) -> EventLogError? {
            var root = URL(fileURLWithPath: filePath)
            while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
            let python = try? BuiltProgram(path: "/usr/bin/python3").run(
                [root.appendingPathComponent("docs/tools/verify-log.py").path, LogFile.path(in: directory.path)])
            do {
                _ = try verify()
                #expect(python?.status == 0, "verify-log.py: \(python?.stderr ?? "did not run")")
                return nil
            } catch let error as EventLogError {
                if case .corrupt(let seq, _, let reason) = error, let seq, let rule = reason.range(of: #"\(S[1-6]\)"#, options: .regularExpression) {
                    let said = python?.stderr ?? "did not run"
                    #expect(said.hasPrefix("error: seq \(seq) ") && said.contains(String(reason[rule])), "verify-log.py said: \(said); verify: \(reason)")
                }
                return error
            } catch { return nil }
        }
    }

    static let note = NewEntry(actor: "clerk.wang", type: "note.filed", data: .object([("text", .string("首批"))]))

    @Test func aLogOfWellSignedSubmissionsVerifies() throws {
        var log = try BoundLog()
        try log.append([BoundLog.keyEntry("key.registered", for: "clerk.wang", Self.clerk)], signedBy: Self.office)
        try log.append([Self.note, Self.note], signedBy: Self.clerk)
        let report = try log.verify()
        #expect(report.entries == 5 && report.signedSubmissions == 3)
        #expect(log.failure() == nil, "both verifiers accept it")
        #expect(try LogReader(directory: log.directory.path).lastEntry()?.signed?.from == 4)
    }

    @Test func anUnsignedSubmissionInALogThatBindsActorsIsCaught() throws {
        var log = try BoundLog()
        try log.append([Self.note], signedBy: nil)
        guard case .corrupt(let seq, _, let reason) = log.failure() else { Issue.record("not caught"); return }
        #expect(seq == 3 && reason.contains("S6"))
    }

    @Test func aKeyNeverRegisteredIsCaught() throws {
        var log = try BoundLog()
        try log.append([Self.note], signedBy: Self.stranger)
        guard case .corrupt(let seq, _, let reason) = log.failure() else { Issue.record("not caught"); return }
        #expect(seq == 3 && reason.contains("S4") && reason.contains(Self.stranger.publicKey.bytes.hex))
    }

    @Test func aKeyUsedAfterItsRevocationIsCaughtAndWhatItSignedBeforeStaysValid() throws {
        var log = try BoundLog()
        try log.append([BoundLog.keyEntry("key.registered", for: "clerk.wang", Self.clerk)], signedBy: Self.office)
        try log.append([Self.note], signedBy: Self.clerk)  // seq 4: before the revocation, valid
        try log.append([BoundLog.keyEntry("key.revoked", for: "clerk.wang", Self.clerk)], signedBy: Self.office)
        #expect(try log.verify().signedSubmissions == 4)
        try log.append([Self.note], signedBy: Self.clerk)  // seq 6: after it
        guard case .corrupt(let seq, _, let reason) = log.failure() else { Issue.record("not caught"); return }
        #expect(seq == 6 && reason.contains("not in force"))
    }

    @Test func aSignatureThatDoesNotMatchItsBytesIsCaught() throws {
        var log = try BoundLog()
        try log.append([BoundLog.keyEntry("key.registered", for: "clerk.wang", Self.clerk)], signedBy: Self.office)
        // Signed over other content than what is appended (a writer that changed the data).
        let at = Timestamp(parsing: "2026-12-08T10:00:00Z")!
        var changed = Self.note
        changed.data = .object([("text", .string("改过的"))])
        let signature = SubmissionSignature(
            publicKey: Self.clerk.publicKey.bytes, at: at, signature: Self.clerk.sign(SignedBytes.of(log: log.log.header.name, at: at, entries: [changed])))
        _ = try log.log.append(submissions: [Submission([Self.note], signature: signature)])
        guard case .corrupt(let seq, _, let reason) = log.failure() else { Issue.record("not caught"); return }
        #expect(seq == 4 && reason.contains("S3"))
    }

    @Test func aReplayedSubmissionIsCaught() throws {
        var log = try BoundLog()
        try log.append([BoundLog.keyEntry("key.registered", for: "clerk.wang", Self.clerk)], signedBy: Self.office)
        let at = Timestamp(parsing: "2026-12-08T11:00:00Z")!
        try log.append([Self.note], signedBy: Self.clerk, at: at)
        #expect(try log.verify().signedSubmissions == 3)
        try log.append([Self.note], signedBy: Self.clerk, at: at)  // the same bytes, signature and all
        guard case .corrupt(let seq, _, let reason) = log.failure() else { Issue.record("not caught"); return }
        #expect(seq == 5 && reason.contains("S5"))
    }

    @Test func aSubmissionOfTwoActorsIsCaught() throws {
        var log = try BoundLog()
        var other = Self.note
        other.actor = "office.chen"
        try log.append([other, Self.note], signedBy: Self.office)
        guard case .corrupt(let seq, _, let reason) = log.failure() else { Issue.record("not caught"); return }
        #expect(seq == 3 && reason.contains("S2"))
    }

    @Test func theSignedBlockRoundTripsThroughTheReader() throws {
        var log = try BoundLog()
        try log.append([BoundLog.keyEntry("key.registered", for: "clerk.wang", Self.clerk)], signedBy: Self.office)
        let entries = try LogReader(directory: log.directory.path).entries()
        let block = try #require(entries.last?.signed)
        #expect(block.from == 3 && block.publicKey == Self.office.publicKey.bytes && block.signature.count == 64)
        #expect(entries.last?.text.contains(#","signed":{"from":3,"key":""#) == true)
        // Content is a slice of the line: what the signer signed.
        #expect(String(decoding: entries.last!.contentBytes, as: UTF8.self).hasPrefix(#""actor":"office.chen","type":"key.registered","data":{"#))
    }
}
