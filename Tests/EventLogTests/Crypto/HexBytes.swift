import EventLog

/// The bytes that a string of hex digits spells; traps on anything else (test literals only).
func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    precondition(digits.count % 2 == 0, "odd number of hex digits in \(hex.prefix(40))")
    func value(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: preconditionFailure("not a hex digit: \(c) in \(hex.prefix(40))")
        }
    }
    return stride(from: 0, to: digits.count, by: 2).map { value(digits[$0]) << 4 | value(digits[$0 + 1]) }
}

/// Lowercase hex of bytes.
func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// `count` bytes (at most 64) that look random but are the same on every run, so a failing case can
/// be reproduced from its label: the SHA-512 of the label.
func deterministicBytes(_ label: String, count: Int = 32) -> [UInt8] {
    precondition(count <= 64, "one SHA-512 digest gives at most 64 bytes")
    return Array(SHA512.hash(Array(label.utf8)).bytes.prefix(count))
}
