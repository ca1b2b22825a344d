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
            if let previous = FileManager.default.contents(atPath: "\(out)/manifest.json"),
                let manifest = try? JSONParser.parse(Array(previous)), let anchor = manifest["builtFrom"]?.stringValue,
                let seq = manifest["builtFromSeq"]?.intValue, let offset = manifest["builtFromOffset"]?.intValue,
                let length = manifest["builtFromLength"]?.intValue, !anchor.isEmpty
            {
                let line = try reader.bytes(at: offset, length: length)
                let entry = try line.map { try $0.withUnsafeBytes { try LogEntry(line: $0, offset: offset) } }
                if entry?.seq != seq || "\(seq):\(entry?.hashHex ?? "")" != anchor {
                    Terminal.note("WARNING: HISTORY WAS REWRITTEN: the projections in \(out) were built from \(anchor), which the log no longer holds; rebuilding everything from the start")
                } else if limit == nil, let bytes = manifest["auditBytes"]?.intValue, bytes > 0,
                    (try? FileManager.default.attributesOfItem(atPath: "\(out)/audit.csv")[.size] as? Int) == bytes
                {
                    (fold.auditFrom, auditKeep) = (seq, bytes)
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
            let audit = try AuditFile(path: "\(out)/audit.csv", keeping: auditKeep)
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
    }
}
