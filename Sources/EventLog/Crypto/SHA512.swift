/// SHA-512 as FIPS 180-4 defines it, in pure Swift: Ed25519 (RFC 8032) hashes with it.
///
/// Use `SHA512.hash(_:)` for a whole message in memory or `update(_:)` then `finalize()` to hash a
/// stream in pieces. The same shape as `SHA256`, with 128-byte blocks and a 128-bit length.
public struct SHA512: Sendable {
    private var state = SHA512.initialState
    private var pending = [UInt8]()
    private var messageLength: UInt64 = 0

    public init() {}

    /// Adds bytes to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        messageLength &+= UInt64(bytes.count)
        var rest = bytes[...]
        if !pending.isEmpty {
            let take = min(128 - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            if pending.count < 128 { return }
            pending.withUnsafeBytes { state.compress(blocks: $0.baseAddress!, count: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count / 128
        if whole > 0 {
            state.compress(blocks: bytes.baseAddress! + rest.startIndex, count: whole)
            rest = rest.dropFirst(whole * 128)
        }
        pending.append(contentsOf: rest)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// Pads the message and returns its digest; the hasher is spent afterwards.
    public mutating func finalize() -> SHA512Digest {
        var tail = pending
        Self.pad(&tail, messageLength: messageLength)
        tail.withUnsafeBytes { state.compress(blocks: $0.baseAddress!, count: $0.count / 128) }
        return SHA512Digest(state)
    }

    /// The digest of a whole message held in memory.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA512Digest {
        var state = initialState
        let whole = bytes.count / 128
        if whole > 0 { state.compress(blocks: bytes.baseAddress!, count: whole) }
        // The last partial block plus padding needs at most two blocks: keep them on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { tail in
            let restCount = bytes.count - whole * 128
            let blocks = restCount < 112 ? 1 : 2
            let raw = UnsafeMutableRawPointer(tail.baseAddress!)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: blocks * 128)
            if restCount > 0 { raw.copyMemory(from: bytes.baseAddress! + whole * 128, byteCount: restCount) }
            raw.storeBytes(of: 0x80, toByteOffset: restCount, as: UInt8.self)
            let (high, low) = lengthInBits(UInt64(bytes.count))
            raw.storeBytes(of: high.bigEndian, toByteOffset: blocks * 128 - 16, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: blocks * 128 - 8, as: UInt64.self)
            state.compress(blocks: UnsafeRawPointer(raw), count: blocks)
            return SHA512Digest(state)
        }
    }

    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA512Digest where Bytes.Element == UInt8 {
        Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// The message length in bits as the 128-bit number the padding ends with.
    private static func lengthInBits(_ byteCount: UInt64) -> (high: UInt64, low: UInt64) {
        (byteCount >> 61, byteCount &<< 3)
    }

    private static func pad(_ tail: inout [UInt8], messageLength: UInt64) {
        tail.append(0x80)
        while tail.count % 128 != 112 { tail.append(0) }
        let (high, low) = lengthInBits(messageLength)
        for word in [high, low] {
            for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(i)))) }
        }
    }

    static let initialState = SHA512State(
        a: 0x6a09_e667_f3bc_c908, b: 0xbb67_ae85_84ca_a73b, c: 0x3c6e_f372_fe94_f82b, d: 0xa54f_f53a_5f1d_36f1,
        e: 0x510e_527f_ade6_82d1, f: 0x9b05_688c_2b3e_6c1f, g: 0x1f83_d9ab_fb41_bd6b, h: 0x5be0_cd19_137e_2179)
}

/// The eight working words of SHA-512 between blocks; `compress` is in SHA512+Compress.swift.
struct SHA512State: Sendable {
    var a, b, c, d, e, f, g, h: UInt64
}
