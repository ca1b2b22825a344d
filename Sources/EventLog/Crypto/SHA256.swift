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
        hash(bytes, resuming: Midstate(state: initialState, blocks: 0))
    }

    /// The state after the first `blocks` whole blocks of a message, so the rest can be hashed later:
    /// a log line's leading blocks do not depend on the chain and can be hashed ahead, in parallel.
    public struct Midstate: Sendable {
        let state: SHA256State
        public let blocks: Int

        /// Hashes the first `count` whole 64-byte blocks of `prefix`.
        public init(of prefix: UnsafeRawBufferPointer, blocks count: Int) {
            var state = SHA256.initialState
            if count > 0 { state.compress(blocks: prefix.baseAddress!, count: count) }
            self.init(state: state, blocks: count)
        }

        init(state: SHA256State, blocks: Int) {
            self.state = state
            self.blocks = blocks
        }
    }

    /// The digest of the whole message `bytes`, whose first `midstate.blocks` blocks are already hashed.
    public static func hash(_ bytes: UnsafeRawBufferPointer, resuming midstate: Midstate) -> SHA256Digest {
        var state = midstate.state
        let whole = bytes.count / 64
        if whole > midstate.blocks {
            state.compress(blocks: bytes.baseAddress! + midstate.blocks * 64, count: whole - midstate.blocks)
        }
        // The last partial block plus padding needs at most two blocks: keep them on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
            let restCount = bytes.count - whole * 64
            let blocks = restCount < 56 ? 1 : 2
            let raw = UnsafeMutableRawPointer(tail.baseAddress!)
            raw.initializeMemory(as: UInt8.self, repeating: 0, count: blocks * 64)
            if restCount > 0 { raw.copyMemory(from: bytes.baseAddress! + whole * 64, byteCount: restCount) }
            raw.storeBytes(of: 0x80, toByteOffset: restCount, as: UInt8.self)
            raw.storeBytes(of: (UInt64(bytes.count) &* 8).bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
            state.compress(blocks: UnsafeRawPointer(raw), count: blocks)
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

/// The eight working words of SHA-256 between blocks; `compress` is in SHA256+Compress.swift.
struct SHA256State: Sendable {
    var a, b, c, d, e, f, g, h: UInt32
}
