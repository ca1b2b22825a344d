import EventLog

/// `clearance verify`: checks every hash, the chain and seq order; prints the head as an anchor.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        summary: "check every entry's hash, the chain and seq order; print the head as an anchor",
        options: [
            .value("--anchor", "SEQ:HASH", "also check that the log still holds exactly this entry (repeatable)")
        ],
        discussion: """
            On success prints the number of entries and the head as SEQ:HASH, which can be published:
            a later 'verify --anchor SEQ:HASH' proves history up to it was not rewritten.
            On failure names the first bad seq and its byte offset and exits 1.
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
        var report = try LogVerifier.verify(directory: context.logDirectory, anchor: anchors.first)
        for anchor in anchors.dropFirst() {
            report = try LogVerifier.verify(directory: context.logDirectory, anchor: anchor)
        }
        let seconds = MonotonicClock.seconds(since: started)
        if let torn = report.torn { Terminal.note(RecoveryReport.describe(torn)) }
        let megabytes = Double(report.bytes) / 1_000_000
        Terminal.out("ok: \(report.entries) entries, \(Format.decimal(megabytes, 1)) MB, every hash and link checked in \(Format.decimal(seconds, 2)) s")
        for anchor in anchors { Terminal.out("anchor \(anchor.seq):\(anchor.hashHex) holds") }
        if let head = report.head { Terminal.out("head \(head.anchor)") }
    }
}
