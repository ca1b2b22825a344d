import Foundation

/// Documents kept beside the log, each in a file named by the SHA-256 of its bytes
/// (`documents/HEX` in the log directory). An event that carries the hash makes the document part of
/// the chained history: whoever holds the log can check that the file is the one the event named,
/// even after the software that wrote it has changed. Files are written once and never changed.
public struct DocumentStore: Sendable {
    public let folder: String

    public init(logDirectory: String) {
        folder = (logDirectory as NSString).appendingPathComponent("documents")
    }

    /// The lowercase hex SHA-256 of `bytes`: the name the document is stored under.
    public static func name(of bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize().hex
    }

    /// Stores `bytes` durably (written to a temporary file, synced, renamed, the folder synced) and
    /// returns its name. Storing the same bytes again changes nothing.
    @discardableResult
    public func put(_ bytes: [UInt8]) throws -> String {
        let name = Self.name(of: bytes)
        let path = "\(folder)/\(name)"
        if (try? read(name)) != nil { return name }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(path).partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw DocumentError(name: name, problem: "could not be stored: \(temporary) cannot be created")
        }
        // Written whole or not at all: a partial file is removed, and the error names it (a full disk).
        do {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? file.close() }
            try CocoaError.naming(temporary) {
                try file.write(contentsOf: bytes)
                try file.synchronize()
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let problem = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw DocumentError(name: name, problem: "could not be stored: \(problem)")
        }
        let directory = open(folder, O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
        return name
    }

    /// The document named `name`, checked against its name: a missing or altered file is an error.
    public func read(_ name: String) throws -> [UInt8] {
        guard name.count == 64, name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw DocumentError(name: name, problem: "is not a SHA-256 in lowercase hex")
        }
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else {
            throw DocumentError(name: name, problem: "is missing from \(folder)")
        }
        let bytes = Array(data)
        guard Self.name(of: bytes) == name else {
            throw DocumentError(name: name, problem: "was altered: its bytes no longer hash to its name")
        }
        return bytes
    }
}

/// A document the store cannot give back as it was stored.
public struct DocumentError: Error, CustomStringConvertible {
    public let name: String
    public let problem: String
    public var description: String { "document \(name) \(problem)" }
}
