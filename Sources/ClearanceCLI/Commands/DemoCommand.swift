import Dispatch
import EventLog
import Foundation

/// `clearance demo`: the README's main job until the seed city's scenario arrives. It does real
/// work on a real log: creates it if needed, appends a day of records from four people, two of
/// them at once from separate writers, verifies the chain, and shows that a one-byte change to a
/// copy is caught at its entry.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "create or extend a log with sample records, verify it, and show tampering caught",
        discussion: "Writes to --log (default ./event-log). Running it again appends more and re-verifies.")

    static let people = ["office.chen", "clerk.wang", "reviewer.zhang", "publisher.li"]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let directory = context.logDirectory
        let path = LogFile.path(in: directory)
        if !FileManager.default.fileExists(atPath: path) {
            let (_, head) = try LogFile.create(in: directory, actor: people[0])
            Terminal.out("created \(path): head \(head.anchor)")
        }
        let log = try LogFile.open(in: directory)
        let before = try LogReader(directory: directory).tail.head?.seq ?? 0

        // One batch from the clerk: the day's records, written together or not at all.
        var samples = SampleEvents(seed: UInt64(before))
        let records = (0..<6).map { i -> NewEntry in
            var entry = samples.next(before + i)
            entry.actor = people[1]
            entry.type = "record.registered"
            return entry
        }
        let batch = try log.append(records)
        Terminal.out("\(people[1]) appended \(records.count) records as one batch: head \(batch.head.anchor)")

        // Two more people append at the same moment from separate writers; the lock orders them.
        let writers = [people[2], people[3]]
        let results = ResultBox(count: writers.count)
        DispatchQueue.concurrentPerform(iterations: writers.count) { i in
            results.store(i) {
                let writer = try LogFile.open(in: directory)
                var events = SampleEvents(seed: UInt64(before + 100 + i))
                let entries = (0..<5).map { n -> NewEntry in
                    var entry = events.next(n)
                    entry.actor = writers[i]
                    entry.type = i == 0 ? "record.reviewed" : "record.published"
                    return entry
                }
                return try writer.append(entries).head.seq
            }
        }
        for (i, writer) in writers.enumerated() {
            Terminal.out("\(writer) appended 5 events concurrently: head then seq \(try results.value(i))")
        }

        let report = try LogVerifier.verify(directory: directory)
        Terminal.out("")
        Terminal.out("verify: \(report.entries) entries, every hash and link checked; publishable anchor \(report.head!.anchor)")
        Terminal.out("")
        let reader = try LogReader(directory: directory)
        let recent = try reader.entries().suffix(8)
        let table = TextTable([("SEQ", 4), ("ACTOR", 15), ("TYPE", 18), ("TITLE", 0)])
        Terminal.out(table.headerLine)
        for entry in recent {
            let title = (try? entry.data())?["title"]?.stringValue ?? ""
            Terminal.out(table.line([String(entry.seq), entry.actor, entry.type, title]))
        }
        try showTamperingCaught(directory: directory, entries: Array(recent))
        Terminal.out("")
        Terminal.out("next: clearance log --reverse --limit 5   clearance verify --anchor \(report.head!.anchor)")
    }

    /// Copies the log, changes one byte inside a record's title, and lets `verify` find it.
    private static func showTamperingCaught(directory: String, entries: [LogEntry]) throws {
        guard let target = entries.first else { return }
        let copy = NSTemporaryDirectory() + "clearance-demo-tamper-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: LogFile.path(in: directory)))
        let position = target.offset + target.dataRangeStart + 2
        bytes[position] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: LogFile.path(in: copy)))
        Terminal.out("")
        Terminal.out("tampering test: flipped one bit at byte \(position) of a copy of the log")
        do {
            _ = try LogVerifier.verify(directory: copy)
            throw CommandFailure("verify did not notice a changed byte at \(position)")
        } catch let error as EventLogError {
            Terminal.out("verify on the copy: \(error)")
        }
    }
}

/// Results of parallel writers, one slot each.
final class ResultBox: @unchecked Sendable {
    private var slots: [Result<Int, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ body: () throws -> Int) {
        let result = Result { try body() }
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func value(_ index: Int) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        return try slots[index]!.get()
    }
}
