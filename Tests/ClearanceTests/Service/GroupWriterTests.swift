import EventLog
import Foundation
import Testing
import TestSupport

@testable import Clearance

/// The single writer's group commit: submissions queued together are checked in order, each against
/// the state the accepted ones before it leave; the refused ones are left out and the others go in
/// as one batch.
@Suite struct GroupWriterTests {
    static let root = Trust.Identity(kind: .osAccount, name: "root")

    static func note(_ actor: String, _ n: Int, id: String? = nil) -> GroupWriter.Request {
        GroupWriter.Request(
            submission: Submission([NewEntry(id: id, actor: actor, type: "note.filed", data: .object([("n", .integer(n))]))]),
            identity: root, expectedSeq: nil)
    }

    /// A log of declared actors where office.chen (its creator) may write.
    static func log() throws -> (TemporaryDirectory, GroupWriter) {
        let directory = TemporaryDirectory("group")
        _ = try LogFile.create(in: directory.path, actor: "office.chen")
        return (directory, try GroupWriter(directory: directory.path))
    }

    @Test func aRefusedSubmissionIsLeftOutAndTheOthersGoInOneBatch() throws {
        let (directory, writer) = try Self.log()
        // The middle one breaks a rule: a record published that was never registered (data of the wrong shape).
        let broken = GroupWriter.Request(
            submission: Submission([NewEntry(actor: "office.chen", type: "record.published", data: .object([]))]), identity: Self.root,
            expectedSeq: nil)
        let outcomes = writer.commit([Self.note("office.chen", 1), broken, Self.note("office.chen", 3)])
        guard case .appended(let first) = outcomes[0], case .refused(let message, let retry) = outcomes[1], case .appended(let third) = outcomes[2]
        else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(first.seqs == [2] && third.seqs == [3] && first.head == third.head && third.head.seq == 3)
        #expect(message.contains("record.published") && message.contains("nothing was appended") && !retry, "\(message)")
        #expect(writer.batches == 1)
        let entries = try LogReader(directory: directory.path).entries()
        #expect(entries.map(\.batchEnd) == [1, 3, 3])
    }

    @Test func anIdTakenEarlierInTheGroupIsARetryAndLaterADuplicate() throws {
        let (directory, writer) = try Self.log()
        defer { withExtendedLifetime(directory) {} }
        let outcomes = writer.commit([Self.note("office.chen", 1, id: "n-1"), Self.note("office.chen", 2, id: "n-1")])
        guard case .refused(_, let retry) = outcomes[1] else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(retry)
        guard case .appended(let again) = writer.commit([Self.note("office.chen", 2, id: "n-1")])[0] else {
            Issue.record("a repeated id is answered as a duplicate")
            return
        }
        #expect(again.seqs == [nil] && again.duplicates.first?.seq == 2)
    }

    @Test func anExpectedSeqIsCheckedAgainstTheSubmissionsBeforeItInTheGroup() throws {
        let (directory, writer) = try Self.log()
        defer { withExtendedLifetime(directory) {} }
        let expecting = GroupWriter.Request(submission: Self.note("office.chen", 2).submission, identity: Self.root, expectedSeq: 1)
        let outcomes = writer.commit([Self.note("office.chen", 1), expecting])
        guard case .refused(let message, _) = outcomes[1] else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(message.contains("2") && message.contains("1"), "\(message)")
    }

    @Test func aDirectAppendBetweenGroupsIsFoldedIn() throws {
        let (directory, writer) = try Self.log()
        _ = writer.commit([Self.note("office.chen", 1)])
        _ = try LogFile.open(in: directory.path).append([NewEntry(actor: "office.chen", type: "note.filed")])
        guard case .appended(let result) = writer.commit([Self.note("office.chen", 3)])[0] else {
            Issue.record("appended after a direct append")
            return
        }
        #expect(result.seqs == [4] && writer.loads == 2)
    }

    @Test func aSignatureNotLaterThanItsKeysLastIsAnsweredRetry() throws {
        let directory = TemporaryDirectory("group")
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 7, count: 32))
        let registered = NewEntry(
            actor: "office.chen", type: KeyRegistered.type,
            data: .object([("at", .string("2007-12-20")), ("actor", .string("office.chen")), ("key", .string(key.publicKey.bytes.hex))]))
        _ = try LogFile.create(in: directory.path, actor: "office.chen", entries: [registered])
        let writer = try GroupWriter(directory: directory.path)
        let name = writer.header.name
        func signed(_ n: Int, at: Timestamp) -> GroupWriter.Request {
            let entries = Self.note("office.chen", n).submission.entries
            let signature = SubmissionSignature(
                publicKey: key.publicKey.bytes, at: at, signature: key.sign(SignedBytes.of(log: name, at: at, entries: entries)))
            return GroupWriter.Request(submission: Submission(entries, signature: signature), identity: Self.root, expectedSeq: nil)
        }
        let now = Timestamp.now()
        // Signed in one order, arrived in the other: the later-signed one goes in, the other must sign again.
        let outcomes = writer.commit([signed(1, at: now.adding(milliseconds: 5)), signed(2, at: now)])
        guard case .appended = outcomes[0], case .refused(let message, let retry) = outcomes[1] else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(retry && message.contains("is not after"), "\(message)")
        guard case .appended = writer.commit([signed(2, at: now.adding(milliseconds: 6))])[0] else {
            Issue.record("signed again, later, it goes in")
            return
        }
    }
}
