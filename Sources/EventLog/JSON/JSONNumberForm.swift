/// The one form of number a log holds: numbers that JSON readers in every language read as the same value.
///
/// RFC 8259 leaves range and precision to each reader, and readers use that freedom: a 5,000-digit
/// integer is exact to Python, refused by Python past 4,300 digits and rounded by JavaScript; `1e400`
/// is infinity to one reader and an error to another; `-0` is an integer 0 to Python and a negative
/// zero to JavaScript. So (docs/log-format.md, validity rule 5):
/// - an integer is `-?(0|[1-9][0-9]*)` of magnitude at most 2^53 − 1, exact as a double, an `Int`
///   and a Python `int`;
/// - a number with a fraction is `-?(0|[1-9][0-9]*)\.[0-9]+` with at most 15 digits, not counting
///   the `0` before the point of a number below 1: every decimal of 15 significant digits comes back
///   from the nearest double unchanged (DBL_DIG), and the value stays between 1e-15 and 1e14;
/// - no exponent, and no negative zero.
public enum JSONNumberForm {
    public static let largestInteger = 9_007_199_254_740_991
    public static let maximumFractionDigits = 15

    /// Why `literal` is not a number of this form, or nil when it is. Shown to the user: it quotes
    /// at most the literal's first 24 bytes.
    public static func problem<Bytes: Collection<UInt8>>(_ literal: Bytes) -> String? {
        var i = literal.startIndex
        let negative = i != literal.endIndex && literal[i] == UInt8(ascii: "-")
        if negative { i = literal.index(after: i) }
        let integerStart = i
        var value = 0  // the integer part, while it has at most 16 digits
        var integerDigits = 0
        while i != literal.endIndex, case let digit = literal[i] &- 0x30, digit < 10 {
            if integerDigits < 16 { value = value * 10 + Int(digit) }
            integerDigits += 1
            i = literal.index(after: i)
        }
        guard integerDigits > 0, integerDigits == 1 || literal[integerStart] != UInt8(ascii: "0") else {
            return "\(quoted(literal)) is not a JSON number"
        }
        var fractionDigits = 0
        var fractionIsZero = true
        if i != literal.endIndex, literal[i] == UInt8(ascii: ".") {
            i = literal.index(after: i)
            while i != literal.endIndex, case let digit = literal[i] &- 0x30, digit < 10 {
                fractionDigits += 1
                if digit != 0 { fractionIsZero = false }
                i = literal.index(after: i)
            }
            guard fractionDigits > 0 else { return "\(quoted(literal)) is not a JSON number" }
        }
        if i != literal.endIndex {
            let byte = literal[i]
            return byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                ? "number \(quoted(literal)) has an exponent: write its digits out"
                : "\(quoted(literal)) is not a JSON number"
        }
        if negative && value == 0 && integerDigits == 1 && fractionIsZero {
            return "number \(quoted(literal)) is a negative zero, which readers tell from 0 differently: write 0"
        }
        if fractionDigits == 0 {
            guard integerDigits <= 16, value <= largestInteger else {
                return "integer \(quoted(literal)) is beyond ±\(largestInteger) (2^53 − 1), the largest every reader holds exactly"
            }
            return nil
        }
        let digits = (value == 0 && integerDigits == 1 ? 0 : integerDigits) + fractionDigits
        guard digits <= maximumFractionDigits else {
            return "number \(quoted(literal)) has more than \(maximumFractionDigits) digits, more than a double holds exactly"
        }
        return nil
    }

    private static func quoted<Bytes: Collection<UInt8>>(_ literal: Bytes) -> String {
        let shown = String(decoding: literal.prefix(24), as: UTF8.self)
        return literal.count > 24 ? shown + "… (\(literal.count) bytes)" : shown
    }
}
