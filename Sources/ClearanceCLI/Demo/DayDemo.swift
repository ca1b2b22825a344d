import Clearance
import Dispatch
import EventLog
import Foundation

/// `clearance demo --scenario day`: a day of clearance in three units, every event through the rules:
/// the general office loads the seed and grants roles, units adopt norms, clerks register and classify
/// records (three of them at the same moment from separate writers), a reviewer returns one and
/// approves the rest, a publisher publishes; then it verifies the chain and shows a one-bit change to a
/// copy being caught. Run again on the same log, it adds another day. Small and quick: the tests'
/// fixture, and a look at concurrency and tamper evidence.
enum DayDemo {
    static let office = "office.chen"
    static let units = [("jinjiang-jsj", "clerk.wang"), ("qingyang-jyj", "clerk.li"), ("jinniu-mzj", "clerk.zhao")]

    static func run(directory: String, referenceFolder: String, labels: Labels) throws {
        let service = ClearanceService(directory: directory)
        if !FileManager.default.fileExists(atPath: LogFile.path(in: directory)) {
            let seed = try SeedFolder(path: referenceFolder)
            let start = Timestamp(parsing: "2007-12-20T01:00:00Z")!
            let reference = try seed.events(actor: office, at: Day("2007-12-20")!)
            let (_, head) = try LogFile.create(
                in: directory, actor: office, clock: .simulated(start: start), data: [("rules", .integer(RulesVersion.current)), ("seed", .string(seed.id))],
                entries: reference)
            Terminal.out("created \(LogFile.path(in: directory)) with the \(seed.id) seed: \(reference.count) reference events, head \(head.anchor)")
        }
        let day = try service.today()
        let round = try service.load().state.records.count / 12 + 1

        // The general office grants roles; each unit's clerk adopts its norm (stage 2).
        try service.append { _ in
            units.flatMap { unit, clerk in
                [RoleGranted(at: day, person: clerk, role: .clerk, units: [unit]).entry(actor: office)]
            } + [
                RoleGranted(at: day, person: "reviewer.zhang", role: .reviewer, units: units.map(\.0)).entry(actor: office),
                RoleGranted(at: day, person: "publisher.li", role: .publisher, units: units.map(\.0)).entry(actor: office),
            ] + units.map { unit, clerk in DemoData.norm(for: unit, at: day).entry(actor: clerk) }
        }
        Terminal.out("\(office) granted roles in \(units.count) units; their clerks adopted classification norms")

        // Each clerk registers a batch of records; two of them write at the same moment.
        let registered = ResultBox(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { i in
            registered.store(i) {
                let (unit, clerk) = units[i]
                let records = DemoData.records(for: unit, round: round, at: day)
                let (result, _) = try ClearanceService(directory: directory).append { _ in records.map { $0.entry(actor: clerk) } }
                return result.head.seq
            }
        }
        for (i, (unit, clerk)) in units.enumerated() {
            Terminal.out("\(clerk) registered 4 records of \(unit) from a separate writer at the same moment: its batch ends at seq \(try registered.value(i))")
        }

        // Classification, review (one record returned and reclassified), publication.
        var returned: [String] = []
        for (unit, clerk) in units {
            let ids = DemoData.records(for: unit, round: round, at: day).map(\.record)
            try service.append { _ in DemoData.classifications(ids, unit: unit, at: day).map { $0.entry(actor: clerk) } }
            returned.append(ids[1])
            try service.append { _ in
                ids.enumerated().map { n, id in
                    let outcome: RecordReviewed.Outcome = n == 1 ? .returned : .approved
                    return RecordReviewed(
                        at: day, record: id, level: 1, secrecy: .passed, accuracy: outcome == .approved ? .passed : .failed,
                        outcome: outcome, checked: "密级标注、正文与摘要一致性、文号",
                        grounds: outcome == .returned ? "文号与正文不一致，请核对后重新定类" : "不涉及国家秘密，内容准确，同意公开"
                    ).entry(actor: "reviewer.zhang")
                }
            }
            try service.append { state in publications(ids, unit: unit, state: state, at: day) }
        }
        Terminal.out("reviewer.zhang returned \(returned.count) records and approved the rest; publisher.li published the approved proactive ones")

        let report = try LogVerifier.verify(directory: directory)
        Terminal.out("")
        Terminal.out("verify: \(report.entries) entries, every hash and link checked; publishable anchor \(report.head!.anchor)")
        try showRecords(service, labels: labels)
        try showTamperingCaught(directory: directory)
        Terminal.out("")
        Terminal.out("next: clearance record list --status published    clearance log --reverse --limit 5    clearance verify --anchor \(report.head!.anchor)")
    }

    /// Index numbers are issued in order, so a unit's publications go one by one through the state.
    static func publications(_ ids: [String], unit: String, state: ClearanceState, at day: Day) -> [NewEntry] {
        var serial = IndexNumber.next(for: unit, year: day.year, in: state).serial
        return ids.compactMap { id in
            guard let record = state.records[id], record.status == .approved, record.classification?.disclosure == .proactive else { return nil }
            defer { serial += 1 }
            let number = IndexNumber(unit: unit, year: day.year, serial: serial)
            return RecordPublished(at: day, record: id, indexNumber: number.description, channel: "portal").entry(actor: "publisher.li")
        }
    }

    static func showRecords(_ service: ClearanceService, labels: Labels) throws {
        let state = try service.load().state
        Terminal.out("")
        let table = TextTable([("RECORD", 16), ("STATUS", 10), ("DISCLOSURE", 10), ("INDEX NUMBER", 24), ("TITLE", 0)], labels: labels)
        Terminal.out(table.headerLine)
        var records: [RecordState] = []
        state.records.forEach(inUnits: nil) { records.append($0) }
        for record in records.sorted(by: { $0.registration.record < $1.registration.record }).suffix(12) {
            Terminal.out(table.line([
                record.registration.record, labels(record.status.rawValue), labels(record.classification?.disclosure.rawValue ?? ""), record.indexNumber ?? "",
                record.registration.title,
            ]))
        }
    }

    /// Copies the log, changes one bit inside the last entry's data, and lets `verify` find it.
    private static func showTamperingCaught(directory: String) throws {
        guard let target = try LogReader(directory: directory).entries().last else { return }
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
