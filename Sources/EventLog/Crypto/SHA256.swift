/// SHA-256 as FIPS 180-4 defines it, in pure Swift: Foundation on Linux has no hash functions.
///
/// Use `SHA256.hash(_:)` for a whole message in memory (the log's hot path) or
/// `update(_:)` then `finalize()` to hash a stream in pieces.
public struct SHA256: Sendable {
    private var state = SHA256.initialState
    private var pending = [UInt8]()
    private var messageLength: UInt64 = 0

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        messageLength &+= UInt64(bytes.count)
        var rest = bytes[...]
        if !pending.isEmpty {
            let take = min(64 - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            if pending.count < 64 { return }
            pending.withUnsafeBytes { state.compress(blocks: $0.baseAddress!, count: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count / 64
        if whole > 0 {
            state.compress(blocks: bytes.baseAddress! + rest.startIndex, count: whole)
            rest = rest.dropFirst(whole * 64)
        }
        pending.append(contentsOf: rest)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Pads the message and returns its digest; the hasher is spent afterwards.
    public mutating func finalize() -> SHA256Digest {
        var tail = pending
        Self.pad(&tail, messageLength: messageLength)
        tail.withUnsafeBytes { state.compress(blocks: $0.baseAddress!, count: $0.count / 64) }
        return SHA256Digest(state)
    }

    /// The digest of a whole message held in memory.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var state = initialState
        let whole = bytes.count / 64
        if whole > 0 { state.compress(blocks: bytes.baseAddress!, count: whole) }
        // The last partial block plus padding needs at most two blocks: keep them on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            let restCount = bytes.count - whole * 64
            if restCount > 0 {
                UnsafeMutableRawBufferPointer(tail).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[(whole * 64)...]))
            }
            let blocks = restCount < 56 ? 1 : 2
            let end = blocks * 64
            tail[restCount] = 0x80
            for i in (restCount + 1)..<(end - 8) { tail[i] = 0 }
            let bits = UInt64(bytes.count) &* 8
            for i in 0..<8 { tail[end - 1 - i] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i))) }
            state.compress(blocks: UnsafeRawPointer(tail.baseAddress!), count: blocks)
            return SHA256Digest(state)
        }
    }

    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        Array(bytes).withUnsafeBytes { hash($0) }
    }

    private static func pad(_ tail: inout [UInt8], messageLength: UInt64) {
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bits = messageLength &* 8
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
    }

    static let initialState = SHA256State(
        a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
        e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)
}

/// The eight working words of SHA-256 between blocks.
struct SHA256State: Sendable {
    var a, b, c, d, e, f, g, h: UInt32

    /// Runs the compression function over `count` consecutive 64-byte blocks.
    @inline(__always)
    mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            let w = w.baseAddress!
            for block in 0..<count {
                let base = blocks + block * 64
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let x = w[i &- 15]
                    let y = w[i &- 2]
                    let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                    let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                    w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
                }
                var a = self.a, b = self.b, c = self.c, d = self.d
                var e = self.e, f = self.f, g = self.g, h = self.h
                // Eight rounds a turn, with the roles of the words rotated instead of moved.
                var i = 0
                while i < 64 {
                    round(a, b, c, &d, e, f, g, &h, sha256K[i] &+ w[i])
                    round(h, a, b, &c, d, e, f, &g, sha256K[i &+ 1] &+ w[i &+ 1])
                    round(g, h, a, &b, c, d, e, &f, sha256K[i &+ 2] &+ w[i &+ 2])
                    round(f, g, h, &a, b, c, d, &e, sha256K[i &+ 3] &+ w[i &+ 3])
                    round(e, f, g, &h, a, b, c, &d, sha256K[i &+ 4] &+ w[i &+ 4])
                    round(d, e, f, &g, h, a, b, &c, sha256K[i &+ 5] &+ w[i &+ 5])
                    round(c, d, e, &f, g, h, a, &b, sha256K[i &+ 6] &+ w[i &+ 6])
                    round(b, c, d, &e, f, g, h, &a, sha256K[i &+ 7] &+ w[i &+ 7])
                    i &+= 8
                }
                self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
                self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
            }
        }
    }
}

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }

/// One round: updates d and h in place, the other six words only move roles.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
) {
    let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
    let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
    d &+= t1
    h = t1 &+ t2
}

private let sha256K: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]
