import Clearance
import EventLog
import Foundation

/// `clearance append`: appends stdin's events as one atomic batch and prints the new head.
enum AppendCommand {
    static let spec = CommandSpec(
        name: "append",
        summary: "append events from stdin (JSON Lines) as one atomic batch",
        options: [
            .value("--expect-seq", "N", "refuse unless the log's head is still seq N (optimistic concurrency)")
        ],
        discussion: """
            Each stdin line is one event: {"type": "...", "actor": "...", "id": "...", "data": {...}}.
            type is required; actor defaults to --actor; id is optional (generated when absent);
            data defaults to {}. All lines are appended together or not at all. Events of the catalogue
            (docs/events.md) pass the rules first; other types are stored as they are. An event whose id is
            already in the log is not written again (reported, exit 0). Prints the new head as SEQ:HASH.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let expected = try arguments.integer("--expect-seq", in: 0...Int.max, command: spec.name)
        let entries = try AppendInput.parse(try readStandardInput(), defaultActor: context.actor)
        // Events of the catalogue pass the same rules as the subcommands; other types are stored as they are.
        let result = try context.writingService().append(expecting: expected) { _ in entries }.result
        if let recovery = result.recovered { Terminal.note(RecoveryReport.describe(recovery)) }
        for duplicate in result.duplicates {
            Terminal.note("event \(duplicate.index + 1): id \"\(duplicate.id)\" is already in the log at seq \(duplicate.seq): not written again")
        }
        let written = result.seqs.compactMap { $0 }
        if let first = written.first, let last = written.last {
            Terminal.out("appended \(written.count) event\(written.count == 1 ? "" : "s") (seq \(first == last ? "\(first)" : "\(first)-\(last)"))")
        } else {
            Terminal.out("appended nothing: every event was already in the log")
        }
        Terminal.out("head \(result.head.anchor)")
    }
}

/// Reads all of stdin, refusing more than one batch may hold (the log's own bound).
private func readStandardInput() throws -> [UInt8] {
    var input: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress!, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { throw CommandFailure("cannot read stdin: \(String(cString: strerror(errno)))") }
        if count == 0 { return input }
        input.append(contentsOf: chunk[..<count])
        guard input.count <= LogFile.maximumBatchBytes else {
            throw CommandFailure("stdin holds more than \(LogFile.maximumBatchBytes >> 20) MiB, more than one batch may: split it into several appends; nothing was appended")
        }
    }
}

enum RecoveryReport {
    static func describe(_ recovery: LogFile.Recovery) -> String {
        let tail = recovery.tail
        return "recovered a torn tail: \(tail.byteCount) bytes after byte offset \(tail.offset) "
            + "(\(tail.completeEntries) complete entr\(tail.completeEntries == 1 ? "y" : "ies") of an unfinished batch) "
            + "moved to \(recovery.quarantinePath)"
    }

    static func describe(_ tail: TornTail) -> String {
        "note: a torn tail of \(tail.byteCount) bytes follows byte offset \(tail.offset) (an unfinished batch); "
            + "it is ignored here and will be moved aside by the next append"
    }
}
