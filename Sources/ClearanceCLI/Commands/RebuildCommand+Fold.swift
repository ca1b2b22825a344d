import Clearance
import EventLog
import Foundation
import Projections

extension RebuildCommand {
    /// The one pass over the log a rebuild makes: it folds the state and writes the audit trail's rows
    /// as it goes, starting from the last rebuild's checkpoint when that is still good. The caller
    /// writes the new checkpoint, beside the other projections.
    struct Fold {
        var state = ClearanceState()
        /// The last entry folded (nil when nothing was new), and the head of the state.
        var last: LogEntry?
        var head: LogHead?
        /// The seq after which audit rows were written (0: the whole trail), how many, and the file's size.
        var auditFrom = 0
        var auditRows = 0
        var auditBytes = 0

        static func run(reader: LogReader, out: String, logDirectory: String, limit: ClearanceService.Limit?) throws -> Fold {
            var fold = Fold()
            var auditKeep = 0
            // The audit trail goes on from the last rebuild's entry if that entry is still in the log,
            // unchanged, and the trail is as that rebuild left it; if the entry changed, history was rewritten.
            let previous = FileManager.default.contents(atPath: "\(out)/manifest.json")
            var manifest: JSONValue?
            do { manifest = try previous.map { try JSONParser.parse(Array($0)) } } catch {
                // Not JSON a rebuild writes (a number beyond what readers agree on, say): read like any input.
                Terminal.note("\(out)/manifest.json is not JSON this program reads (\(error)), so it cannot be checked against the log; rebuilding everything from the start")
            }
            if let manifest, let anchor = manifest["builtFrom"]?.stringValue,
                let seq = manifest["builtFromSeq"]?.intValue, let offset = manifest["builtFromOffset"]?.intValue,
                let length = manifest["builtFromLength"]?.intValue, !anchor.isEmpty
            {
                switch try check(anchor, seq: seq, offset: offset, length: length, in: reader) {
                case .unchanged:
                    if limit == nil, let bytes = manifest["auditBytes"]?.intValue, bytes > 0,
                        (try? FileManager.default.attributesOfItem(atPath: "\(out)/internal/audit.csv")[.size] as? Int) == bytes
                    {
                        (fold.auditFrom, auditKeep) = (seq, bytes)
                    }
                case .rewritten(let change):
                    Terminal.note(
                        "WARNING: HISTORY WAS REWRITTEN: the projections in \(out) were built from the log up to seq \(seq) (\(anchor)), "
                            + "and the log no longer matches what was read then: \(change); rebuilding everything from the start "
                            + "('clearance verify --anchor \(anchor)' checks the log against that entry)")
                case .notAnEntry(let problem):
                    Terminal.note("\(out)/manifest.json \(problem), so it cannot be checked against the log; rebuilding everything from the start")
                }
            }
            // The checkpoint is the state snapshot the last rebuild left beside the log, at its entry.
            var start = 0
            if fold.auditFrom > 0, let checkpoint = StateSnapshot.load(in: logDirectory, named: StateSnapshot.checkpointName, matching: reader),
                checkpoint.state.seq == fold.auditFrom
            {
                (fold.state, start) = (checkpoint.state, checkpoint.resumeAt)
            } else {
                (fold.auditFrom, auditKeep) = (0, 0)
            }
            let audit = try AuditFile(path: "\(out)/internal/audit.csv", keeping: auditKeep)
            // Folding a long log shows a bar with entries/s on a terminal, and nothing in a pipe.
            var bar = ProgressBar(label: "folding the log", total: reader.tail.head?.seq ?? 0)
            func foldAndWrite(_ entry: LogEntry, _ decoded: ClearanceState.Decoded, _ prepared: AuditTrail.Prepared) throws {
                if let row = AuditTrail.row(folding: entry, decoded, prepared, into: &fold.state, filter: AuditTrail.Filter()) {
                    try audit.write(row)
                    fold.auditRows += 1
                }
            }
            // As of a point, whole batches only, so that a point inside a batch gives what a copy cut
            // there would: a batch is held until its last entry shows it is in.
            var pending: [(LogEntry, ClearanceState.Decoded, AuditTrail.Prepared)] = []
            try DecodedLog.forEach(in: reader, from: start, decoding: AuditTrail.prepare) { entry, item in
                switch limit {
                case .seq(let seq): if entry.seq > seq { return false }
                case .recorded(let time): if entry.recorded > time { return false }
                case nil: break
                }
                if limit == nil {
                    try foldAndWrite(entry, item.decoded, item.prepared)
                } else {
                    pending.append((entry, item.decoded, item.prepared))
                    guard entry.seq == entry.batchEnd else { return true }
                    for (entry, decoded, prepared) in pending { try foldAndWrite(entry, decoded, prepared) }
                    pending.removeAll(keepingCapacity: true)
                }
                if entry.seq == entry.batchEnd {
                    fold.last = entry
                    bar.update(entry.seq)
                }
                return true
            }
            fold.auditBytes = try audit.close()
            bar.finish()
            if limit == nil {
                fold.head = reader.tail.head
            } else {
                fold.head = fold.last.map { LogHead(seq: $0.seq, hashHex: $0.hashHex, recorded: $0.recorded) } ?? fold.head
            }
            return fold
        }

        /// What became of the entry the last rebuild stopped at, as its manifest names it.
        enum AnchorCheck {
            case unchanged
            /// The log no longer holds it as it was: why, naming its seq and byte offset.
            case rewritten(String)
            /// The manifest's values are none a rebuild writes (a manifest is read like any input).
            case notAnEntry(String)
        }

        /// Checks that the log still holds `anchor` (seq `seq`, its line of `length` bytes at byte
        /// `offset`) byte for byte where the last rebuild read it.
        static func check(_ anchor: String, seq: Int, offset: Int, length: Int, in reader: LogReader) throws -> AnchorCheck {
            let at = "seq \(seq) at byte offset \(offset)"
            guard seq > 0, offset >= 0, length > 0, length <= EntryFormat.maximumLineBytes, anchor.hasPrefix("\(seq):") else {
                return .notAnEntry("names seq \(seq), byte offset \(offset) and a line of \(length) bytes, which no log entry can be")
            }
            // The line with the byte before it and its newline: both must be line ends for it to be a whole line.
            let before = offset == 0 ? 0 : 1
            guard let window = try reader.bytes(at: offset - before, length: before + length + 1) else {
                return .rewritten("it now ends at byte \(reader.tail.committedEnd), before the end of \(at)")
            }
            guard before == 0 || window.first == 0x0A, window.last == 0x0A else {
                return .rewritten("byte offset \(offset) no longer starts the \(length)-byte line of seq \(seq): lines before it changed length")
            }
            let entry: LogEntry
            do {
                entry = try Array(window[before..<(before + length)]).withUnsafeBytes { try LogEntry(line: $0, offset: offset) }
            } catch let error as FrameError {
                return .rewritten("the line at byte offset \(offset) is no longer an entry (\(error.reason))")
            }
            if entry.seq != seq { return .rewritten("the entry at byte offset \(offset) is now seq \(entry.seq)") }
            if "\(seq):\(entry.hashHex)" != anchor { return .rewritten("\(at) now has the hash \(entry.hashHex)") }
            return .unchanged
        }
    }
}
