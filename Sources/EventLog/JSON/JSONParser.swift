/// A strict JSON parser (RFC 8259) over UTF-8 bytes, with bounded nesting, that accepts only JSON
/// every reader reads alike (docs/log-format.md, validity rule 5): no key twice in one object
/// (`ObjectKeys`), numbers only in `JSONNumberForm`, strings of well-formed UTF-8 without a lone
/// surrogate.
///
/// Errors name the byte offset and what was expected; nothing is partially returned.
public struct JSONParser {
    public static let maximumDepth = 64

    /// Buffers a parser needs, kept by a caller that checks many values (`verify`) so that checking
    /// allocates nothing once they have grown.
    public struct Scratch {
        var keys = ObjectKeys()
        var decoded: [UInt8] = []
        public init() {}
    }

    private let bytes: UnsafeRawBufferPointer
    /// False when only validating: every rule is checked, but no value is built.
    private let building: Bool
    private var index = 0
    private var depth = 0
    private var keys = ObjectKeys()
    /// A string with escapes, decoded.
    private var decoded: [UInt8] = []

    private init(_ bytes: UnsafeRawBufferPointer, building: Bool) {
        self.bytes = bytes
        self.building = building
    }

    /// Parses exactly one JSON value, allowing whitespace around it.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var parser = JSONParser(bytes, building: true)
        return try parser.parseWhole()
    }

    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { (buffer) throws -> JSONValue in
            try parse(UnsafeRawBufferPointer(buffer))
        }
    }

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { (buffer) throws -> JSONValue in try parse(buffer) }
    }

    /// Checks that `bytes` are what `parse` accepts, without building the value: `verify` runs it on
    /// every entry's data. Throws the `JSONError` that `parse` would throw.
    public static func validate(_ bytes: UnsafeRawBufferPointer, reusing scratch: inout Scratch) throws {
        var parser = JSONParser(bytes, building: false)
        scratch.keys.removeAll()
        swap(&parser.keys, &scratch.keys)
        swap(&parser.decoded, &scratch.decoded)
        defer {
            swap(&parser.keys, &scratch.keys)
            swap(&parser.decoded, &scratch.decoded)
        }
        _ = try parser.parseWhole()
    }

    public static func validate(_ bytes: UnsafeRawBufferPointer) throws {
        var scratch = Scratch()
        try validate(bytes, reusing: &scratch)
    }

    private mutating func parseWhole() throws -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index != bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    private func error(_ message: String) -> JSONError { JSONError(offset: index, message: message) }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private mutating func expect(_ literal: String) throws {
        for byte in literal.utf8 {
            guard current == byte else { throw error("expected '\(literal)'") }
            index += 1
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard let b = current else { throw error("unexpected end of input, expected a value") }
        switch b {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let raw = try scanString()
            return building ? .string(text(raw)) : .null
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(Character(Unicode.Scalar(b)))', expected a value")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        keys.open()
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyStart = index
            let raw = try scanString()
            let fresh: Bool
            if let raw { fresh = keys.insert(UnsafeRawBufferPointer(rebasing: bytes[raw])) } else { fresh = decoded.withUnsafeBytes { keys.insert($0) } }
            guard fresh else {
                throw JSONError(offset: keyStart, message: "duplicate key \(ObjectKeys.shown(text(raw))): an object holds each key once")
            }
            let key = building ? text(raw) : ""
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after key \(ObjectKeys.shown(text(raw)))") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            if building { members.append((key, value)) }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                keys.close()
                return .object(members)
            default: throw error("expected ',' or '}' in object")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            let item = try parseValue()
            if building { items.append(item) }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(items)
            default: throw error("expected ',' or ']' in array")
            }
        }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error("expected a digit") }
        index += 1
        if first != UInt8(ascii: "0") { while let b = current, isDigit(b) { index += 1 } }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let b = current, isDigit(b) else { throw error("expected a digit after '.'") }
            while let b = current, isDigit(b) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let b = current, isDigit(b) else { throw error("expected a digit in the exponent") }
            while let b = current, isDigit(b) { index += 1 }
        }
        // RFC 8259's grammar is read whole first, so that its errors stay precise; then the log's form.
        let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if let problem = JSONNumberForm.problem(literal) { throw JSONError(offset: start, message: problem) }
        return building ? .number(String(decoding: literal, as: UTF8.self)) : .null
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Reads and checks the string whose opening quote is at `index`: no raw control character, valid
    /// escapes, no lone surrogate, well-formed UTF-8. Returns the range of its bytes between the quotes
    /// when it holds no escape; otherwise nil, and its decoded bytes are in `decoded`.
    private mutating func scanString() throws -> Range<Int>? {
        index += 1
        let start = index
        // Fast path: no escapes, 8 bytes at a time while none is a quote, a backslash or a control
        // character (a false alarm only hands over to the byte loop). Only text with a byte above
        // 0x7F needs the UTF-8 check.
        var seen: UInt64 = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let stop = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
            if stop != 0 { break }
            seen |= word
            index += 8
        }
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            seen |= UInt64(b)
            index += 1
        }
        if current == UInt8(ascii: "\"") {
            let range = start..<index
            index += 1
            guard seen & highs == 0 || UTF8Text.isValid(UnsafeRawBufferPointer(rebasing: bytes[range])) else {
                throw JSONError(offset: start, message: "string is not valid UTF-8")
            }
            return range
        }
        decoded.removeAll(keepingCapacity: true)
        decoded.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while true {
            guard let b = current else { throw error("unterminated string") }
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                guard decoded.withUnsafeBytes({ UTF8Text.isValid($0) }) else {
                    throw JSONError(offset: start, message: "string is not valid UTF-8")
                }
                return nil
            case UInt8(ascii: "\\"):
                index += 1
                decoded.append(contentsOf: UTF8.encode(try parseEscape())!)
            case 0..<0x20:
                throw error("control character in string (write it as an escape)")
            default:
                decoded.append(b)
                index += 1
            }
        }
    }

    /// The bytes of a string `scanString` read, as a `String` (already checked: nothing is repaired).
    private func text(_ raw: Range<Int>?) -> String {
        guard let raw else { return String(decoding: decoded, as: UTF8.self) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[raw]), as: UTF8.self)
    }

    /// Reads the escape after a backslash: the character it stands for.
    private mutating func parseEscape() throws -> Unicode.Scalar {
        guard let b = current else { throw error("unterminated escape") }
        index += 1
        switch b {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard current == UInt8(ascii: "\\") else { throw error("lone high surrogate in \\u escape") }
                index += 1
                guard current == UInt8(ascii: "u") else { throw error("lone high surrogate in \\u escape") }
                index += 1
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("lone low surrogate in \\u escape")
            }
            guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
            return u
        default: throw error("invalid escape '\\\(Character(Unicode.Scalar(b)))'")
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = current else { throw error("unterminated \\u escape") }
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("expected 4 hex digits after \\u")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}

/// Input that is not valid JSON, with the byte offset where parsing stopped.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { "\(message) (at byte \(offset))" }
}
