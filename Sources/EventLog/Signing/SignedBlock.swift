/// A `signed` block as stored in the envelope of a submission's last entry.
public struct SignedBlock: Sendable, Equatable {
    /// The seq of the submission's first entry.
    public let from: Int
    public let publicKey: [UInt8]
    /// The `at` text exactly as stored (it is part of the signed bytes).
    public let atText: String
    public let at: Timestamp
    public let signature: [UInt8]

    /// Finds a block ending right before `end` (where `,"prev":` starts); nil when the byte before is
    /// not `}` (no block: batchEnd's digits stand there). Throws `FrameError` for a malformed block.
    /// Returns the block and where it starts (`,"signed":`).
    static func parse(_ line: UnsafeRawBufferPointer, endingAt end: Int) throws -> (SignedBlock, start: Int)? {
        guard end > 0, line[end - 1] == UInt8(ascii: "}") else { return nil }
        let bad = FrameError("signed is not {\"from\":N,\"key\":\"<64 hex>\",\"at\":\"<time>\",\"sig\":\"<128 hex>\"}")
        let tailStart = end - SignatureFormat.tailBytes
        guard tailStart > 0 else { throw bad }
        var index = tailStart
        func take(_ key: [UInt8]) throws {
            guard matches(line, at: index, key) else { throw bad }
            index += key.count
        }
        func hex(_ count: Int) throws -> [UInt8] {
            let range = index..<(index + count)
            guard isLowerHex(line, range) else { throw bad }
            index += count
            return [UInt8](hex: String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self))!
        }
        try take(SignatureFormat.keyKey)
        let key = try hex(64)
        try take(SignatureFormat.atKey)
        let atRange = index..<(index + 24)
        guard let at = Timestamp(stored: UnsafeRawBufferPointer(rebasing: line[atRange])) else { throw bad }
        index += 24
        try take(SignatureFormat.sigKey)
        let signature = try hex(128)
        guard index + 2 == end, line[index] == UInt8(ascii: "\"") else { throw bad }
        var digitStart = tailStart
        while digitStart > 0, (0x30...0x39).contains(line[digitStart - 1]) { digitStart -= 1 }
        let blockStart = digitStart - SignatureFormat.fromKey.count
        guard blockStart > 0, matches(line, at: blockStart, SignatureFormat.fromKey),
            let (from, stop) = parseDecimal(line, from: digitStart), stop == tailStart
        else { throw bad }
        let block = SignedBlock(
            from: from, publicKey: key, atText: String(decoding: UnsafeRawBufferPointer(rebasing: line[atRange]), as: UTF8.self),
            at: at, signature: signature)
        return (block, blockStart)
    }
}
