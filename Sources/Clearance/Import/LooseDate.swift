/// Reads a date the three ways records offices write one: `2007-12-20`, `2007/12/20` and
/// `2007年12月20日`, month and day with one or two digits (`2007/1/5`, `2008年1月5日`).
public enum LooseDate {
    /// The accepted forms, for messages.
    public static let acceptedForms = "2007-12-20, 2007/12/20 or 2007年12月20日"

    /// The day `text` names, ignoring surrounding whitespace; nil if it is in none of the accepted
    /// forms (mixed separators, a time of day, two-digit years, full-width digits) or is no real
    /// day (`2007-02-30`).
    public static func day(from text: String) -> Day? {
        let scalars = Array(text.trimmingWhitespace().unicodeScalars)
        var position = 0
        func number(digits: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while position < scalars.count, count < digits.upperBound,
                let digit = Int(exactly: scalars[position].value), (48...57).contains(digit)
            {
                value = value * 10 + digit - 48
                count += 1
                position += 1
            }
            return digits.contains(count) ? value : nil
        }
        func expect(_ scalar: Unicode.Scalar) -> Bool {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
            return true
        }
        guard let year = number(digits: 4...4), position < scalars.count else { return nil }
        let separators: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar?)
        switch scalars[position] {
        case "-": separators = ("-", "-", nil)
        case "/": separators = ("/", "/", nil)
        case "年": separators = ("年", "月", "日")
        default: return nil
        }
        guard expect(separators.0), let month = number(digits: 1...2), expect(separators.1),
            let day = number(digits: 1...2)
        else { return nil }
        if let last = separators.2, !expect(last) { return nil }
        guard position == scalars.count else { return nil }
        return Day(iso(year, month, day))
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
