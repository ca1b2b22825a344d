import Clearance
import EventLog
import Foundation

/// Starts a program with `posix_spawn` and waits for it: Foundation's `Process` adds tens of
/// milliseconds on Linux, which would swamp what is measured here.
enum Spawn {
    static func run(_ arguments: [String], quiet: Bool) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw CommandFailure("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        return (exit >> 8) & 0xFF
    }
}

/// The end-to-end time of `clearance record register` (process start included) on a log of
/// `events` entries: the seed's reference data, then that many other entries, as a user would run it.
struct DomainBenchmark {
    let events: Int
    let runs: Int
    let directory: String
    let seed: String

    func run() throws -> [LogBenchmark.Row] {
        let reference = try SeedFolder(path: seed).events(actor: "office.chen", at: Day(ordinal: Int(Timestamp.now().millisecondsSinceEpoch / 86_400_000)))
        let (log, _) = try LogFile.create(in: directory, actor: "office.chen", entries: reference)
        let today = try ClearanceService(directory: directory).today()
        try ClearanceService(directory: directory).append { _ in
            [RoleGranted(at: today, person: "clerk.wang", role: .clerk, units: ["jinjiang-jsj"]).entry(actor: "office.chen")]
        }
        var samples = SampleEvents(seed: 5)
        var progress = ProgressBar(label: "building the log", total: events)
        var done = 0
        while done < events {
            let size = min(10_000, events - done)
            _ = try log.append((0..<size).map { samples.next(done + $0) })
            done += size
            progress.update(done)
        }
        progress.finish()

        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        func register(_ n: Int) throws -> Double {
            let arguments = [program, "record", "register", "BENCH-\(n)", "--unit", "jinjiang-jsj", "--title", "基准测试记录\(n)", "--log", directory, "--actor", "clerk.wang"]
            let started = MonotonicClock.now()
            guard try Spawn.run(arguments, quiet: true) == 0 else { throw CommandFailure("record register failed during the benchmark") }
            return MonotonicClock.seconds(since: started) * 1000
        }
        let first = try register(0)
        let times = try (1...runs).map(register).sorted()
        let entries = events + reference.count + 2
        return [
            LogBenchmark.Row(
                name: "record register, first after a bulk load", value: "\(Format.decimal(first, 0)) ms",
                detail: "reads all \(Format.grouped(entries)) entries once and writes the domain checkpoint"),
            LogBenchmark.Row(
                name: "record register, end to end", value: "median \(Format.decimal(times[times.count / 2], 1)) ms",
                detail: "max \(Format.decimal(times.last!, 1)) ms over \(runs) runs on a log of \(Format.grouped(entries)) entries, process start included"),
        ]
    }
}
