import Clearance
import Dispatch
import Foundation

/// `clearance serve`'s machinery: accepts connections on a Unix socket, one thread per connection
/// reads its request and learns its account from the kernel, and one writer thread commits what has
/// queued up, as one batch, while the previous batch was being written and synced (group commit).
final class LogServer: @unchecked Sendable {
    /// A request waiting for the writer thread, and the answer it gets.
    private final class Pending: @unchecked Sendable {
        let request: GroupWriter.Request
        var outcome: GroupWriter.Outcome?
        let answered = DispatchSemaphore(value: 0)
        init(_ request: GroupWriter.Request) { self.request = request }
    }

    let path: String
    private let writer: GroupWriter
    private let listener: Int32
    private let condition = NSCondition()
    private var queue: [Pending] = []
    private var stopping = false
    private let writerDone = DispatchSemaphore(value: 0)
    /// Requests answered by the writer, and the largest group it committed at once.
    private var committed = 0
    private var largestGroup = 0

    init(writer: GroupWriter, path: String) throws {
        self.writer = writer
        self.path = path
        listener = try UnixSocket.listen(at: path)
    }

    /// Serves until `stop`; then answers what is queued, removes the socket file and returns.
    func run() {
        Thread { [self] in writeLoop() }.start()
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if isStopping { break }
                // EINTR, or out of descriptors for a moment: try again shortly.
                if errno != EINTR { usleep(10_000) }
                continue
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            Thread { [self] in serve(fd) }.start()
        }
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        writerDone.wait()
        close(listener)
    }

    /// Stops accepting (safe from any thread, once or more): removes the socket file first, so that
    /// clients from here on append directly or wait for the next server.
    func stop() {
        condition.lock()
        let already = stopping
        stopping = true
        condition.broadcast()
        condition.unlock()
        guard !already else { return }
        unlink(path)
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    var summary: String {
        condition.lock()
        defer { condition.unlock() }
        return "\(committed) submission\(committed == 1 ? "" : "s") answered in \(writer.batches) batch\(writer.batches == 1 ? "" : "es") "
            + "(largest group \(largestGroup)); state loaded from the log \(writer.loads) time\(writer.loads == 1 ? "" : "s")"
    }

    /// One connection: one request, one reply. Never throws: every failure is a refusal sent back.
    private func serve(_ fd: Int32) {
        defer { close(fd) }
        UnixSocket.setTimeout(fd, seconds: 30)
        let reply: [UInt8]
        do {
            let peer = try UnixSocket.peerAccount(of: fd)
            guard let length = try UnixSocket.readLength(fd) else { return }  // a probe: connected and left
            guard length <= ServeProtocol.maximumRequestBytes else {
                // Refused before reading it: the client may not send more than one batch.
                reply = ServeProtocol.refusal(
                    "the request is \(length) bytes, more than one batch may hold (\(ServeProtocol.maximumRequestBytes >> 20) MiB); nothing was appended",
                    retry: false)
                try? UnixSocket.writeFrame(fd, reply)
                return
            }
            guard let body = try UnixSocket.readExactly(fd, length) else { return }
            let request = try ServeProtocol.decodeRequest(body)
            let pending = Pending(GroupWriter.Request(submission: request.submission, identity: peer.identity, expectedSeq: request.expectedSeq))
            condition.lock()
            queue.append(pending)
            condition.signal()
            condition.unlock()
            pending.answered.wait()
            reply = ServeProtocol.encode(pending.outcome!)
        } catch {
            reply = ServeProtocol.refusal(ErrorText.line(error) + "; nothing was appended", retry: false)
        }
        try? UnixSocket.writeFrame(fd, reply)
    }

    /// Takes everything queued, commits it as one group, answers each; until stopped and drained.
    private func writeLoop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            let group = queue
            queue = []
            condition.unlock()
            if group.isEmpty {
                writerDone.signal()
                return
            }
            let outcomes = writer.commit(group.map(\.request))
            condition.lock()
            committed += group.count
            largestGroup = max(largestGroup, group.count)
            condition.unlock()
            for (pending, outcome) in zip(group, outcomes) {
                pending.outcome = outcome
                pending.answered.signal()
            }
        }
    }
}
