/// A reproducible random sample: which `count` of `population` items an inspection draws with `seed`.
/// The same seed over the same population gives the same sample; the caller fixes the population's
/// order (by id), since a different order is a different population.
public enum SeededSample {
    /// The positions drawn, in the order drawn (a partial Fisher–Yates shuffle); all of them, in some
    /// order, when `count` is at least `population`.
    public static func positions(_ count: Int, of population: Int, seed: UInt64) -> [Int] {
        var random = SplitMix64(seed: seed)
        var pool = Array(0..<max(0, population))
        let drawn = min(max(0, count), pool.count)
        for index in 0..<drawn { pool.swapAt(index, index + random.next(below: pool.count - index)) }
        return Array(pool[..<drawn])
    }
}
