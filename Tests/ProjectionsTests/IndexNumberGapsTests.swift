import Projections
import Testing

/// The worksheet's check of a unit's index numbers: each year's serials from 00001 without a gap,
/// none twice, none of another unit or of another form.
@Suite struct IndexNumberGapsTests {
    static func check(_ numbers: [String]) -> IndexNumberGaps { IndexNumberGaps(unit: "jinjiang-jsj", numbers: numbers) }

    @Test func consecutiveSerialsHaveNoGap() {
        let check = Self.check(["jinjiang-jsj/2008-00002", "jinjiang-jsj/2008-00001", "jinjiang-jsj/2008-00003", "jinjiang-jsj/2009-00001"])
        #expect(check.isClean && check.missing == 0)
    }

    @Test func noNumbersIsClean() { #expect(Self.check([]).isClean) }

    @Test(arguments: [
        // (serials present in 2008, the gaps expected as (from, through))
        ([2], [(1, 1)]),
        ([1, 3], [(2, 2)]),
        ([1, 5], [(2, 4)]),
        ([3, 4, 7, 9], [(1, 2), (5, 6), (8, 8)]),
        ([99999], [(1, 99998)]),
    ])
    func missingSerialsAreGapsFromTheFirst(serials: [Int], expected: [(Int, Int)]) {
        let check = Self.check(serials.map { "jinjiang-jsj/2008-" + String(repeating: "0", count: 5 - String($0).count) + String($0) })
        #expect(check.gaps == expected.map { IndexNumberGaps.Gap(year: 2008, from: $0.0, through: $0.1) })
        #expect(check.missing == expected.map { $0.1 - $0.0 + 1 }.reduce(0, +))
    }

    @Test func eachYearCountsFromOne() {
        let check = Self.check(["jinjiang-jsj/2008-00001", "jinjiang-jsj/2008-00002", "jinjiang-jsj/2009-00002"])
        #expect(check.gaps == [IndexNumberGaps.Gap(year: 2009, from: 1, through: 1)])
        #expect(check.gaps.map { $0.text(unit: "jinjiang-jsj") } == ["jinjiang-jsj/2009-00001"])
        #expect(IndexNumberGaps.Gap(year: 2009, from: 4, through: 6).text(unit: "u") == "u/2009-00004 – 00006")
    }

    @Test func aNumberHeldTwiceIsADuplicate() {
        let check = Self.check(["jinjiang-jsj/2008-00001", "jinjiang-jsj/2008-00001", "jinjiang-jsj/2008-00002"])
        #expect(check.duplicates == ["jinjiang-jsj/2008-00001"] && check.gaps.isEmpty && !check.isClean)
    }

    @Test(arguments: ["wuhou-jsj/2008-00001", "jinjiang-jsj/08-00001", "jinjiang-jsj/2008-1", "jinjiang-jsj/2008-00000", "jinjiang-jsj-2008-00001", ""])
    func anotherUnitsOrAMalformedNumberIsForeign(number: String) {
        let check = Self.check(["jinjiang-jsj/2008-00001", number])
        #expect(check.foreign == [number] && check.gaps.isEmpty && !check.isClean)
    }
}
