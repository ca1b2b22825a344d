import EventLog
import Foundation

/// Measures the log's hot paths on a generated log: bulk append, durable single append,
/// verify and read-and-decode. Each figure is one run on this machine, as the table says.
struct LogBenchmark {
    struct Row {
        let name: String
        let value: String
        let detail: String
        /// Rows measuring the same load share a key, so the command can print clearance/sqlite3 ratios.
        var comparable: Comparison? = nil
    }

    struct Comparison {
        let key: String
        let number: Double
        let higherIsBetter: Bool
    }

    let events: Int
    let batchSize: Int
    let singleAppends: Int
    let directory: String

    func run() throws -> (rows: [Row], lineBytes: Int) {
        var rows: [Row] = []
        var generator = SampleEvents(seed: 2007)
        let entries = (0..<events).map { generator.next($0) }

        // Bulk append in batches.
        let (log, _) = try LogFile.create(in: directory, actor: "bench", clock: .system)
        var progress = ProgressBar(label: "bulk append", total: events)
        var started = MonotonicClock.now()
        let batches = stride(from: 0, to: events, by: batchSize).map { Array(entries[$0..<min($0 + batchSize, events)]) }
        var done = 0
        try log.appendBulk(batches) { head in
            done = head.seq - 1
            progress.update(done)
        }
        var seconds = MonotonicClock.seconds(since: started)
        progress.finish()
        let bytes = try fileSize(LogFile.path(in: directory))
        rows.append(Row(
            name: "bulk append (batches of \(Format.grouped(batchSize)), pipelined)",
            value: "\(Format.grouped(Int(Double(events) / seconds))) events/s",
            detail: "\(Format.decimal(Double(bytes) / 1e6 / seconds, 1)) MB/s, \(Format.decimal(seconds, 2)) s for \(Format.grouped(events)) events",
            comparable: Comparison(key: "bulk append", number: Double(events) / seconds, higherIsBetter: true)))

        // Durable single appends on the full log, one event each, fdatasync'd.
        var latencies: [Double] = []
        for i in 0..<singleAppends {
            let entry = entries[i % entries.count]
            let t = MonotonicClock.now()
            _ = try log.append([entry])
            latencies.append(MonotonicClock.seconds(since: t) * 1e6)
        }
        latencies.sort()
        rows.append(Row(
            name: "durable single append (in-process)",
            value: "median \(Format.decimal(percentile(latencies, 0.5), 0)) µs",
            detail: "p99 \(Format.decimal(percentile(latencies, 0.99), 0)) µs over \(singleAppends) appends, each fdatasync'd",
            comparable: Comparison(
                key: "durable single append (clearance median, sqlite3 mean)", number: percentile(latencies, 0.5), higherIsBetter: false)))

        // Verify: every hash and link, on all cores.
        started = MonotonicClock.now()
        let report = try LogVerifier.verify(directory: directory)
        seconds = MonotonicClock.seconds(since: started)
        rows.append(Row(
            name: "verify (\(LogVerifier.activeProcessorCount()) threads)",
            value: "\(Format.decimal(Double(report.bytes) / 1e6 / seconds, 0)) MB/s",
            detail: "\(Format.grouped(report.entries)) entries in \(Format.decimal(seconds, 2)) s"))

        // Read and decode every entry (one thread).
        started = MonotonicClock.now()
        let reader = try LogReader(directory: directory)
        var decoded = 0
        var typeBytes = 0
        try reader.forEachEntry { entry in
            decoded += 1
            typeBytes &+= entry.type.utf8.count
            return true
        }
        seconds = MonotonicClock.seconds(since: started)
        rows.append(Row(
            name: "read and decode (1 thread)",
            value: "\(Format.grouped(Int(Double(decoded) / seconds))) events/s",
            detail: "\(Format.grouped(decoded)) entries in \(Format.decimal(seconds, 2)) s",
            comparable: Comparison(key: "read every entry", number: Double(decoded) / seconds, higherIsBetter: true)))
        rows.append(sha256Throughput())
        return (rows, bytes / max(report.entries, 1))
    }

    /// The raw speed of our SHA-256 on one core, the bound on every figure above.
    private func sha256Throughput() -> Row {
        let message = [UInt8](repeating: 0x61, count: 64 << 20)
        let started = MonotonicClock.now()
        let digest = SHA256.hash(message)
        let seconds = MonotonicClock.seconds(since: started)
        return Row(
            name: "SHA-256 (1 thread, 64 MiB)", value: "\(Format.decimal(Double(message.count) / 1e6 / seconds, 0)) MB/s",
            detail: "digest \(digest.hex.prefix(16))…")
    }

    private func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
    }
}

func fileSize(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.size] as? NSNumber)?.intValue ?? 0
}
