import Foundation
import Testing
import TestSupport

@testable import EventLog

@Suite struct LogFileTests {
    @Test func theFirstEntryDeclaresFormatAndClock() throws {
        let fixture = try LogFixture(batches: [])
        let entries = try LogReader(directory: fixture.directory.path).entries()
        #expect(entries.count == 1)
        let header = try #require(entries.first)
        #expect(header.seq == 1 && header.type == "log.created" && header.actor == "office.chen")
        #expect(header.prevHex == String(repeating: "0", count: 64))
        let data = try header.data()
        #expect(data["format"] == .integer(2) && data["clock"] == .string("simulated") && data["actors"] == .string("declared"))
        let name = try #require(data["log"]?.stringValue)
        #expect(name.utf8.count == 32 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        #expect(header.recorded == Timestamp(parsing: "2007-10-08T09:00:00Z"))
    }

    @Test func appendsGetContiguousSeqsAndOneBatchEndPerBatch() throws {
        let fixture = try LogFixture(batches: [2, 1, 3])
        let entries = try LogReader(directory: fixture.directory.path).entries()
        #expect(entries.map(\.seq) == Array(1...7))
        #expect(entries.map(\.batchEnd) == [1, 3, 3, 4, 7, 7, 7])
        // Each entry chains onto the one before it.
        for (earlier, later) in zip(entries, entries.dropFirst()) { #expect(later.prevHex == earlier.hashHex) }
        // A simulated clock stamps each batch 1 ms after the head; a batch shares one time.
        #expect(entries[1].recorded == entries[2].recorded)
        #expect(entries[3].recorded.millisecondsSinceEpoch == entries[2].recorded.millisecondsSinceEpoch + 1)
        #expect(try fixture.verify().entries == 7)
    }

    @Test func entriesReadBackAsWritten() throws {
        let fixture = try LogFixture(batches: [1])
        let entry = try #require(try LogReader(directory: fixture.directory.path).entries().last)
        #expect(entry.actor == "clerk.wang" && entry.type == "record.registered")
        #expect(try entry.data()["title"]?.stringValue == "关于第1号记录的通知")
        #expect(entry.id == "ev-\(entry.seq)")
        // The line's hash is the SHA-256 of everything before `,"hash":`.
        let hashed = Array(entry.line.dropLast(75))
        #expect(SHA256.hash(hashed).hex == entry.hashHex)
    }

    @Test func aSimulatedLogReplaysToTheSameBytes() throws {
        let first = try LogFixture(batches: [3, 2])
        let second = try LogFixture(batches: [3, 2])
        #expect(try first.bytes() == second.bytes())
    }

    @Test func creatingOverAnExistingLogChangesNothing() throws {
        let fixture = try LogFixture()
        let before = try fixture.bytes()
        #expect(throws: EventLogError.alreadyExists(path: fixture.path)) {
            try LogFile.create(in: fixture.directory.path, actor: "someone")
        }
        #expect(try fixture.bytes() == before)
    }

