import Foundation

/// An OS account made for one test and removed after it. Tests of who may do what run as root in
/// CI, which bypasses file permissions, so they drop privileges to accounts like this one
/// (`setpriv`: real and effective ids, no supplementary groups). Making one needs root: without it
/// the test fails, it does not skip.
public final class ThrowawayAccount: @unchecked Sendable {
    public let name: String
    public let uid: UInt32
    public let gid: UInt32

    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ label: String) throws {
        guard geteuid() == 0 else {
            throw SetupError(description: "this test creates throwaway OS accounts and must run as root, as CI does")
        }
        var generator = SystemRandomNumberGenerator()
        name = "ct\(label.prefix(12))\(UInt32.random(in: 0...UInt32.max, using: &generator) % 1_000_000)"
        let made = try BuiltProgram(path: "/usr/sbin/useradd").run(["--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin", name])
        guard made.status == 0, let entry = getpwnam(name) else {
            throw SetupError(description: "useradd \(name) failed: \(made.stderr)")
        }
        uid = entry.pointee.pw_uid
        gid = entry.pointee.pw_gid
    }

    deinit { _ = try? BuiltProgram(path: "/usr/sbin/userdel").run([name]) }

    /// Runs `program` as this account, in `directory`, with `environment` added.
    @discardableResult
    public func run(
        _ program: BuiltProgram, _ arguments: [String], stdin: String = "", in directory: String, environment: [String: String] = [:]
    ) throws -> BuiltProgram.Outcome {
        try BuiltProgram(path: "/usr/bin/setpriv").run(
            ["--reuid", String(uid), "--regid", String(gid), "--clear-groups", "--", program.path] + arguments, stdin: stdin,
            in: directory, environment: environment)
    }

    /// Makes `path` (a folder) this account's own, mode 0700.
    public func own(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard chown(path, uid, gid) == 0, chmod(path, 0o700) == 0 else {
            throw SetupError(description: "cannot give \(path) to \(name): \(String(cString: strerror(errno)))")
        }
    }
}
