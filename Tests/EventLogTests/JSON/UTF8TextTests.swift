import Testing

@testable import EventLog

/// `verify` checks text with `UTF8Text.isValid`, readers build it with `string(validating:)`: one
/// answer for every byte sequence.
@Suite struct UTF8TextTests {
    @Test(arguments: [
        ([0x41], true), ([0xC3, 0xA9], true), ([0xE4, 0xB8, 0xAD], true), ([0xF0, 0x9F, 0x98, 0x80], true),
        ([0xF4, 0x8F, 0xBF, 0xBF], true), ([0xEF, 0xBF, 0xBF], true),
        ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xE0, 0x9F, 0xBF], false), ([0xED, 0xA0, 0x80], false),
        ([0xF0, 0x8F, 0xBF, 0xBF], false), ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false),
        ([0xE4, 0xB8], false), ([0x80], false), ([0xFF], false), ([0x41, 0xE4, 0xB8, 0x41], false),
    ] as [([UInt8], Bool)])
    func wellFormedUTF8(bytes: [UInt8], valid: Bool) {
        for padded in [bytes, Array("12345678".utf8) + bytes, bytes + Array("abcdefgh".utf8)] {
            let answer = padded.withUnsafeBytes { UTF8Text.isValid($0) }
            #expect(answer == valid, "\(padded)")
            #expect(padded.withUnsafeBytes { UTF8Text.string(validating: $0) != nil } == answer, "\(padded)")
        }
    }

    @Test func agreesWithTheReaderOnRandomBytes() {
        var state: UInt64 = 42
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE4, 0xB8, 0xAD, 0xED, 0x9F, 0xA0, 0xF0, 0x90, 0xF4, 0x8F, 0xF5]
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var s = state
            let bytes = (0..<Int(state >> 61) + 1).map { _ -> UInt8 in
                defer { s >>= 5 }
                return alphabet[Int(s & 31) % alphabet.count]
            }
            let checked = bytes.withUnsafeBytes { UTF8Text.isValid($0) }
            let read = bytes.withUnsafeBytes { UTF8Text.string(validating: $0) != nil }
            #expect(checked == read, "\(bytes)")
        }
    }
}