    @Test func expectSeqRefusesWhenTheHeadMoved() throws {
        let fixture = try LogFixture(batches: [2])
        let log = try LogFile.open(in: fixture.directory.path)
        let before = try fixture.bytes()
        #expect(throws: EventLogError.headMoved(expected: 2, actual: 3)) {
            try log.append([NewEntry(actor: "a", type: "t")], expecting: 2)
        }
        #expect(try fixture.bytes() == before)
        #expect(try log.append([NewEntry(actor: "a", type: "t")], expecting: 3).head.seq == 4)
    }

    @Test func anIDAlreadyInTheLogIsNotWrittenTwice() throws {
        let fixture = try LogFixture(batches: [])
        let log = try LogFile.open(in: fixture.directory.path)
        let first = try log.append([NewEntry(id: "req-1", actor: "a", type: "t"), NewEntry(id: "req-2", actor: "a", type: "t")])
        #expect(first.seqs == [2, 3])
        let again = try log.append([NewEntry(id: "req-2", actor: "a", type: "t"), NewEntry(id: "req-3", actor: "a", type: "t")])
        #expect(again.seqs == [nil, 4])
        #expect(again.duplicates.map(\.id) == ["req-2"] && again.duplicates.map(\.seq) == [3])
        let onlyDuplicates = try log.append([NewEntry(id: "req-1", actor: "a", type: "t")])
        #expect(onlyDuplicates.seqs == [nil] && onlyDuplicates.head.seq == 4)
    }

    @Test(arguments: [
        NewEntry(actor: "a", type: "Bad"), NewEntry(actor: "a", type: ""), NewEntry(actor: "", type: "t"),
        NewEntry(actor: "a\"b", type: "t"), NewEntry(id: "x\\y", actor: "a", type: "t"),
        NewEntry(actor: "a", type: "t", data: .array([])), NewEntry(actor: "a", type: "log.created"),
        NewEntry(actor: String(repeating: "x", count: 129), type: "t"), NewEntry(id: "ev-12", actor: "a", type: "t"),
        // Validity rule 5, for data built in code rather than parsed: what readers would refuse is never written.
        NewEntry(actor: "a", type: "t", data: .object([("title", .string("PUBLIC")), ("title", .string("SECRET"))])),
        NewEntry(actor: "a", type: "t", data: .object([("a", .array([.object([("b", .null), ("b", .null)])]))])),
        NewEntry(actor: "a", type: "t", data: .object([("n", .number(String(repeating: "9", count: 5000)))])),
        NewEntry(actor: "a", type: "t", data: .object([("n", .number("1e5"))])),
    ])
    func invalidEntriesAreRefusedWholeBatch(bad: NewEntry) throws {
        let fixture = try LogFixture(batches: [1])
        let log = try LogFile.open(in: fixture.directory.path)
        let before = try fixture.bytes()
        #expect(throws: EventLogError.self) { try log.append([NewEntry(actor: "a", type: "ok"), bad]) }
        #expect(try fixture.bytes() == before)
    }

    /// Large batches are encoded on all cores; the bytes must be exactly those of one-at-a-time encoding.
    @Test func aLargeBatchEncodesExactlyAsEntryByEntry() throws {
        let entries = (0..<2000).map { i in
            NewEntry(actor: "clerk.\(i % 7)", type: "record.registered", data: .object([
                ("n", .integer(i)), ("title", .string(String(repeating: "政务公开", count: i % 30))),
            ]))
        }
        let parallel = TemporaryDirectory()
        let (log, _) = try LogFile.create(in: parallel.path, actor: "a", clock: .simulated(start: Timestamp(millisecondsSinceEpoch: 0)))
        _ = try log.append(entries)
        let header = try LogReader(directory: parallel.path).entries()[0]
        var encoder = EntryEncoder(afterSeq: 1, hashHex: Array(header.hashHex.utf8))
        var expected = header.line + [0x0A]
        for (i, entry) in entries.enumerated() {
            encoder.encode(entry, id: "ev-\(i + 2)", recorded: "1970-01-01T00:00:00.001Z", batchEnd: 2001, into: &expected)
        }
        #expect(try parallel.read("events.jsonl") == expected)
    }

    /// A bulk load leaves exactly the bytes successive appends would, batch by batch.
    @Test func aBulkLoadWritesWhatSuccessiveAppendsWould() throws {
        let batches = (0..<5).map { b in
            (0..<(300 + b * 97)).map { i in
                NewEntry(actor: "clerk.\(i % 3)", type: "note.filed", data: .object([("n", .integer(i)), ("t", .string("批量\(b)"))]))
            }
        }
        let start = Timestamp(millisecondsSinceEpoch: 1_000)
        let one = TemporaryDirectory()
        let (log, _) = try LogFile.create(in: one.path, actor: "a", clock: .simulated(start: start))
        for batch in batches { _ = try log.append(batch) }
        let bulk = TemporaryDirectory()
        let (bulkLog, _) = try LogFile.create(in: bulk.path, actor: "a", clock: .simulated(start: start))
        var acknowledged: [Int] = []
        let head = try bulkLog.appendBulk(batches) { acknowledged.append($0.seq) }
        #expect(try bulk.read("events.jsonl") == one.read("events.jsonl"))
        #expect(acknowledged.count == 5 && acknowledged.last == head?.seq)
        #expect(throws: EventLogError.self) { try bulkLog.appendBulk([[NewEntry(id: "x", actor: "a", type: "t")]]) }
    }

    @Test func anIDRepeatedInsideABatchIsRefused() throws {
        let fixture = try LogFixture(batches: [])
        let log = try LogFile.open(in: fixture.directory.path)
        #expect(throws: EventLogError.self) {
            try log.append([NewEntry(id: "x", actor: "a", type: "t"), NewEntry(id: "x", actor: "a", type: "t")])
        }
    }

    @Test func openingAMissingLogSaysToInit() {
        let directory = TemporaryDirectory()
        #expect(throws: EventLogError.notInitialized(directory: directory.path)) { try LogFile.open(in: directory.path) }
        #expect(throws: EventLogError.notInitialized(directory: directory.path)) { try LogReader(directory: directory.path) }
    }
}
