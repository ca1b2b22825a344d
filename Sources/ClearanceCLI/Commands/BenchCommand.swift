import EventLog
import Foundation

/// `clearance bench log`: generates a log and measures append, verify and decode on it.
enum BenchCommand {
    static let spec = CommandSpec(
        name: "bench",
        summary: "measure the log (append, verify, decode; optionally vs sqlite3), the domain (record register on a big log) or the projections (rebuild and queries on a city-sized log)",
        positionals: [.init(name: "SUITE", help: "log (the default) | domain | rebuild", optional: true)],
        options: [
            .value("--events", "N", "events in the generated log (default 1000000)"),
            .value("--batch", "N", "events per batch in the bulk append (default 10000)"),
            .value("--singles", "N", "durable single appends to time (default 1000)"),
            .value("--dir", "DIR", "where to build the data (default: a new temporary directory, removed after)"),
            .flag("--vs-sqlite", "log: run the same loads in the sqlite3 program and print each ratio"),
            .value("--runs", "N", "domain, rebuild: timed runs of the command measured (default 20)"),
            .value("--seed", "DIR", "domain, rebuild: the seed folder (default seeds/chengdu-2007)"),
        ],
        discussion: "Build with 'swift build -c release' (or 'swift run -c release clearance bench') for real figures.")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let suite = arguments.positional(0) ?? "log"
        guard ["log", "domain", "rebuild"].contains(suite) else {
            throw UsageError("unknown benchmark suite '\(suite)' (available: log, domain, rebuild)", command: spec.name)
        }
        let events = try arguments.integer("--events", in: 1...100_000_000, command: spec.name) ?? 1_000_000
        let batch = try arguments.integer("--batch", in: 1...LogFile.maximumBatchEntries, command: spec.name) ?? 10_000
        let singles = try arguments.integer("--singles", in: 1...1_000_000, command: spec.name) ?? 1000
        let ownsDirectory = arguments.value("--dir") == nil
        let directory = arguments.value("--dir") ?? NSTemporaryDirectory() + "clearance-bench-\(getpid())"
        defer { if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) } }
        let logDirectory = directory + "/log"
        if FileManager.default.fileExists(atPath: LogFile.path(in: logDirectory)) {
            throw CommandFailure("\(logDirectory) already holds a log: give an empty --dir")
        }

        Terminal.out("clearance bench \(suite): \(Format.grouped(events)) events, \(machineSummary())")
        if suite == "domain" || suite == "rebuild" {
            let runs = try arguments.integer("--runs", in: 1...1000, command: spec.name) ?? 20
            let seed = arguments.value("--seed") ?? "seeds/chengdu-2007"
            let rows = suite == "domain"
                ? try DomainBenchmark(events: events, runs: runs, directory: logDirectory, seed: seed).run()
                : try RebuildBenchmark(events: events, runs: runs, directory: logDirectory, seed: seed).run()
            let layout = TextTable([("MEASURE", 48), ("RESULT", 22), ("DETAIL", 0)])
            Terminal.out(layout.headerLine)
            for row in rows { Terminal.out(layout.line([row.name, row.value, row.detail])) }
            return
        }
        let (rows, lineBytes) = try LogBenchmark(events: events, batchSize: batch, singleAppends: singles, directory: logDirectory).run()
        Terminal.out("mean stored line: \(lineBytes) bytes")
        var table = rows
        if arguments.has("--vs-sqlite") {
            if let program = SQLiteComparison.programPath {
                let sqlite = try SQLiteComparison(events: events, singleInserts: singles, directory: directory).run(program: program)
                table += sqlite
            } else {
                Terminal.note("sqlite3 is not installed: the comparison is skipped")
            }
        }
        let layout = TextTable([("MEASURE", 48), ("RESULT", 22), ("DETAIL", 0)])
        Terminal.out(layout.headerLine)
        for row in table { Terminal.out(layout.line([row.name, row.value, row.detail])) }
        printRatios(ours: rows, sqlite: Array(table.dropFirst(rows.count)))
    }

    /// For each load both ran: how many times better clearance did (below 1: sqlite3 did better).
    static func printRatios(ours: [LogBenchmark.Row], sqlite: [LogBenchmark.Row]) {
        let pairs = ours.compactMap { row -> (String, Double)? in
            guard let mine = row.comparable,
                let theirs = sqlite.compactMap(\.comparable).first(where: { $0.key == mine.key })
            else { return nil }
            let ratio = mine.higherIsBetter ? mine.number / theirs.number : theirs.number / mine.number
            return (mine.key, ratio)
        }
        guard !pairs.isEmpty else { return }
        Terminal.out("")
        Terminal.out("clearance vs sqlite3 (above 1: clearance is better):")
        for (key, ratio) in pairs { Terminal.out("  \(key): \(Format.decimal(ratio, 2))x") }
    }

    static func machineSummary() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), \(Format.decimal(Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, 0)) GiB"
    }
}
