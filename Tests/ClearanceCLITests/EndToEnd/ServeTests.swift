@testable import ClearanceCLI
import Foundation
import TestSupport
import Testing

/// `clearance serve`, the single writer of a log: run by the account that owns the log (root here),
/// with events.jsonl writable by nobody else, and clients run as throwaway accounts that reach it only
/// through the socket. The server is a child process, always stopped at the end of a test.
@Suite(.serialized) struct ServeTests {
    /// `clearance serve` as a child process of the test, started in the test folder.
    final class RunningServer {
        let process = Process()
        let errors: String
        let socket: String

        init(_ cli: CLITestCase, _ arguments: [String] = []) throws {
            socket = cli.folder.file("event-log/serve.sock")
            errors = cli.folder.file("serve.err")
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            process.executableURL = URL(fileURLWithPath: cli.clearance.path)
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: cli.folder.path)
            process.environment = [
                "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "CLEARANCE_KEYS": cli.folder.file(".keys"),
                "CLEARANCE_CACHE": cli.folder.file(".cache"),
            ]
            process.standardError = FileHandle(forWritingAtPath: errors)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            for _ in 0..<400 where !ServeChannel.exists(at: socket) && process.isRunning { usleep(25_000) }
        }

        var isListening: Bool { ServeChannel.isLive(at: socket) }

