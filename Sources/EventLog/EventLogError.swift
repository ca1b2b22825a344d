/// Why the log refused an operation or could not be read. Every message names the log,
/// the seq or the byte offset concerned; the log is left exactly as it was unless the case says otherwise.
public enum EventLogError: Error, Equatable, CustomStringConvertible {
    /// No `events.jsonl` in the directory.
    case notInitialized(directory: String)
    /// `create` found a log already there; it was not touched.
    case alreadyExists(path: String)
    /// A system call failed; the message carries `strerror`.
    case io(operation: String, path: String, message: String)
    /// A stored entry is damaged or out of order: appends are refused until someone looks.
    case corrupt(seq: Int?, offset: Int, reason: String)
    /// `--expect-seq` did not match the head; nothing was written.
    case headMoved(expected: Int, actual: Int)
    /// An entry handed to `append` is unacceptable; nothing was written.
    case invalidEntry(index: Int, reason: String)

    public var description: String {
        switch self {
        case .notInitialized(let directory):
            return "no log in \(directory) (events.jsonl is missing): run 'clearance init' first"
        case .alreadyExists(let path):
            return "a log already exists at \(path); it was left untouched"
        case .io(let operation, let path, let message):
            return "\(operation) \(path) failed: \(message)"
        case .corrupt(let seq, let offset, let reason):
            let at = seq.map { "seq \($0) at byte offset \(offset)" } ?? "byte offset \(offset)"
            return "the log is damaged at \(at): \(reason)"
        case .headMoved(let expected, let actual):
            return "the head is seq \(actual), not the expected \(expected): nothing was appended"
        case .invalidEntry(let index, let reason):
            return "event \(index + 1) of the batch: \(reason); nothing was appended"
        }
    }

    /// An error met below the log's own, in words for a message that carries it: its description if its
    /// type gives one, never a dump of its fields.
    static func words(for error: any Error) -> String {
        func described<T>(_ value: T) -> String? { (value as? any CustomStringConvertible)?.description }
        return described(error) ?? "an unexpected \(type(of: error))"
    }
}
