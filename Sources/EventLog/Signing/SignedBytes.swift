/// The bytes an actor signs for a submission (docs/log-format.md, "Submissions and signatures"):
///
///     clearance-submission-2 LF <log> LF <at> LF <n> LF, then per entry: <id> LF <content> LF
///
/// where `<id>` is empty for a generated id and `<content>` is the line's bytes from `"actor":` up to
/// `,"batchEnd":`. The signer builds them from the entries it sends, the verifier from the stored lines;
/// both give the same bytes because the writer encodes content the one way `EntryEncoder` does.
public enum SignedBytes {
    /// For a submission about to be sent: `entries` as the writer will encode them.
    public static func of(log: String, at: Timestamp, entries: [NewEntry]) -> [UInt8] {
        var out = prefix(log: log, at: at.iso8601, count: entries.count)
        for entry in entries {
            if let id = entry.id { appendUTF8(id, to: &out) }
            out.append(0x0A)
            EntryEncoder.writeContent(entry, into: &out)
            out.append(0x0A)
        }
        return out
    }

    /// For a stored submission: its entries in order (a generated id, `ev-<seq>`, counts as none).
    public static func of(log: String, at: String, stored: [LogEntry]) -> [UInt8] {
        var out = prefix(log: log, at: at, count: stored.count)
        for entry in stored {
            if entry.id != LogFile.generatedID(seq: entry.seq) { appendUTF8(entry.id, to: &out) }
            out.append(0x0A)
            out.append(contentsOf: entry.contentBytes)
            out.append(0x0A)
        }
        return out
    }

    private static func prefix(log: String, at: String, count: Int) -> [UInt8] {
        var out = SignatureFormat.messageTag
        appendUTF8(log, to: &out)
        out.append(0x0A)
        appendUTF8(at, to: &out)
        out.append(0x0A)
        appendDecimal(count, to: &out)
        out.append(0x0A)
        return out
    }
}
