/// A small, fast, deterministic generator (Steele, Lea and Flood's SplitMix64): the demo's scenarios,
/// the benchmarks' events and an inspection's sample all draw from it, so that the same seed gives the
/// same log, the same events and the same sample on every machine.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 up to `bound` (exclusive), every one equally likely: draws that would favour
    /// the low numbers (the last, partial run of `bound` below 2^64) are drawn again.
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "a bound of at least 1")
        let b = UInt64(bound)
        let partial = (0 &- b) % b  // 2^64 mod b
        while true {
            let x = next()
            if x >= partial { return Int(x % b) }
        }
    }
}
