import EventLog

/// What the general office has done to supervise the work, in the order recorded: the progress
/// notices it issued.
public struct Supervision: Sendable, Equatable {
    public internal(set) var notices: [NoticeIssued] = []

    public init() {}

    /// The next notice's number in `year`: notices are numbered from 1 each year (第N期).
    public func nextNoticeNumber(in year: Int) -> Int {
        (notices.filter { $0.at.year == year }.map(\.number).max() ?? 0) + 1
    }

    var json: JSONValue {
        .object([("notices", .array(notices.map(\.data)))])
    }

    init(json: JSONValue) throws {
        notices = try (json["notices"]?.arrayValue ?? []).map { try NoticeIssued(data: $0) }
    }
}
