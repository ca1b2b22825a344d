/// The parts of the state a command reads, besides the reference data, the norms and the records,
/// which every load has (folding the log reads the first two; records are read from the snapshot
/// only when asked for).
///
/// A query names what it reads, so loading a city's state decodes only that from the snapshot: its
/// requests and feedback alone are megabytes a catalogue never looks at. The parts not named are
/// left empty, never half-filled, so a mistake shows up as missing data rather than stale data.
public struct StateParts: OptionSet, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let roles = StateParts(rawValue: 1 << 0)
    public static let profiles = StateParts(rawValue: 1 << 1)
    public static let lastSerial = StateParts(rawValue: 1 << 2)
    public static let milestones = StateParts(rawValue: 1 << 3)
    public static let requests = StateParts(rawValue: 1 << 4)
    public static let feedback = StateParts(rawValue: 1 << 5)
    public static let serviceGuides = StateParts(rawValue: 1 << 6)
    public static let supervision = StateParts(rawValue: 1 << 7)

    /// Everything: what the rules need before an append, and what a snapshot is written from.
    public static let all: StateParts = [.roles, .profiles, .lastSerial, .milestones, .requests, .feedback, .serviceGuides, .supervision]
}
