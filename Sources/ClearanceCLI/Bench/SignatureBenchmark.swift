import EventLog
import Foundation

/// Signed submissions (docs/log-format.md, S1–S6): what signing costs a writer, and what `verify` pays
/// per million submissions, from seq 1 and from a verification mark. The log binds actors; one key
/// signs every submission of one entry, as a clerk appending one record at a time would.
struct SignatureBenchmark {
    let submissions: Int
    let runs: Int
    let directory: String

    func run() throws -> [LogBenchmark.Row] {
        let key = try Ed25519.PrivateKey(seed: [UInt8](repeating: 42, count: 32))
        let signer = "bench.signer"
        let start = Timestamp(parsing: "2026-01-05T09:00:00Z")!
        func signature(_ log: String, _ entries: [NewEntry], at: Timestamp) -> SubmissionSignature {
            SubmissionSignature(publicKey: key.publicKey.bytes, at: at, signature: key.sign(SignedBytes.of(log: log, at: at, entries: entries)))
        }
        let registration = NewEntry(
            actor: signer, type: SignatureFormat.keyRegisteredType,
            data: .object([("at", .string("2026-01-05")), ("actor", .string(signer)), ("key", .string(key.publicKey.bytes.hex))]))
        let (log, _) = try LogFile.create(
            in: directory, actor: signer, clock: .simulated(start: start), actors: .bound, entries: [registration],
            sign: { name, entries in signature(name, entries, at: start) })
        let name = log.header.name
        var signing = 0.0
        var signed = 0
        /// Appends `count` more submissions, signed one by one, in batches of 10,000.
        func append(_ count: Int) throws {
            var left = count
            while left > 0 {
                let n = min(10_000, left)
                let began = MonotonicClock.now()
                let batch = (0..<n).map { i -> Submission in
                    signed += 1
                    let entry = NewEntry(actor: signer, type: "note.filed", data: .object([("text", .string("第\(signed)件"))]))
                    return Submission([entry], signature: signature(name, [entry], at: start.adding(milliseconds: Int64(signed))))
                }
                signing += MonotonicClock.seconds(since: began)
                _ = try log.append(submissions: batch)
                left -= n
            }
        }
        try append(submissions)
        var full: [Double] = []
        var mark: VerificationMark?
        for _ in 0..<runs {
            let began = MonotonicClock.now()
            let report = try LogVerifier.verify(directory: directory)
            full.append(MonotonicClock.seconds(since: began))
            mark = report.mark
        }
        let more = 1_000
        try append(more)
        var resumed: [Double] = []
        for _ in 0..<runs {
            let began = MonotonicClock.now()
            _ = try LogVerifier.verify(directory: directory, resumingFrom: mark)
            resumed.append(MonotonicClock.seconds(since: began))
        }
        full.sort()
        resumed.sort()
        let perMillion = { (seconds: Double) in seconds / Double(submissions) * 1_000_000 }
        func spread(_ times: [Double]) -> String {
            "min \(Format.decimal(times.first!, 2)) / median \(Format.decimal(times[times.count / 2], 2)) / max \(Format.decimal(times.last!, 2)) s over \(times.count) runs"
        }
        return [
            LogBenchmark.Row(
                name: "sign a submission of one entry", value: "\(Format.decimal(Double(signed) / signing, 0))/s",
                detail: "\(Format.grouped(signed)) signed in \(Format.decimal(signing, 1)) s, one thread"),
            LogBenchmark.Row(
                name: "verify from seq 1, per million submissions", value: "\(Format.decimal(perMillion(full[full.count / 2]), 1)) s",
                detail: "\(Format.grouped(submissions)) signed submissions: \(spread(full)), every core"),
            LogBenchmark.Row(
                name: "verify from the mark, \(Format.grouped(more)) new submissions", value: "median \(Format.decimal(resumed[resumed.count / 2] * 1000, 0)) ms",
                detail: spread(resumed)),
        ]
    }
}
