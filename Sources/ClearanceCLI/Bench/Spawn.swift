import Foundation

/// Starts a program with `posix_spawn` and waits for it: Foundation's `Process` adds tens of
/// milliseconds on Linux, which would swamp what is measured here.
enum Spawn {
    /// The exit status, and the child's own peak resident memory in bytes (0 if it did not report it).
    static func run(_ arguments: [String], quiet: Bool) throws -> (status: Int32, peakBytes: Int) {
        let peakFile = NSTemporaryDirectory() + "clearance-peak-\(getpid())"
        try? FileManager.default.removeItem(atPath: peakFile)
        defer { try? FileManager.default.removeItem(atPath: peakFile) }
        setenv(PeakMemory.fileVariable, peakFile, 1)
        defer { unsetenv(PeakMemory.fileVariable) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if quiet { posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw CommandFailure("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        let peak = (try? String(contentsOfFile: peakFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        return ((exit >> 8) & 0xFF, peak)
    }
}

extension Spawn {
    /// Starts a program without waiting for it, its stdout into `output` (or /dev/null), stderr
    /// inherited unless `quiet`; returns its pid for `wait`.
    static func start(_ arguments: [String], output: String? = nil, quiet: Bool = false) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else { throw CommandFailure("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Waits for a started program; its exit status.
    static func wait(_ pid: pid_t) -> Int32 {
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        return (exit >> 8) & 0xFF
    }
}