        /// Stops it (SIGTERM) and returns what it wrote on stderr.
        @discardableResult
        func stop() -> String {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        }
    }

    /// A bound log (`init --seed`) where a throwaway account is bound to clerk.wang, holds its key,
    /// and may register records; events.jsonl is then made writable by its owner (root) only.
    static func boundLogWithClerk() throws -> (shared: TrustTests.SharedFolder, wang: ThrowawayAccount) {
        let shared = try TrustTests.SharedFolder()
        let cli = shared.cli
        let created = try cli.run(["init", "--seed", TrustTests.seed, "--actor", "office.chen"])
        #expect(created.status == 0, "\(created.stderr)")
        let wang = try ThrowawayAccount("swang")
        let made = try shared.run(as: wang, ["key", "new", "--actor", "clerk.wang"])
        #expect(made.status == 0, "\(made.stderr)")
        let key = try #require(made.stdout.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        for command in [
            ["identity", "bind", "clerk.wang", "--account", wang.name], ["key", "register", "clerk.wang", key],
            ["role", "grant", "clerk.wang", "clerk", "--unit", "jinjiang-jsj"],
        ] {
            let outcome = try cli.run(command + ["--actor", "office.chen"])
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
        }
        // Only the server (root, the owner) may write the log; everyone may read it.
        chmod(cli.folder.file("event-log"), 0o755)
        chmod(cli.logPath, 0o644)
        return (shared, wang)
    }

    @Test func aClerkAppendsThroughTheServerWithoutWritePermission() throws {
        let (shared, wang) = try Self.boundLogWithClerk()
        let cli = shared.cli
        let server = try RunningServer(cli)
        defer { server.stop() }
        #expect(server.isListening)
        let before = try cli.logLines().count
        let registered = try shared.run(
            as: wang, ["record", "register", "R-1", "--unit", "jinjiang-jsj", "--title", "通知", "--created", "2008-01-10", "--actor", "clerk.wang"])
        #expect(registered.status == 0 && registered.stdout.contains("appended seq \(before + 1)"), "\(registered.stdout)\(registered.stderr)")
        #expect(try cli.logLines().count == before + 1)
        #expect(try cli.logLines().last?.contains(#""actor":"clerk.wang""#) == true)
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("5 signed submissions"), "\(verified.stdout)\(verified.stderr)")
        let stopped = server.stop()
        #expect(stopped.contains("1 submission answered in 1 batch"), "\(stopped)")
        #expect(!FileManager.default.fileExists(atPath: server.socket), "the socket file is removed on SIGTERM")
    }

    @Test func theServerRefusesAnAccountClaimingAnActorItIsNotBoundTo() throws {
        let (shared, wang) = try Self.boundLogWithClerk()
        let cli = shared.cli
        let server = try RunningServer(cli)
        defer { server.stop() }
        #expect(try shared.run(as: wang, ["key", "new", "--actor", "office.chen"]).status == 0)
        let before = try cli.logBytes()
        let forged = try shared.run(as: wang, ["role", "grant", "clerk.wang", "general-office", "--actor", "office.chen"])
        #expect(forged.status == 1 && forged.stderr.contains("os-account \(wang.name) is not bound to office.chen"), "\(forged.stderr)")
        #expect(try cli.logBytes() == before, "nothing was appended")
        #expect(server.stop().contains("1 submission answered in 0 batches"), "the server, not the client, refused it")
    }

    @Test func concurrentClientsAreCommittedInGroupsWithNothingLostOrDuplicated() throws {
        let shared = try TrustTests.SharedFolder()
        let cli = shared.cli
        #expect(try cli.run(["init", "--seed", TrustTests.seed, "--actor", "office.chen"]).status == 0)
        // Eight actors, each with its own key, all bound to this (root) account.
        let clients = (1...8).map { "client.\($0)" }
        for client in clients {
            let made = try cli.run(["key", "new", "--actor", client])
            let key = try #require(made.stdout.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
            for command in [
                ["identity", "bind", client, "--account", "root"], ["key", "register", client, key],
                ["role", "grant", client, "general-office"],
            ] {
                let outcome = try cli.run(command + ["--actor", "office.chen"])
                #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
            }
        }
        let before = try cli.logLines().count
        let server = try RunningServer(cli)
        defer { server.stop() }
        let failures = Failures()
        // Eight client processes at once, each making 25 single appends (signed, one after another)
        // through the socket: `bench serve-client`, the client `bench serve` measures with.
        DispatchQueue.concurrentPerform(iterations: clients.count) { index in
            do {
                let outcome = try cli.run(["bench", "serve-client", "--actor", clients[index], "--events", "25"])
                if outcome.status != 0 || outcome.stdout.split(separator: "\n").count != 25 {
                    failures.add("\(clients[index]): \(outcome.stdout)\(outcome.stderr)")
                }
            } catch { failures.add("\(clients[index]): \(error)") }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let stopped = server.stop()
        let added = try cli.logLines().dropFirst(before)
        #expect(added.count == 200)
        for client in clients {
            let mine = added.filter { $0.contains(#""actor":"\#(client)""#) }
            #expect(mine.count == 25, "\(client): \(mine.count) entries")
            let numbers = Set(mine.compactMap { line in line.split(separator: "\"n\":").last?.prefix { $0.isNumber } }.compactMap { Int($0) })
            #expect(numbers == Set(1...25), "\(client): each append once")
        }
        let batches = Set(added.compactMap { line in line.split(separator: "\"batchEnd\":").last?.prefix { $0.isNumber } })
        #expect(batches.count < 200, "groups formed: \(batches.count) batches for 200 appends; \(stopped)")
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("\(1 + 24 + 200) signed submissions"), "\(verified.stdout)\(verified.stderr)")
    }

    @Test func oversizedAndMalformedRequestsAreRefusedAndTheServerKeepsServing() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--try-out", "--actor", "office.chen"]).status == 0)
        let server = try RunningServer(cli)
        defer { server.stop() }
        let socket = server.socket
        func raw(_ bytes: [UInt8]) throws -> String? {
            let fd = try UnixSocket.connect(to: socket)
            defer { close(fd) }
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(fd, Int32(SHUT_WR))
            guard let length = try UnixSocket.readLength(fd), let body = try UnixSocket.readExactly(fd, length) else { return nil }
            return String(decoding: body, as: UTF8.self)
        }
        func framed(_ text: String) -> [UInt8] {
            let body = Array(text.utf8)
            let n = UInt32(body.count)
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + body
        }
        let huge = try raw([0xFF, 0xFF, 0xFF, 0xFF])
        #expect(huge?.contains(#""ok":false"#) == true && huge?.contains("more than one batch may hold") == true, "\(huge ?? "no reply")")
        let notJSON = try raw(framed("{not json"))
        #expect(notJSON?.contains(#""ok":false"#) == true && notJSON?.contains("not JSON") == true, "\(notJSON ?? "no reply")")
        let noEntries = try raw(framed(#"{"entries":3}"#))
        #expect(noEntries?.contains(#"\"entries\" array"#) == true, "\(noEntries ?? "no reply")")
        let badType = try raw(framed(#"{"entries":[{"actor":"office.chen","type":"Bad Type","data":{}}],"signature":null,"expectSeq":null}"#))
        #expect(badType?.contains(#""ok":false"#) == true, "\(badType ?? "no reply")")
        let badSignature = try raw(framed(#"{"entries":[{"actor":"office.chen","type":"note.filed"}],"signature":{"key":"00"}}"#))
        #expect(badSignature?.contains(#"\"signature\" needs"#) == true, "\(badSignature ?? "no reply")")
        // Torn requests (the peer leaves mid-length, mid-body) are answered if the peer still listens, and forgotten.
        _ = try? raw(Array(framed("{}").prefix(3)))
        _ = try? raw(Array(framed("{}").prefix(5)))
        #expect(try raw(framed(#"{"entries":[{"actor":"office.chen","type":"note.filed"}]}"#))?.contains(#""ok":true"#) == true)
        #expect(server.isListening, "the server keeps serving")
        let appended = try cli.run(["append", "--actor", "office.chen"], stdin: #"{"type":"note.filed","data":{"text":"after"}}"# + "\n")
        #expect(appended.status == 0 && appended.stdout.contains("appended 1 event (seq 3)"), "\(appended.stdout)\(appended.stderr)")

        let second = try cli.run(["serve"])
        #expect(second.status == 1 && second.stderr.contains("already listening"), "\(second.stderr)")
        server.stop()
        // A socket file left by a server that died: appends note it and go to the file directly.
        close(try UnixSocket.listen(at: socket))
        let direct = try cli.run(["append", "--actor", "office.chen"], stdin: #"{"type":"note.filed"}"# + "\n")
        #expect(direct.status == 0 && direct.stderr.contains("nobody answers on"), "\(direct.stderr)")
        #expect(try cli.run(["verify"]).status == 0)
    }
}

private final class Failures: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
