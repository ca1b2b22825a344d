import EventLog
import Foundation

/// Writes a file a piece at a time, replacing what it held: for documents too big to hold whole (a
/// city's funnel is over a hundred megabytes) and for the thousands of pages of a rebuild.
enum OutputFile {
    /// Creates or empties `path`, hands `content` a function that appends bytes to it, and syncs the
    /// file at the end if `sync`. On error the file holds what was written until then, and the error
    /// names it (a full disk: `cannot write projections/guides/cd.md: No space left on device`).
    static func write(_ path: String, sync: Bool, _ content: (([UInt8]) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        try Data().write(to: url)
        let file = try FileHandle(forWritingTo: url)
        defer { try? file.close() }
        try content { bytes in try CocoaError.naming(path) { try file.write(contentsOf: bytes) } }
        if sync { try CocoaError.naming(path) { try file.synchronize() } }
    }
}
