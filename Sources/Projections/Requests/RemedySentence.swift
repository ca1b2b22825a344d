import Clearance

/// The remedies a decision of `unit` on `day` can be challenged by, as one sentence: reconsideration
/// (with the body that hears it, where the law in force says) and litigation, each with its time
/// limit and article, from the remedy laws in force that day (remedies.json); and, where the law
/// says so, that a refusal goes to reconsideration first. A reply names them (行政复议法实施条例
/// Art. 17: the right, the body and the time limit); a guide states them in general.
enum RemedySentence {
    static func text(on day: Day, unit: String?, in reference: ReferenceData, opening: String, refusal: Bool = true) -> String {
        func limit(_ remedy: Remedy) -> String {
            switch remedy.limit {
            case .days(let days): "\(days) 日内"
            case .months(let months): "\(months) 个月内"
            }
        }
        var parts: [String] = []
        if let r = reference.remedy(.reconsideration, on: day) {
            var body = ""
            var articles = [r.article]
            if let unit, let kind = reference.units[unit]?.kind {
                let department = kind == .department || kind == .generalOffice
                let parent = reference.units[unit]?.parent.flatMap { reference.units[$0]?.name }
                if department, let rule = r.departmentBody {
                    // 本级人民政府 is the government the department belongs to: named.
                    body = "向\(parent.map { rule.name.replacingOccurrences(of: "本级人民政府", with: $0) } ?? rule.name)"
                    articles.append(rule.article)
                } else if !department, let rule = r.governmentBody {
                    body = "向\(parent ?? rule.name)"
                    articles.append(rule.article)
                }
            }
            let cited = Array(Set(articles)).sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.map(ChineseArticle.text).joined(separator: "、")
            parts.append("可以自知道该行政行为之日起 \(limit(r))\(body)依法申请行政复议（《\(r.name)》\(cited)）")
        }
        if let l = reference.remedy(.litigation, on: day) {
            parts.append("或者在 \(limit(l))依法提起行政诉讼（《\(l.name)》\(ChineseArticle.text(l.article))）")
        }
        guard !parts.isEmpty else { return "也可以依法申请行政复议或者提起行政诉讼。" }
        var text = opening + parts.joined(separator: "，") + "。"
        if refusal, let first = reference.remedy(.reconsideration, on: day)?.reconsiderationFirst, first.decisions.contains("refusal-to-disclose") {
            text += "对本机关不予公开政府信息的决定不服的，应当先申请行政复议，对复议决定不服的再提起行政诉讼（\(ChineseArticle.text(first.article))）。"
        }
        return text
    }
}
