import Clearance
import EventLog

/// `clearance verify`: checks every hash, the chain, seq order and every signature; prints the head
/// as an anchor. With `--rules`, also replays every entry through the rules it was appended under.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        summary: "check every entry's hash, the chain, seq order and signatures; print the head as an anchor",
        options: [
            .value("--anchor", "SEQ:HASH", "also check that the log still holds exactly this entry (repeatable)"),
            .flag("--rules", "also replay every entry through the rules in force when it was appended"),
            .flag("--full", "check from seq 1, not from where your last check stopped"),
        ],
        discussion: """
            On success prints the number of entries and the head as SEQ:HASH, which can be published:
            a later 'verify --anchor SEQ:HASH' proves history up to it was not rewritten.
            On failure names the first bad seq and its byte offset and exits 1. Signed submissions are
            checked against the keys in force at their place in the log (docs/log-format.md); a log that binds
            actors must have every submission signed. --rules replays the log through the rules each stretch
            was appended under (docs/rules.md) and names the first entry that breaks one (exit 1): a line
            written around this program, well hashed and even signed, is caught there.

            A check leaves a mark in your own cache folder ($CLEARANCE_CACHE, else ~/.cache/clearance): the
            entry it reached and its hash. The next check starts after it, while the log still holds that
            entry byte for byte (--full, or any --anchor, checks from seq 1), and every query says which
            check its answer rests on.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        var anchors: [LogVerifier.Anchor] = []
        for text in arguments.values["--anchor"] ?? [] {
            guard let anchor = LogVerifier.Anchor(text) else {
                throw UsageError("--anchor takes SEQ:HASH (a positive seq and 64 lowercase hex digits), not '\(text)'", command: spec.name)
            }
            anchors.append(anchor)
        }
        let started = MonotonicClock.now()
        // A log that cannot be opened or has no committed header yet has no mark: reading one must not
        // stop verify from naming the first bad entry itself, or from reading a torn first batch as empty.
        let markPath = try? VerificationMarks.path(for: context.logDirectory, context.environment)
        let mark = arguments.has("--full") ? nil : markPath.flatMap(VerificationMark.read(from:))
        var report = try LogVerifier.verify(directory: context.logDirectory, anchor: anchors.first, resumingFrom: mark)
        for anchor in anchors.dropFirst() {
            report = try LogVerifier.verify(directory: context.logDirectory, anchor: anchor)
        }
        let seconds = MonotonicClock.seconds(since: started)
        if let torn = report.torn { Terminal.note(RecoveryReport.describe(torn)) }
        let megabytes = Double(report.bytes) / 1_000_000
        // Best effort: a reader whose cache cannot be written checks from seq 1 next time.
        if let markPath { try? report.mark?.write(to: markPath) }
        if let from = report.resumedFrom {
            Terminal.out("checked from seq \(from + 1): seq 1 to \(from) were checked by your check of \(mark.map { String($0.checkedAt.iso8601.prefix(19)) } ?? "?") UTC (--full checks them again)")
        }
        let signed = report.signedSubmissions == 0 ? "" : ", \(report.signedSubmissions) signed submission\(report.signedSubmissions == 1 ? "" : "s")"
        Terminal.out("ok: \(report.entries) entries\(signed), \(Format.decimal(megabytes, 1)) MB, every hash, link and signature checked in \(Format.decimal(seconds, 2)) s")
        for anchor in anchors { Terminal.out("anchor \(anchor.seq):\(anchor.hashHex) holds") }
        if arguments.has("--rules") {
            let started = MonotonicClock.now()
            let replay = try RulesReplay.run(directory: context.logDirectory, stopAtFirst: true)
            if let breach = replay.breaches.first {
                throw CommandFailure("rules: \(breach) (byte offset \(breach.offset))")
            }
            let versions = replay.versions.map { "version \($0.version) from seq \($0.from)" }.joined(separator: ", ")
            Terminal.out("rules: all \(replay.entries) entries pass the rules in force when they were appended (\(versions)), replayed in \(Format.decimal(MonotonicClock.seconds(since: started), 2)) s")
        }
        if let head = report.head { Terminal.out("head \(head.anchor)") }
    }
}
