/// An article as Chinese legal texts cite it: `24` → 第二十四条, `21(4)` → 第二十一条第（四）项.
enum ChineseArticle {
    static func text(_ article: String) -> String {
        let parts = article.split(separator: "(", maxSplits: 1)
        guard let number = Int(parts[0]) else { return "第\(article)条" }
        var text = "第\(numeral(number))条"
        if parts.count == 2, let item = Int(parts[1].dropLast()) { text += "第（\(numeral(item))）项" }
        return text
    }

    /// 1–999 in Chinese numerals as article numbers are written (十, 二十四, 一百零五).
    static func numeral(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 1000 else { return String(n) }
        let (hundreds, tens, ones) = (n / 100, n / 10 % 10, n % 10)
        var text = hundreds > 0 ? digits[hundreds] + "百" : ""
        if tens > 0 {
            text += (tens == 1 && hundreds == 0 ? "" : digits[tens]) + "十"
        } else if hundreds > 0 && ones > 0 {
            text += "零"
        }
        if ones > 0 { text += digits[ones] }
        return text
    }
}
