import EventLog
import Foundation

/// `clearance bench`: generates its data and measures what the project tracks, each suite on its own
/// log: the log (bulk append, durable append, verify, decode), the domain (`record register` end to end
/// on a big log) and the projections (a full rebuild of a city-sized log, then queries with the
/// checkpoint warm). With `--vs-sqlite`, the same loads and aggregations in the `sqlite3` program.
enum BenchCommand {
    static let suites = ["log", "domain", "rebuild", "signatures"]

    static let spec = CommandSpec(
        name: "bench",
        summary: "measure everything (or one SUITE): append, verify, decode; record register end to end; rebuild and queries on a city-sized log; optionally vs sqlite3",
        positionals: [.init(name: "SUITE", help: "all (the default) | log | domain | rebuild | signatures | serve (not in all)", optional: true)],
        options: [
            .value("--events", "N", "events in each generated log (default 1,000,000 for log, domain and signatures, 5,000,000 for rebuild)"),
            .value("--batch", "N", "log: events per batch in the bulk append (default 10000)"),
            .value("--singles", "N", "log: durable single appends to time (default 1000)"),
            .value("--runs", "N", "domain, rebuild: timed runs of the command measured (default 20; signatures: 3)"),
            .value("--seed", "DIR", "domain, rebuild: the seed folder (default seeds/chengdu-2007)"),
            .value("--dir", "DIR", "where to build the data (default: a new temporary directory, removed after)"),
            .value("--clients", "N", "serve: client processes appending at once (default 8)"),
            .value("--appends", "N", "serve: single appends by each client (default 200)"),
            .flag("--direct", "serve-client (internal): append to the file, not through the server"),
            .flag("--vs-sqlite", "log, rebuild: the same loads and aggregations in the sqlite3 program, with each ratio"),
        ],
        discussion: "Build with 'swift build -c release' (or 'swift run -c release clearance bench') for real figures. All suites take several minutes.")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let suite = arguments.positional(0) ?? "all"
        if suite == "serve-client" {
            // One client process of `bench serve`, started by it.
            let count = try arguments.integer("--events", in: 1...1_000_000, command: spec.name) ?? 200
            try ServeBenchmark.client(context, actor: try context.requireActor(for: spec.name), count: count, direct: arguments.has("--direct"))
            return
        }
        if suite == "serve" {
            let clients = try arguments.integer("--clients", in: 1...256, command: spec.name) ?? 8
            let appends = try arguments.integer("--appends", in: 1...100_000, command: spec.name) ?? 200
            let runs = try arguments.integer("--runs", in: 1...1000, command: spec.name) ?? 5
            let directory = arguments.value("--dir") ?? NSTemporaryDirectory() + "clearance-bench-serve-\(getpid())"
            defer { if arguments.value("--dir") == nil { try? FileManager.default.removeItem(atPath: directory) } }
            Terminal.out("clearance bench serve: \(machineSummary()), \(Timestamp.now().iso8601.prefix(10))")
            let rows = try ServeBenchmark(clients: clients, appends: appends, runs: runs, directory: directory).run()
            let layout = TextTable([("MEASURE", 48), ("RESULT", 22), ("DETAIL", 0)])
            Terminal.out(layout.headerLine)
            for row in rows { Terminal.out(layout.line([row.name, row.value, row.detail])) }
            return
        }
        guard suite == "all" || suites.contains(suite) else {
            throw UsageError("unknown benchmark suite '\(suite)' (available: all, \(suites.joined(separator: ", ")))", command: spec.name)
        }
        let events = try arguments.integer("--events", in: 1...100_000_000, command: spec.name)
        let batch = try arguments.integer("--batch", in: 1...LogFile.maximumBatchEntries, command: spec.name) ?? 10_000
        let singles = try arguments.integer("--singles", in: 1...1_000_000, command: spec.name) ?? 1000
        let runs = try arguments.integer("--runs", in: 1...1000, command: spec.name) ?? 20
        let seed = arguments.value("--seed") ?? "seeds/chengdu-2007"
        let ownsDirectory = arguments.value("--dir") == nil
        let directory = arguments.value("--dir") ?? NSTemporaryDirectory() + "clearance-bench-\(getpid())"
        defer { if ownsDirectory { try? FileManager.default.removeItem(atPath: directory) } }
        for name in suites where FileManager.default.fileExists(atPath: LogFile.path(in: "\(directory)/\(name)/log")) {
            throw CommandFailure("\(directory)/\(name)/log already holds a log: give an empty --dir")
        }
        var sqlite: String?
        if arguments.has("--vs-sqlite") {
            sqlite = SQLiteComparison.programPath
            if sqlite == nil { Terminal.note("sqlite3 is not installed: the comparison is skipped") }
        }

        Terminal.out("clearance bench \(suite): \(machineSummary()), \(Timestamp.now().iso8601.prefix(10))")
        var ours: [LogBenchmark.Row] = []
        var theirs: [LogBenchmark.Row] = []
        for name in suites where suite == "all" || suite == name {
            let folder = "\(directory)/\(name)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            switch name {
            case "log":
                let count = events ?? 1_000_000
                let (rows, lineBytes) = try LogBenchmark(events: count, batchSize: batch, singleAppends: singles, directory: folder + "/log").run()
                Terminal.out("log: \(Format.grouped(count)) events, mean stored line \(lineBytes) bytes")
                ours += rows
                if let sqlite { theirs += try SQLiteComparison(events: count, singleInserts: singles, directory: folder).run(program: sqlite) }
            case "domain":
                let count = events ?? 1_000_000
                Terminal.out("domain: \(Format.grouped(count)) domain events")
                ours += try DomainBenchmark(events: count, runs: runs, directory: folder + "/log", seed: seed).run()
            case "signatures":
                let count = events ?? 1_000_000
                Terminal.out("signatures: \(Format.grouped(count)) signed submissions in a log that binds actors")
                ours += try SignatureBenchmark(submissions: count, runs: arguments.value("--runs") == nil ? 3 : runs, directory: folder + "/log").run()
            default:
                let count = events ?? 5_000_000
                Terminal.out("rebuild: a city's clearance of \(Format.grouped(count)) events")
                let rows = try RebuildBenchmark(events: count, runs: runs, directory: folder + "/log", seed: seed, sqlite: sqlite).run()
                ours += rows.filter { !$0.name.hasPrefix("sqlite3") }
                theirs += rows.filter { $0.name.hasPrefix("sqlite3") }
            }
        }
        let layout = TextTable([("MEASURE", 48), ("RESULT", 22), ("DETAIL", 0)])
        Terminal.out(layout.headerLine)
        for row in ours + theirs { Terminal.out(layout.line([row.name, row.value, row.detail])) }
        printRatios(ours: ours, sqlite: theirs)
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
