import Clearance
import EventLog
import Foundation

/// `clearance bench serve`: `clients` processes at once, each making `appends` single appends (one
/// event, durable before the next), through `clearance serve` and directly to the file, in
/// alternated runs on fresh logs: throughput (min/median/max over runs) and latency (median and
/// p99 of every append of every run), and how many batches the server wrote.
struct ServeBenchmark {
    let clients: Int
    let appends: Int
    let runs: Int
    let directory: String

    static var program: String { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path }

    func run() throws -> [LogBenchmark.Row] {
        var throughput: [String: [Double]] = ["serve": [], "direct": []]
        var latencies: [String: [Double]] = ["serve": [], "direct": []]
        var batches: [Int] = []
        for run in 0..<runs {
            for mode in run % 2 == 0 ? ["serve", "direct"] : ["direct", "serve"] {
                let folder = "\(directory)/\(mode)-\(run)"
                let (rate, times, written) = try measure(serve: mode == "serve", in: folder)
                throughput[mode]!.append(rate)
                latencies[mode]! += times
                if mode == "serve" { batches.append(written) }
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        let total = clients * appends
        return ["serve", "direct"].map { mode in
            let rates = throughput[mode]!.sorted()
            let times = latencies[mode]!.sorted()
            let how = mode == "serve" ? "through serve" : "direct"
            let detail =
                "min \(Format.decimal(rates.first!, 0)) / max \(Format.decimal(rates.last!, 0)) appends/s over \(runs) runs; latency median "
                + "\(Format.decimal(percentile(times, 0.5), 2)) ms, p99 \(Format.decimal(percentile(times, 0.99), 2)) ms"
                + (mode == "serve" ? "; \(total) appends in \(batches.sorted()[batches.count / 2]) batches (median run)" : "")
            return LogBenchmark.Row(
                name: "\(clients) clients x \(appends) appends, \(how)", value: "median \(Format.decimal(rates[rates.count / 2], 0))/s",
                detail: detail)
        }
    }

    /// One run on a fresh log of declared actors: appends per second, each append's latency in ms,
    /// and the batches written.
    private func measure(serve: Bool, in folder: String) throws -> (Double, [Double], Int) {
        let log = folder + "/log"
        let actors = (1...clients).map { "client.\($0)" }
        let grants = actors.map {
            NewEntry(
                actor: "office.chen", type: "role.granted",
                data: .object([("at", .string("2007-10-08")), ("person", .string($0)), ("role", .string("general-office")), ("units", .array([]))]))
        }
        _ = try LogFile.create(in: log, actor: "office.chen", entries: grants)
        let before = try LogReader(directory: log).tail.head?.seq ?? 0
        var server: pid_t?
        if serve {
            server = try Spawn.start([Self.program, "serve", "--log", log], quiet: true)
            for _ in 0..<400 where !ServeChannel.isLive(at: log + "/serve.sock") { usleep(10_000) }
        }
        defer {
            if let server {
                kill(server, SIGTERM)
                _ = Spawn.wait(server)
            }
        }
        let started = MonotonicClock.now()
        let pids = try actors.map { actor in
            try Spawn.start(
                [Self.program, "bench", "serve-client", "--log", log, "--actor", actor, "--events", String(appends)] + (serve ? [] : ["--direct"]),
                output: "\(folder)/\(actor).times")
        }
        for pid in pids where Spawn.wait(pid) != 0 { throw CommandFailure("a client of the benchmark failed (see above)") }
        let seconds = MonotonicClock.seconds(since: started)
        var times: [Double] = []
        for actor in actors {
            let text = try String(contentsOfFile: "\(folder)/\(actor).times", encoding: .utf8)
            times += text.split(separator: "\n").compactMap { Double($0) }
        }
        var ends = Set<Int>()
        try LogReader(directory: log).forEachEntry { entry in
            if entry.seq > before { ends.insert(entry.batchEnd) }
            return true
        }
        guard times.count == clients * appends, ends.count > 0 else { throw CommandFailure("the benchmark lost appends") }
        return (Double(clients * appends) / seconds, times, ends.count)
    }

    private func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// One client of the benchmark (`bench serve-client`): `count` single appends of a `note.filed` by
    /// `actor`, signed when the actor has a key, through the server's socket or (`direct`) to the file;
    /// prints each append's latency in ms (from sending to the reply; every submission is signed
    /// before the first is sent), one a line. A refusal to retry is signed again, later.
    static func client(_ context: Context, actor: String, count: Int, direct: Bool) throws {
        let key = try KeyFolder(environment: context.environment).load(for: actor)
        let header = try LogReader(directory: context.logDirectory).header()
        let log = direct ? try LogFile.open(in: context.logDirectory) : nil
        let channel = ServeChannel(path: ServeChannel.socketPath(logDirectory: context.logDirectory, environment: context.environment))
        var lastSigned: [String: Timestamp] = [:]
        func signed(_ entries: [NewEntry]) throws -> Submission {
            let signature = try key.map { try Signer.sign(with: $0)(header.name, entries, lastSigned) }
            if let signature { lastSigned[signature.publicKey.hex] = signature.at }
            return Submission(entries, signature: signature)
        }
        // Signed first, so that what is timed is the append alone (and the clients press on the server at once).
        var submissions = try (1...count).map { n in
            try signed([NewEntry(actor: actor, type: "note.filed", data: .object([("n", .integer(n))]))])
        }
        var lines = ""
        for index in submissions.indices {
            let started = MonotonicClock.now()
            var attempts = 0
            while true {
                do {
                    if let log { _ = try log.append(submissions: [submissions[index]]) } else { _ = try channel.send(submissions[index], expecting: nil) }
                    break
                } catch let refusal as ChannelRefusal where refusal.retry && attempts < 10 {
                    attempts += 1
                    submissions[index] = try signed(submissions[index].entries)
                }
            }
            lines += Format.decimal(MonotonicClock.seconds(since: started) * 1000, 3) + "\n"
        }
        Terminal.write(Array(lines.utf8), to: 1)
    }
}
