import Clearance
import EventLog
import Foundation

/// A full `clearance rebuild` of a city-sized log, then queries with the checkpoint warm: each run as
/// a separate process, as a user would run it, with its wall time and peak memory.
struct RebuildBenchmark {
    let events: Int
    let runs: Int
    let directory: String
    let seed: String
    /// The `sqlite3` program, to run the same loads and aggregations on the same log; nil: no comparison.
    let sqlite: String?

    func run() throws -> [LogBenchmark.Row] {
        let folder = try SeedFolder(path: seed)
        let start = Day("2007-10-08")!
        let reference = try folder.events(actor: "office.chen", at: start)
        let (log, _) = try LogFile.create(
            in: directory, actor: "office.chen", clock: .simulated(start: Timestamp(parsing: "2007-10-08T01:00:00Z")!),
            data: [("seed", .string(folder.id))], entries: reference)
        let state = try ClearanceService(directory: directory).load().state
        var bar = ProgressBar(label: "generating a city's clearance", total: events)
        let head = try log.appendBulk(CityLog(reference: state.reference, events: events, start: start, seed: 2007)) { bar.update($0.seq) }
        bar.finish()
        let entries = head?.seq ?? 0
        let size = (try? FileManager.default.attributesOfItem(atPath: LogFile.path(in: directory))[.size] as? Int) ?? 0

        let program = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let out = directory + "/../projections"
        func timed(_ arguments: [String]) throws -> (ms: Double, peak: Int) {
            let started = MonotonicClock.now()
            let (status, peak) = try Spawn.run([program] + arguments + ["--log", directory], quiet: true)
            guard status == 0 else { throw CommandFailure("'clearance \(arguments.joined(separator: " "))' failed during the benchmark") }
            return (MonotonicClock.seconds(since: started) * 1000, peak)
        }
        // A full rebuild starts from nothing: no state snapshot, no earlier projections.
        try? FileManager.default.removeItem(atPath: directory + "/" + StateSnapshot.fileName)
        try? FileManager.default.removeItem(atPath: out)
        let full = try timed(["rebuild", "--out", out])
        let written = RebuildFloor.bytesWritten(under: out, plus: [directory + "/" + StateSnapshot.checkpointName])
        let warm = try timed(["rebuild", "--out", out])
        let check = try timed(["verify"])
        let writing = try RebuildFloor.secondsToWrite(written, at: directory + "/../floor.bytes")
        try? FileManager.default.removeItem(atPath: directory + "/../floor.bytes")
        // Every city department registers as much as any other: take the first.
        let busiest = state.reference.unitOrder.first {
            state.reference.unitTier($0) == 1 && state.reference.units[$0]?.kind == .department
        } ?? "cd"
        let queries = try (1...runs).map { _ in try timed(["catalogue", busiest, "--format", "json"]).ms }.sorted()
        let progress = try timed(["progress", "--json"])
        let mb = { (bytes: Int) in "\(Format.decimal(Double(bytes) / 1_048_576, 0)) MB" }
        var rows = [
            LogBenchmark.Row(
                name: "full rebuild of every projection", value: "\(Format.grouped(Int(Double(entries) / full.ms * 1000))) entries/s",
                detail: "\(Format.decimal(full.ms / 1000, 1)) s for \(Format.grouped(entries)) entries (\(mb(size))), peak memory \(mb(full.peak))",
                comparable: .init(key: "load every entry (clearance: full rebuild of every projection)", number: Double(entries) / full.ms * 1000, higherIsBetter: true)),
            LogBenchmark.Row(
                name: "floor: the chain check alone", value: "\(Format.decimal(check.ms / 1000, 1)) s",
                detail: "clearance verify of the same log, both vCPUs: at most \(Format.grouped(Int(Double(entries) / check.ms * 1000))) entries/s for any rebuild that checks it"),
            LogBenchmark.Row(
                name: "floor: writing what the rebuild wrote", value: "\(Format.decimal(writing, 1)) s",
                detail: "\(mb(written)) (projections and checkpoint) from one buffer, nothing computed, no fsync"),
            LogBenchmark.Row(
                name: "rebuild again, checkpoint warm, nothing new", value: "\(Format.decimal(warm.ms, 0)) ms", detail: "peak memory \(mb(warm.peak))"),
            LogBenchmark.Row(
                name: "query with the checkpoint warm: one catalogue", value: "median \(Format.decimal(queries[queries.count / 2], 1)) ms",
                detail: "catalogue \(busiest) --format json, max \(Format.decimal(queries.last!, 1)) ms over \(runs) runs, process start included",
                comparable: .init(key: "one unit's catalogue (clearance: catalogue, warm)", number: queries[queries.count / 2], higherIsBetter: false)),
            LogBenchmark.Row(
                name: "query with the checkpoint warm: progress", value: "\(Format.decimal(progress.ms, 0)) ms",
                detail: "every unit's stages, peak memory \(mb(progress.peak))",
                comparable: .init(key: "count per unit over every entry (clearance: progress, warm)", number: progress.ms, higherIsBetter: false)),
        ]
        if let sqlite {
            rows += try SQLiteComparison.projections(program: sqlite, logPath: LogFile.path(in: directory), entries: entries, unit: busiest, directory: directory + "/..")
        }
        return rows
    }
}
