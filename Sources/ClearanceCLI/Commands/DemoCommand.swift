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

    static let office = "office.chen"

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let directory = context.logDirectory
        let path = LogFile.path(in: directory)
        if !FileManager.default.fileExists(atPath: path) {
            let (_, head) = try LogFile.create(in: directory, actor: office)
            Terminal.out("created \(path): head \(head.anchor)")
        }
        let log = try LogFile.open(in: directory)
        let before = try LogReader(directory: directory).tail.head?.seq ?? 0

        // One clerk's day of records, appended as one batch: all of them or none.
        let registered = registrations(by: "clerk.wang", count: 6, seed: before)
        let batch = try log.append(registered)
        Terminal.out("clerk.wang registered \(registered.count) records as one batch: head \(batch.head.anchor)")

        // Two clerks of other units register at the same moment from separate writers; the lock orders them.
        let clerks = ["clerk.li", "clerk.zhao"]
        let results = ResultBox(count: clerks.count)
        DispatchQueue.concurrentPerform(iterations: clerks.count) { i in
            results.store(i) {
                let writer = try LogFile.open(in: directory)
                return try writer.append(registrations(by: clerks[i], count: 3, seed: before + 100 + i)).head.seq
            }
        }
        for (i, clerk) in clerks.enumerated() {
            Terminal.out("\(clerk) registered 3 records from a separate writer at the same moment: its batch ends at seq \(try results.value(i))")
        }

        // A reviewer approves two of the first clerk's records; a publisher publishes them.
        let reviewed = try log.append(registered.prefix(2).map { record in
            NewEntry(actor: "reviewer.zhang", type: "record.reviewed", data: .object([
                ("record", record.data["record"]!), ("secrecy", .string("passed")), ("accuracy", .string("passed")),
                ("outcome", .string("approved")),
            ]))
        })
        let published = try log.append(registered.prefix(2).map { record in
            NewEntry(actor: "publisher.li", type: "record.published", data: .object([
                ("record", record.data["record"]!), ("channel", .string("portal")),
            ]))
        })
        Terminal.out("reviewer.zhang approved 2 of them (head \(reviewed.head.seq)); publisher.li published them (head \(published.head.seq))")

        let report = try LogVerifier.verify(directory: directory)
        Terminal.out("")
        Terminal.out("verify: \(report.entries) entries, every hash and link checked; publishable anchor \(report.head!.anchor)")
        Terminal.out("")
        let reader = try LogReader(directory: directory)
        let all = try reader.entries()
        let recent = all.suffix(8)
        // Reviews and publications name the record; show its title from its registration.
        var titles: [String: String] = [:]
        for entry in all {
            if let data = try? entry.data(), let record = data["record"]?.stringValue, let title = data["title"]?.stringValue {
                titles[record] = title
            }
        }
        let table = TextTable([("SEQ", 4), ("ACTOR", 15), ("TYPE", 18), ("RECORD", 22), ("TITLE", 0)])
        Terminal.out(table.headerLine)
        for entry in recent {
            let record = (try? entry.data())?["record"]?.stringValue ?? ""
            Terminal.out(table.line([String(entry.seq), entry.actor, entry.type, record, titles[record] ?? ""]))
        }
        try showTamperingCaught(directory: directory, entries: Array(recent))
        Terminal.out("")
        Terminal.out("next: clearance log --reverse --limit 5   clearance verify --anchor \(report.head!.anchor)")
    }

    /// Sample records of one clerk's unit, each with a record number that later events refer to.
    private static func registrations(by clerk: String, count: Int, seed: Int) -> [NewEntry] {
        var samples = SampleEvents(seed: UInt64(seed))
        return (0..<count).map { i in
            var entry = samples.next(seed + i)
            entry.actor = clerk
            entry.type = "record.registered"
            let unit = entry.data["unit"]?.stringValue ?? "unit"
            entry.data = .object([("record", .string("\(unit)/\(2008_00000 + seed * 10 + i)"))] + (entry.data.objectValue ?? []))
            return entry
        }
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
