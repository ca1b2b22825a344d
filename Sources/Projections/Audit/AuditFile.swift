import EventLog
import Foundation

/// The audit trail as a CSV file that grows with the log: a rebuild appends the rows of the entries
/// after the last one it wrote, so the trail is never rewritten unless history was.
///
/// Rows are buffered and written a few megabytes at a time; `close` writes the rest and returns the
/// file's size, which the manifest keeps so the next rebuild can tell the file is still whole.
public final class AuditFile {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private(set) public var size: Int

    /// Opens `path` to add rows after its first `keeping` bytes (0: start a new file with its header).
    public init(path: String, keeping: Int) throws {
        if keeping == 0 || !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        self.handle = handle
        self.path = path
        if keeping > 0 {
            try handle.truncate(atOffset: UInt64(keeping))
            try handle.seek(toOffset: UInt64(keeping))
            size = keeping
        } else {
            try handle.truncate(atOffset: 0)
            buffer = CSVWriter.byteOrderMark
            CSVWriter.append(AuditTrail.header, to: &buffer)
            size = 0
        }
    }

    public func write(_ row: AuditTrail.Row) throws {
        CSVWriter.append(row.fields, to: &buffer)
        if buffer.count >= 4 << 20 { try flush() }
    }

    /// Writes what is buffered, syncs and closes the file, and returns its size (which the manifest
    /// then vouches for).
    public func close() throws -> Int {
        try flush()
        try CocoaError.naming(path) {
            try handle.synchronize()
            try handle.close()
        }
        return size
    }

    /// Writes what is buffered; an error names the file (Foundation's would not).
    private func flush() throws {
        try CocoaError.naming(path) { try handle.write(contentsOf: buffer) }
        size += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
