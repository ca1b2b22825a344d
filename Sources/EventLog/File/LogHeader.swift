/// What a log's first entry (`log.created`) declares about it: its format, its clock, its name and
/// how the actors of its entries are established (docs/log-format.md, "The first entry").
public struct LogHeader: Equatable, Sendable {
    /// How an entry's actor is established.
    public enum Actors: String, Sendable, CaseIterable {
        /// The actor is what the writer claims: simulated logs (the demo, benchmarks) and try-outs.
        case declared
        /// Every submission is signed by a key registered for its actor, and actors act through
        /// identities the general office has bound to them.
        case bound
    }

    public let format: Int
    public let clock: LogClock
    /// 32 lowercase hex digits chosen at creation; every signature covers it. Empty in a version 1 log.
    public let name: String
    public let actors: Actors

    init(format: Int, clock: LogClock, name: String, actors: Actors) {
        (self.format, self.clock, self.name, self.actors) = (format, clock, name, actors)
    }

    /// A fresh name: 16 bytes from the system's cryptographic generator (`getrandom` on Linux).
    static func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }.map(hexByte).joined()
    }

    /// Reads the header from the first entry; throws `.corrupt` naming seq 1 when it is not one.
    init(entry: LogEntry) throws {
        guard entry.seq == 1, entry.type == EntryFormat.headerType, let data = try? entry.data() else {
            throw EventLogError.corrupt(seq: 1, offset: 0, reason: "the first entry is not a \(EntryFormat.headerType) header")
        }
        func bad(_ why: String) -> EventLogError { .corrupt(seq: 1, offset: 0, reason: "the header \(why)") }
        guard let format = data["format"]?.intValue, (1...EntryFormat.version).contains(format) else {
            throw bad("names no format this program reads (1 to \(EntryFormat.version))")
        }
        switch data["clock"]?.stringValue {
        case "system": clock = .system
        case "simulated": clock = .simulated(start: entry.recorded)
        default: throw bad("names no known clock (system or simulated)")
        }
        self.format = format
        if format == 1 {
            (name, actors) = ("", .declared)
            return
        }
        guard let name = data["log"]?.stringValue, name.utf8.count == 32, name.utf8.allSatisfy(isLowerHexDigit) else {
            throw bad("has no log name (\"log\": 32 lowercase hex digits)")
        }
        guard let actors = data["actors"]?.stringValue.flatMap(Actors.init(rawValue:)) else {
            throw bad("does not say how actors are established (\"actors\": declared or bound)")
        }
        (self.name, self.actors) = (name, actors)
    }
}

func hexByte(_ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
}

func isLowerHexDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x61...0x66).contains(b) }
