import Testing

@testable import Clearance

@Suite struct RecentCacheTests {
    @Test func itAnswersWhatItKeptAndForgetsEverythingAtTheLimit() {
        var cache = RecentCache<String, Int>(limit: 3)
        for (i, key) in ["a", "b", "c"].enumerated() { cache.keep(i, for: key) }
        #expect(cache["a"] == 0 && cache["c"] == 2 && cache.count == 3)
        cache.keep(20, for: "c")  // a key it holds is replaced, nothing forgotten
        #expect(cache["c"] == 20 && cache["a"] == 0)
        cache.keep(3, for: "d")
        #expect(cache.count == 1 && cache["d"] == 3 && cache["a"] == nil)
    }

    @Test func aLongPassNeverHoldsMoreThanTheLimit() {
        var cache = RecentCache<Int, Int>(limit: 100)
        var largest = 0
        for key in 0..<10_000 {
            cache.keep(key, for: key)
            largest = max(largest, cache.count)
            #expect(cache[key] == key)
        }
        #expect(largest == 100)
    }
}
