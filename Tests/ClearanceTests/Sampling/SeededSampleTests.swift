import Clearance
import Testing

/// The generator the demo, the benchmarks and an inspection's sample draw from, and the sample itself.
@Suite struct SeededSampleTests {
    /// The published SplitMix64 sequence for seed 0: the demo's logs depend on it staying this one.
    @Test func theGeneratorIsSplitMix64() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test(arguments: [1, 2, 3, 7, 1000, Int.max])
    func aBoundedDrawStaysBelowItsBound(bound: Int) {
        var random = SplitMix64(seed: 42)
        for _ in 0..<200 { #expect((0..<bound).contains(random.next(below: bound))) }
    }

    @Test func theSameSeedDrawsTheSamePositionsAndAnotherSeedOthers() {
        let first = SeededSample.positions(10, of: 1000, seed: 1)
        #expect(first == SeededSample.positions(10, of: 1000, seed: 1))
        #expect(first != SeededSample.positions(10, of: 1000, seed: 2))
        #expect(Set(first).count == 10 && first.allSatisfy { (0..<1000).contains($0) })
    }

    @Test(arguments: [(0, 5), (5, 0), (5, 5), (8, 3), (3, 8), (-1, 4)])
    func aSampleIsNeverLargerThanItsPopulationNorRepeatsAnItem(count: Int, population: Int) {
        let drawn = SeededSample.positions(count, of: population, seed: 9)
        #expect(drawn.count == max(0, min(count, population)))
        #expect(Set(drawn).count == drawn.count && drawn.allSatisfy { (0..<population).contains($0) })
    }

    /// Every position can be drawn: over many seeds, each of a small population's items comes up.
    @Test func everyItemCanBeDrawn() {
        var seen: Set<Int> = []
        for seed in UInt64(0)..<200 { seen.formUnion(SeededSample.positions(2, of: 9, seed: seed)) }
        #expect(seen == Set(0..<9))
    }
}
