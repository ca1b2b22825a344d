/// A SHA-256 digest, written in the log as 64 lowercase hex digits.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    private let words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    init(_ s: SHA256State) { words = (s.a, s.b, s.c, s.d, s.e, s.f, s.g, s.h) }

    public static func == (l: SHA256Digest, r: SHA256Digest) -> Bool {
        l.words.0 == r.words.0 && l.words.1 == r.words.1 && l.words.2 == r.words.2 && l.words.3 == r.words.3
            && l.words.4 == r.words.4 && l.words.5 == r.words.5 && l.words.6 == r.words.6
            && l.words.7 == r.words.7
    }

    public func hash(into hasher: inout Hasher) {
        withWords { for w in $0 { hasher.combine(w) } }
    }

    /// The 32 digest bytes, most significant first.
    public var bytes: [UInt8] {
        withWords { words in words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (24 - 8 * $0)) } } }
    }

    /// Writes the 64 lowercase hex digits to `out`, which must have room for them.
    @inline(__always)
    public func writeHex(to out: UnsafeMutablePointer<UInt8>) {
        withWords { words in
            var p = out
            for w in words {
                var shift: UInt32 = 28
                for _ in 0..<8 {
                    let nibble = UInt8(truncatingIfNeeded: (w >> shift) & 0xF)
                    p.pointee = nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble
                    p += 1
                    shift &-= 4
                }
            }
        }
    }

    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            writeHex(to: buffer.baseAddress!)
            return 64
        }
    }

    public var description: String { hex }

    /// The eight words without copying them into an array (a homogeneous tuple is laid out contiguously).
    @inline(__always)
    private func withWords<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        withUnsafeBytes(of: words) { body($0.assumingMemoryBound(to: UInt32.self)) }
    }
}
