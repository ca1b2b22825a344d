import EventLog
import Foundation

/// The same loads done by the `sqlite3` program on the same machine: one transaction of N inserts,
/// then durable single inserts (WAL, synchronous=FULL), then one aggregation over the table.
struct SQLiteComparison {
    let events: Int
    let singleInserts: Int
    let directory: String

    static var programPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/sqlite3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(program: String) throws -> [LogBenchmark.Row] {
        var generator = SampleEvents(seed: 2007)
        let database = directory + "/bench.sqlite"
        let schema = "CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT UNIQUE, recorded TEXT, actor TEXT, type TEXT, data TEXT, prev TEXT, hash TEXT);\n"
        var script = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n" + schema + "BEGIN;\n"
        for i in 0..<events { script += insert(generator.next(i), seq: i + 1) }
        script += "COMMIT;\n"
        let bulkScript = directory + "/bulk.sql"
        try script.write(toFile: bulkScript, atomically: false, encoding: .utf8)
        script = ""
        var seconds = try Self.time(program, database, bulkScript)
        var rows = [LogBenchmark.Row(
            name: "sqlite3: one transaction of inserts",
            value: "\(Format.grouped(Int(Double(events) / seconds))) events/s",
            detail: "\(Format.decimal(seconds, 2)) s for \(Format.grouped(events)) rows (sqlite3 program, script piped in)",
            comparable: .init(key: "bulk append", number: Double(events) / seconds, higherIsBetter: true))]

        var singles = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;\n"
        for i in 0..<singleInserts { singles += insert(generator.next(i), seq: events + i + 1) }
        let singleScript = directory + "/single.sql"
        try singles.write(toFile: singleScript, atomically: false, encoding: .utf8)
        seconds = try Self.time(program, database, singleScript)
        rows.append(LogBenchmark.Row(
            name: "sqlite3: one insert per transaction (WAL, FULL)",
            value: "mean \(Format.decimal(seconds / Double(singleInserts) * 1e6, 0)) µs",
            detail: "\(singleInserts) autocommitted inserts in \(Format.decimal(seconds, 2)) s (the CLI gives no per-insert median)",
            comparable: .init(
                key: "durable single append (clearance median, sqlite3 mean)", number: seconds / Double(singleInserts) * 1e6,
                higherIsBetter: false)))

        let queryScript = directory + "/query.sql"
        try "SELECT type, count(*), sum(length(data)) FROM events GROUP BY type;\n".write(toFile: queryScript, atomically: false, encoding: .utf8)
        seconds = try Self.time(program, database, queryScript)
        rows.append(LogBenchmark.Row(
            name: "sqlite3: read every row (GROUP BY type)",
            value: "\(Format.grouped(Int(Double(events + singleInserts) / seconds))) rows/s",
            detail: "\(Format.decimal(seconds, 2)) s",
            comparable: .init(key: "read every entry", number: Double(events + singleInserts) / seconds, higherIsBetter: true)))
        return rows
    }

    private func insert(_ entry: NewEntry, seq: Int) -> String {
        let data = JSONWriter.string(entry.data).replacingOccurrences(of: "'", with: "''")
        let hash = String(repeating: "a", count: 64)
        return "INSERT INTO events VALUES(\(seq),'ev-\(seq)','2026-11-27T08:00:00.000Z','\(entry.actor)','\(entry.type)','\(data)','\(hash)','\(hash)');\n"
    }

    /// Runs `sqlite3 DATABASE < SCRIPT` and returns the wall time in seconds.
    static func time(_ program: String, _ database: String, _ scriptPath: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [database]
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: scriptPath))
        process.standardOutput = FileHandle.nullDevice
        let started = MonotonicClock.now()
        try process.run()
        process.waitUntilExit()
        let seconds = MonotonicClock.seconds(since: started)
        guard process.terminationStatus == 0 else {
            throw CommandFailure("sqlite3 failed on \(scriptPath) with status \(process.terminationStatus)")
        }
        return seconds
    }
}
