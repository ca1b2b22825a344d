/// An unsigned 128-bit number as two words: enough for the sums of 64 × 64-bit products that field
/// and scalar arithmetic accumulate, and the shifts that carry them. Swift's `UInt128` would do, but
/// needs macOS 15 and the package names no platforms.
struct DoubleWidth {
    var high: UInt64
    var low: UInt64

    @inline(__always)
    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The full product a · b.
    @inline(__always)
    init(_ a: UInt64, times b: UInt64) {
        (high, low) = a.multipliedFullWidth(by: b)
    }

    @inline(__always)
    static func + (l: DoubleWidth, r: DoubleWidth) -> DoubleWidth {
        let (low, carry) = l.low.addingReportingOverflow(r.low)
        return DoubleWidth(high: l.high &+ r.high &+ (carry ? 1 : 0), low: low)
    }

    @inline(__always)
    static func + (l: DoubleWidth, r: UInt64) -> DoubleWidth {
        let (low, carry) = l.low.addingReportingOverflow(r)
        return DoubleWidth(high: l.high &+ (carry ? 1 : 0), low: low)
    }

    /// The number shifted right by `n` bits (0 < n < 64), truncated to 64 bits: callers keep their
    /// sums small enough that nothing is lost.
    @inline(__always)
    func shiftedDown(_ n: UInt64) -> UInt64 { (low >> n) | (high << (64 &- n)) }
}
