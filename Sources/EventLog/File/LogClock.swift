/// Which clock stamps `recorded`, as the log's first entry declares it.
public enum LogClock: Equatable, Sendable {
    /// The machine's real-time clock at the moment of each append.
    case system
    /// A generated scenario's clock: the log starts at `start`, a batch is stamped with the time its
    /// writer supplies, or else 1 ms after the head, so replays are byte-for-byte repeatable.
    case simulated(start: Timestamp)

    var name: String {
        switch self {
        case .system: return "system"
        case .simulated: return "simulated"
        }
    }

    /// The system clock's reading, or for a simulated log 1 ms after the head: what the next append
    /// will stamp unless its writer supplies a time.
    public func nextTime(after head: LogHead?) -> Timestamp {
        switch self {
        case .system: return .now()
        case .simulated(let start): return head.map { $0.recorded.adding(milliseconds: 1) } ?? start
        }
    }
}
