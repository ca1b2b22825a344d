import Clearance
import Foundation

/// A Unix-domain stream socket (never a network one): the address, listening, connecting, framed
/// reads and writes, and the peer's account as the kernel reports it.
enum UnixSocket {
    struct SocketError: Error, CustomStringConvertible {
        let description: String
        /// errno of the failing call (ECONNREFUSED: a socket file nobody listens on).
        let code: Int32
    }

    private static func failure(_ what: String, _ path: String) -> SocketError {
        let code = errno
        return SocketError(description: "cannot \(what) \(path): \(String(cString: strerror(code)))", code: code)
    }

    private static func withAddress<R>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R) throws -> R {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw SocketError(description: "the socket path \(path) is longer than \(capacity - 1) bytes", code: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    /// A connected socket to `path`. Throws with `code` ECONNREFUSED when the file is there but nobody listens.
    static func connect(to path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("create a socket for", path) }
        let status = try withAddress(path) { Glibc.connect(fd, $0, $1) }
        guard status == 0 else {
            let error = failure("connect to", path)
            close(fd)
            throw error
        }
        return fd
    }

    /// Listens on `path`, mode 0666 so that every local account may connect (the server decides who
    /// may do what). Refuses when a server answers there; replaces a socket file nobody listens on.
    static func listen(at path: String) throws -> Int32 {
        if let live = try? connect(to: path) {
            close(live)
            throw SocketError(description: "a server is already listening on \(path)", code: EADDRINUSE)
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else {
                throw SocketError(description: "\(path) exists and is not a socket: not replacing it", code: EEXIST)
            }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("create a socket for", path) }
        // Bound and listening under a temporary name, then renamed into place: a client never finds
        // the file before the server listens on it. bind applies the umask: cleared for that call.
        let temporary = path + ".new-\(getpid())"
        unlink(temporary)
        let mask = umask(0)
        let bound = try withAddress(temporary) { bind(fd, $0, $1) }
        umask(mask)
        guard bound == 0, chmod(temporary, 0o666) == 0, Glibc.listen(fd, 128) == 0, rename(temporary, path) == 0 else {
            let error = failure("listen on", path)
            unlink(temporary)
            close(fd)
            throw error
        }
        return fd
    }

    /// The account of the process at the other end, from the kernel (`SO_PEERCRED`): what the client
    /// claims never enters into it. The kernel fills a `struct ucred` (pid, uid, gid: three 32-bit words).
    static func peerAccount(of fd: Int32) throws -> (uid: UInt32, identity: Trust.Identity) {
        var words = [UInt32](repeating: 0, count: 3)
        var length = socklen_t(12)
        let status = words.withUnsafeMutableBytes { getsockopt(fd, SOL_SOCKET, SO_PEERCRED, $0.baseAddress, &length) }
        guard status == 0, length == 12 else {
            throw SocketError(description: "cannot learn the peer's account: \(String(cString: strerror(errno)))", code: errno)
        }
        return (words[1], Trust.Identity(kind: .osAccount, name: accountName(of: words[1])))
    }

    /// The account name of `uid` (`uid:N` when it has none), with `getpwuid_r`: connections are
    /// served on many threads, and `getpwuid` shares one buffer between them.
    static func accountName(of uid: UInt32) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        return buffer.withUnsafeMutableBufferPointer { bytes in
            guard getpwuid_r(uid, &entry, bytes.baseAddress!, bytes.count, &result) == 0, result != nil, let name = entry.pw_name else {
                return "uid:\(uid)"
            }
            return String(cString: name)
        }
    }

    /// Gives up on a peer that sends or takes nothing for `seconds`.
    static func setTimeout(_ fd: Int32, seconds: Int) {
        var time = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Writes a 4-byte big-endian length and `payload`, looping until every byte is written.
    static func writeFrame(_ fd: Int32, _ payload: [UInt8]) throws {
        let length = UInt32(payload.count)
        let bytes = [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + written, $0.count - written, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw SocketError(description: "cannot send: \(String(cString: strerror(errno)))", code: errno) }
            written += count
        }
    }

    /// Reads exactly `count` bytes; nil when the peer closed before sending any.
    static func readExactly(_ fd: Int32, _ count: Int) throws -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + done, count - done, 0) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw SocketError(description: "cannot receive: \(String(cString: strerror(errno)))", code: errno) }
            if got == 0 {
                if done == 0 { return nil }
                throw SocketError(description: "the peer closed after \(done) of \(count) bytes", code: 0)
            }
            done += got
        }
        return bytes
    }

    /// The length prefix of a frame (nil when the peer closed first).
    static func readLength(_ fd: Int32) throws -> Int? {
        guard let prefix = try readExactly(fd, 4) else { return nil }
        return prefix.reduce(0) { $0 << 8 | Int($1) }
    }
}
