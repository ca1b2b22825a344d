import Clearance
import EventLog
import Foundation

/// The end-to-end time of `clearance record register` (process start included) on a log of
/// `events` domain events: the seed's reference data, roles and a norm, then records registered,
/// classified and reviewed (a third of `events` each), as a user would run it.
struct DomainBenchmark {
    let events: Int
    let runs: Int
    let directory: String
    let seed: String

    func run() throws -> [LogBenchmark.Row] {
        let reference = try SeedFolder(path: seed).events(actor: "office.chen", at: Day(ordinal: Int(Timestamp.now().millisecondsSinceEpoch / 86_400_000)))
        let (log, _) = try LogFile.create(in: directory, actor: "office.chen", entries: reference)
        let today = try ClearanceService(directory: directory).today()
        let unit = "jinjiang-jsj"
        try ClearanceService(directory: directory).append { _ in
            [
                RoleGranted(at: today, person: "clerk.wang", role: .clerk, units: [unit]).entry(actor: "office.chen"),
                RoleGranted(at: today, person: "reviewer.zhang", role: .reviewer, units: [unit]).entry(actor: "office.chen"),
                NormAdopted(at: today, unit: unit, classes: [
                    .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
                ], feedbackDays: 15).entry(actor: "clerk.wang"),
            ]
        }
        // The records' events are valid and in rule order; they are appended straight to the log (the
        // rules would accept them, but checking a million of them is not what is measured here).
        var samples = SampleEvents(seed: 5)
        var progress = ProgressBar(label: "building the log", total: events)
        var done = 0
        while done < events {
            var batch: [NewEntry] = []
            while batch.count < 9_999 && done + batch.count < events {
                let n = (done + batch.count) / 3
                let record = "B-\(n)"
                let title = samples.next(n).data["title"]?.stringValue ?? "记录"
                batch.append(RecordRegistered(at: today, record: record, unit: unit, title: title, created: today, summary: "").entry(actor: "clerk.wang"))
                batch.append(RecordClassified(at: today, record: record, contentClass: "plans", keyItem: "11-01", disclosure: .proactive).entry(actor: "clerk.wang"))
                batch.append(RecordReviewed(
                    at: today, record: record, level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开"
                ).entry(actor: "reviewer.zhang"))
            }
            _ = try log.append(batch)
            done += batch.count
            progress.update(done)
        }
        progress.finish()

        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        func register(_ n: Int) throws -> Double {
            let arguments = [program, "record", "register", "BENCH-\(n)", "--unit", unit, "--title", "基准测试记录\(n)", "--log", directory, "--actor", "clerk.wang"]
            let started = MonotonicClock.now()
            guard try Spawn.run(arguments, quiet: true).status == 0 else { throw CommandFailure("record register failed during the benchmark") }
            return MonotonicClock.seconds(since: started) * 1000
        }
        let first = try register(0)
        let times = try (1...runs).map(register).sorted()
        let entries = done + reference.count + 2
        return [
            LogBenchmark.Row(
                name: "record register, first after a bulk load", value: "\(Format.decimal(first, 0)) ms",
                detail: "folds all \(Format.grouped(entries)) entries once and writes the state snapshot"),
            LogBenchmark.Row(
                name: "record register, end to end", value: "median \(Format.decimal(times[times.count / 2], 1)) ms",
                detail: "max \(Format.decimal(times.last!, 1)) ms over \(runs) runs on a log of \(Format.grouped(entries)) entries, process start included"),
        ]
    }
}
