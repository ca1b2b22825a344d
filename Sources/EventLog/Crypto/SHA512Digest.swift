/// A SHA-512 digest: 64 bytes, shown as 128 lowercase hex digits.
public struct SHA512Digest: Hashable, Sendable, CustomStringConvertible {
    private let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    init(_ s: SHA512State) { words = (s.a, s.b, s.c, s.d, s.e, s.f, s.g, s.h) }

    public static func == (l: SHA512Digest, r: SHA512Digest) -> Bool {
        l.words.0 == r.words.0 && l.words.1 == r.words.1 && l.words.2 == r.words.2 && l.words.3 == r.words.3
            && l.words.4 == r.words.4 && l.words.5 == r.words.5 && l.words.6 == r.words.6
            && l.words.7 == r.words.7
    }

    public func hash(into hasher: inout Hasher) {
        withWords { for w in $0 { hasher.combine(w) } }
    }

    /// The 64 digest bytes, most significant first.
    public var bytes: [UInt8] {
        withWords { words in
            [UInt8](unsafeUninitializedCapacity: 64) { buffer, count in
                let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
                for (i, w) in words.enumerated() {
                    raw.storeBytes(of: w.bigEndian, toByteOffset: i * 8, as: UInt64.self)
                }
                count = 64
            }
        }
    }

    public var hex: String {
        String(unsafeUninitializedCapacity: 128) { buffer in
            withWords { words in
                var p = buffer.baseAddress!
                for w in words {
                    var shift: UInt64 = 60
                    for _ in 0..<16 {
                        let nibble = UInt8(truncatingIfNeeded: (w >> shift) & 0xF)
                        p.pointee = nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble
                        p += 1
                        shift &-= 4
                    }
                }
            }
            return 128
        }
    }

    public var description: String { hex }

    /// The eight words without copying them into an array (a homogeneous tuple is laid out contiguously).
    @inline(__always)
    private func withWords<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        withUnsafeBytes(of: words) { body($0.assumingMemoryBound(to: UInt64.self)) }
    }
}
