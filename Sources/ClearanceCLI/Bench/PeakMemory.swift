import Foundation

/// A process's own peak resident memory, for the benchmark to read from the commands it times.
///
/// The benchmark cannot take it from `wait4`: a child started with `posix_spawn` runs in the parent's
/// memory until it executes, and Linux then carries the parent's peak into the child's `ru_maxrss`.
/// `VmHWM` in `/proc/self/status` belongs to the program's own address space, so the child reports it.
enum PeakMemory {
    /// The environment variable naming the file a timed command writes its peak to, in bytes.
    static let fileVariable = "CLEARANCE_PEAK_MEMORY_FILE"

    /// Writes this process's peak, if the benchmark asked for it.
    static func reportIfAsked(_ environment: [String: String]) {
        guard let path = environment[fileVariable], let peak = ownPeak() else { return }
        try? "\(peak)\n".write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// `VmHWM` of this process, in bytes (nil where /proc is not there).
    static func ownPeak() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}
