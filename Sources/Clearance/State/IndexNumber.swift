/// A catalogue index number, `<unit id>/<year>-<5-digit serial>` (the national form uses a 9-character
/// organisation code where we use the unit id, which the seed's units all have). Issued in order per
/// unit and year of publication, never reused, never changed: a withdrawn record keeps its number.
public struct IndexNumber: Equatable, Sendable, CustomStringConvertible {
    public let unit: String
    public let year: Int
    public let serial: Int

    public init(unit: String, year: Int, serial: Int) { (self.unit, self.year, self.serial) = (unit, year, serial) }

    /// Parses the written form; nil for anything else.
    public init?(_ text: String) {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let rest = text[text.index(after: slash)...].split(separator: "-")
        guard rest.count == 2, rest[0].count == 4, rest[1].count == 5, let year = Int(rest[0]), let serial = Int(rest[1]), serial > 0
        else { return nil }
        self.init(unit: String(text[..<slash]), year: year, serial: serial)
    }

    /// The counter a serial belongs to.
    public var scope: String { "\(unit)/\(year)" }

    public var description: String {
        let digits = String(serial)
        return "\(unit)/\(year)-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// The next number for `unit` in `year`, given the state's counters.
    public static func next(for unit: String, year: Int, in state: ClearanceState) -> IndexNumber {
        IndexNumber(unit: unit, year: year, serial: (state.lastSerial["\(unit)/\(year)"] ?? 0) + 1)
    }
}
