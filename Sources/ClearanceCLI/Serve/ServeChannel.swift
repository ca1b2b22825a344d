import Clearance
import EventLog
import Foundation

/// The client's side of `clearance serve`: sends one signed submission over the socket and returns
/// what the server appended (docs/serve.md).
struct ServeChannel: SubmissionChannel {
    let path: String

    /// The socket appends should go to: `$CLEARANCE_SOCKET`, else `serve.sock` in the log's folder.
    static func socketPath(logDirectory: String, environment: [String: String]) -> String {
        environment["CLEARANCE_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? logDirectory + "/serve.sock"
    }

    /// Whether a socket file is there at all (then appends go to the server, or fall back with a note).
    static func exists(at path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK
    }

    /// Whether a server answers on `path` now (a connection that sends nothing: the server drops it).
    static func isLive(at path: String) -> Bool {
        guard let fd = try? UnixSocket.connect(to: path) else { return false }
        close(fd)
        return true
    }

    func send(_ submission: Submission, expecting expectedSeq: Int?) throws -> LogFile.AppendResult {
        let fd = try UnixSocket.connect(to: path)
        defer { close(fd) }
        UnixSocket.setTimeout(fd, seconds: 120)
        // A server that refuses the request before reading it has answered already: read that answer.
        var sendError: (any Error)?
        do { try UnixSocket.writeFrame(fd, ServeProtocol.encode(submission, expecting: expectedSeq)) } catch { sendError = error }
        guard let length = try UnixSocket.readLength(fd) else {
            throw sendError ?? ServeProtocol.ProtocolError(description: "the server at \(path) closed the connection without a reply (nothing may have been appended: 'clearance log' shows the head)")
        }
        guard length <= ServeProtocol.maximumReplyBytes, let body = try UnixSocket.readExactly(fd, length) else {
            throw ServeProtocol.ProtocolError(description: "the server at \(path) sent a reply of \(length) bytes, more than a reply may be")
        }
        return try ServeProtocol.decodeReply(body)
    }
}
