import EventLog
import Foundation

/// Where this account keeps its verification marks (`VerificationMark`): its own cache folder
/// (`$CLEARANCE_CACHE`, else `$XDG_CACHE_HOME/clearance`, else `~/.cache/clearance`), never beside
/// the log, where whoever can write the log could forge one. One mark per log, named by the log's
/// name and the path of its file.
enum VerificationMarks {
    static func folder(_ environment: [String: String]) -> String {
        if let folder = environment["CLEARANCE_CACHE"], !folder.isEmpty { return folder }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/clearance" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/clearance"
    }

    static func path(for logDirectory: String, _ environment: [String: String]) throws -> String {
        let file = LogFile.path(in: logDirectory)
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
        let name = try LogReader(directory: logDirectory).header().name
        let place = SHA256.hash(Array(real.utf8)).hex.prefix(16)
        return folder(environment) + "/marks/" + (name.isEmpty ? "v1" : name) + "-" + place + ".json"
    }

    /// What the answer of a query rests on, in one line for stderr (nil when the log cannot be read:
    /// the query itself says why).
    static func chainStatus(for logDirectory: String, _ environment: [String: String]) -> String? {
        guard let reader = try? LogReader(directory: logDirectory), let path = try? path(for: logDirectory, environment) else { return nil }
        let head = reader.tail.head?.seq ?? 0
        guard let mark = VerificationMark.read(from: path) else {
            return "chain: not verified by you yet ('clearance verify' checks every hash, link and signature)"
        }
        let when = "your check of \(mark.checkedAt.iso8601.prefix(16).replacingOccurrences(of: "T", with: " ")) UTC"
        guard mark.holds(in: reader) else {
            return "WARNING: chain: the log no longer holds seq \(mark.seq) as \(when) found it (hash \(mark.hashHex.prefix(12))…): "
                + "history was rewritten or cut since; run 'clearance verify'"
        }
        if head == mark.seq { return "chain: verified to the head, seq \(mark.seq) (\(when))" }
        return "chain: verified to seq \(mark.seq) (\(when)); \(head - mark.seq) entries since are not yet checked: 'clearance verify'"
    }
}
