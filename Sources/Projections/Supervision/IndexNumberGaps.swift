import Clearance

/// What an inspector checks of a unit's index numbers: each year's serials run from 00001 without a
/// gap (numbers are issued in order and never reused, so a missing serial is a number issued to no
/// record the log knows), no number twice, none of another unit, none that is not an index number.
public struct IndexNumberGaps: Sendable, Equatable {
    /// Serials `from` through `through` of `year` that no record holds.
    public struct Gap: Sendable, Equatable, CustomStringConvertible {
        public let year: Int
        public let from: Int
        public let through: Int

        public init(year: Int, from: Int, through: Int) { (self.year, self.from, self.through) = (year, from, through) }

        public var count: Int { through - from + 1 }

        /// `jinjiang-jsj/2008-00004` or `jinjiang-jsj/2008-00004 – 00006`, given the unit.
        public func text(unit: String) -> String {
            let first = IndexNumber(unit: unit, year: year, serial: from).description
            guard through > from else { return first }
            let last = IndexNumber(unit: unit, year: year, serial: through).description
            return "\(first) – \(last.suffix(5))"
        }

        public var description: String { "\(year): \(from)–\(through)" }
    }

    public let unit: String
    /// By year, then serial.
    public let gaps: [Gap]
    /// Numbers held by more than one record, sorted.
    public let duplicates: [String]
    /// Numbers that are not `unit/YYYY-NNNNN` of this unit, sorted.
    public let foreign: [String]

    /// Checks the numbers the records of `unit` hold (published or withdrawn: a withdrawn record keeps its number).
    public init(unit: String, numbers: some Sequence<String>) {
        self.unit = unit
        var serials: [Int: Set<Int>] = [:]
        var seen: Set<String> = []
        var duplicates: Set<String> = []
        var foreign: Set<String> = []
        for text in numbers {
            if !seen.insert(text).inserted { duplicates.insert(text) }
            guard let number = IndexNumber(text), number.unit == unit, number.description == text else {
                foreign.insert(text)
                continue
            }
            serials[number.year, default: []].insert(number.serial)
        }
        var gaps: [Gap] = []
        for year in serials.keys.sorted() {
            var expected = 1
            for serial in serials[year]!.sorted() {
                if serial > expected { gaps.append(Gap(year: year, from: expected, through: serial - 1)) }
                expected = serial + 1
            }
        }
        (self.gaps, self.duplicates, self.foreign) = (gaps, duplicates.sorted(), foreign.sorted())
    }

    /// Whether every number is in order: no gap, no duplicate, nothing foreign.
    public var isClean: Bool { gaps.isEmpty && duplicates.isEmpty && foreign.isEmpty }

    /// Serials missing in all.
    public var missing: Int { gaps.map(\.count).reduce(0, +) }
}
