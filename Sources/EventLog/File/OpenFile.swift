#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// A file descriptor with the few calls the log needs, each turning errno into an `EventLogError`.
/// Closed when the last reference goes. Sendable because `pread` needs no shared state.
final class OpenFile: @unchecked Sendable {
    let fd: Int32
    let path: String

    init(path: String, flags: Int32, mode: mode_t = 0o644) throws {
        let fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == ENOENT { throw EventLogError.io(operation: "open", path: path, message: "no such file") }
            throw OpenFile.failure("open", path)
        }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    static func failure(_ operation: String, _ path: String) -> EventLogError {
        .io(operation: operation, path: path, message: String(cString: strerror(errno)))
    }

    var size: Int {
        get throws {
            var info = stat()
            guard fstat(fd, &info) == 0 else { throw OpenFile.failure("stat", path) }
            return Int(info.st_size)
        }
    }

    /// Reads exactly `count` bytes at `offset` into `buffer`, or fewer if the file ends first.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw OpenFile.failure("read", path)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    func read(count: Int, at offset: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { (b) throws -> Int in
            try read(into: b.baseAddress!, count: count, at: offset)
        }
        bytes.removeLast(count - got)
        return bytes
    }

    /// Writes every byte at `offset`, looping over short writes (a single `pwrite` may stop early).
    func writeAll(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw OpenFile.failure("write", path)
            }
            done += n
        }
    }

    func writeAll(_ bytes: [UInt8], at offset: Int) throws {
        // Array.withUnsafeBytes rethrows untyped errors; carry ours through a Result.
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws -> Void in try writeAll(raw, at: offset) }
        }
        try result.get()
    }

    func syncData() throws {
        guard fdatasync(fd) == 0 else { throw OpenFile.failure("fdatasync", path) }
    }

    func syncAll() throws {
        guard fsync(fd) == 0 else { throw OpenFile.failure("fsync", path) }
    }

    func truncate(to length: Int) throws {
        guard ftruncate(fd, off_t(length)) == 0 else { throw OpenFile.failure("truncate", path) }
    }

    /// Blocks until this process holds the exclusive lock (other appenders wait here).
    func lockExclusive() throws {
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw OpenFile.failure("lock", path) }
        }
    }

    func unlock() {
        _ = flock(fd, LOCK_UN)
    }

    /// Makes a new or removed name in `directory` durable.
    static func syncDirectory(_ directory: String) throws {
        let dir = try OpenFile(path: directory, flags: O_RDONLY | O_DIRECTORY)
        try dir.syncAll()
    }
}
