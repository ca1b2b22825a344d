import Foundation

/// Runs a program this package builds (`clearance`, `log-torture`) the way a user would:
/// a separate process, arguments, stdin, environment and a working directory.
public struct BuiltProgram: Sendable {
    public let path: String

    /// Finds `name` beside the test bundle (SwiftPM puts every product of a build in one folder).
    public init(_ name: String, filePath: String = #filePath) {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [beside.appendingPathComponent(name).path]
        // Fallback: <package>/.build/debug/<name>, found from this source file's location.
        var root = URL(fileURLWithPath: filePath)
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/\(name)").path)
        path = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Any program, by its path (a copy of `clearance`, `/bin/bash`).
    public init(path: String) { self.path = path }

    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs to completion. `environment` entries are added to a minimal environment
    /// (PATH, HOME, LANG, and CLEARANCE_KEYS and CLEARANCE_CACHE in the working folder); other CLEARANCE_* variables of the test runner are never inherited.
    @discardableResult
    public func run(
        _ arguments: [String], stdin: String = "", in directory: String? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        // Signing keys stay in the test's folder, never in the account's home.
        if let directory {
            env["CLEARANCE_KEYS"] = directory + "/.keys"
            env["CLEARANCE_CACHE"] = directory + "/.cache"
        }
        env.merge(environment) { _, new in new }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the process runs so that a full pipe never blocks it.
        let collected = OutputCollector()
        let group = DispatchGroup()
        for (index, pipe) in [output, errors].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                collected.set(index, pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: collected.get(0), as: UTF8.self),
            stderr: String(decoding: collected.get(1), as: UTF8.self))
    }
}

private final class OutputCollector: @unchecked Sendable {
    private var data = [Data(), Data()]
    private let lock = NSLock()

    func set(_ index: Int, _ value: Data) {
        lock.lock()
        data[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data[index]
    }
}
