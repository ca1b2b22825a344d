import EventLog
import Foundation

/// A catalogue written to a file as it is made. Small pieces are gathered and written a quarter
/// megabyte at a time; a run of rows rendered beforehand (a unit's, shared by the unit's, its tier's
/// and its district's catalogues) goes to the file as it is, without another copy.
///
/// A failed write throws and leaves the file partly written (the next rebuild writes it anew); the
/// file is closed when the object goes.
final class CatalogueFile {
    private static let bufferSize = 256 << 10

    private let handle: FileHandle
    private let path: String
    private var document: CatalogueDocument
    private var buffer: [UInt8] = []

    /// Creates (or empties) the file at `path` and starts the catalogue.
    init(path: String, format: CatalogueFormat, title: String) throws {
        let url = URL(fileURLWithPath: path)
        try Data().write(to: url)
        handle = try FileHandle(forWritingTo: url)
        self.path = path
        buffer.reserveCapacity(Self.bufferSize)
        document = CatalogueDocument(format: format, title: title, to: &buffer)
    }

    /// Adds entries rendered with `CatalogueFormat.appendEntry` in this file's format.
    func append(rendered: [UInt8]) throws {
        let part = document.place(rendered)
        if buffer.count + part.count <= Self.bufferSize {
            buffer.append(contentsOf: part)
            return
        }
        try flush()
        try CocoaError.naming(path) { try handle.write(contentsOf: part) }
    }

    func append(_ entries: [CatalogueProjection.Entry]) throws {
        for index in entries.indices {
            document.append(entries[index], to: &buffer)
            if buffer.count >= Self.bufferSize { try flush() }
        }
    }

    /// Adds a title available on request (after every entry).
    func append(onRequest unit: String, title: String) throws {
        document.append(onRequest: unit, title: title, to: &buffer)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Ends the catalogue and closes the file.
    func finish() throws {
        document.finish(to: &buffer)
        try flush()
        try CocoaError.naming(path) { try handle.close() }
    }

    /// Writes what is gathered; an error names the file (Foundation's would not).
    private func flush() throws {
        try CocoaError.naming(path) { try handle.write(contentsOf: buffer) }
        buffer.removeAll(keepingCapacity: true)
    }
}
