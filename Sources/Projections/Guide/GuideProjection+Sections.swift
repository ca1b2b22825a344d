import Clearance

extension GuideProjection {
    /// The guide's sections as the Regulations in force on `day` ask (2007 Art. 19; 2019 Art. 12):
    /// arrangement, how to obtain information (and where to read it in person), the disclosure office,
    /// how to apply (channels the unit has, contents, time limits, fees), supervision and remedies, the
    /// service guides of a sector's enterprises, and the application form as an annex.
    static func sections(of unit: String, in state: ClearanceState, on day: Day) -> [(title: String, paragraphs: [String])] {
        let profile = state.profiles[unit]?.values ?? [:]
        let norm = state.norms[unit]
        let ruleSet = state.reference.ruleSet(on: day)
        let rules = ruleSet?.guide
        let law = ruleSet.map { "《\($0.name)》" } ?? "《条例》"
        var sections: [(String, [String])] = []

        var arrangement = ["本机关政府信息按以下类别编排，每条信息标注索引号、名称、内容概述、生成日期等要素。"]
        if let norm {
            arrangement += norm.classes.map { c in
                let items = c.keyItems.isEmpty ? "" : "关键条目 \(c.keyItems.joined(separator: "、"))；"
                return "\(c.name)（\(c.id)）：\(items)公开形式 \(formName(c.form))；时限 \(c.timeLimitDays) 个工作日；\(c.review == .twoLevel ? "两级审核" : "一级审核")；责任科室 \(c.office)。"
            }
        } else {
            arrangement.append("（本机关尚未制定政府信息公开分类规范。）")
        }
        sections.append(("一、信息分类与编排", arrangement))

        var obtaining: [String] = []
        if let norm {
            // Each form names only the classes published that way: no class is promised the portal
            // when its norm publishes it elsewhere.
            var byForm: [(form: String, classes: [String])] = []
            for c in norm.classes {
                let form = formName(c.form)
                if let i = byForm.firstIndex(where: { $0.form == form }) { byForm[i].classes.append(c.name) } else { byForm.append((form, [c.name])) }
            }
            obtaining += byForm.map { "\($0.classes.joined(separator: "、"))：通过\($0.form)主动公开。" }
        } else {
            obtaining.append("主动公开的形式待分类规范确定。")
        }
        if let rules, !rules.readingPlaces.isEmpty {
            obtaining.append("公众也可到\(rules.readingPlaces.joined(separator: "、"))设置的政府信息查阅场所查阅本机关主动公开的政府信息（\(law)\(ChineseArticle.text(rules.readingPlacesArticle))）。")
        }
        obtaining.append("依申请公开的信息，公民、法人或者其他组织可向本机关提出申请（见第四部分）。")
        sections.append(("二、获取方式", obtaining))

        sections.append(("三、政府信息公开工作机构", UnitProfileSet.labelledFields.map { field in
            let value = profile[field.name]
            return "\(field.zh)：\(value.map { UnitProfileSet.isDeclaredNone($0) ? "无" : $0 } ?? "（未填写）")"
        }))

        // Only the channels the unit has: a fax or e-mail it declared it does not have, or never
        // gave, is not offered.
        var channels = ["信函", "当面递交"]
        if let fax = profile["fax"], !UnitProfileSet.isDeclaredNone(fax) { channels.insert("传真（\(fax)）", at: 1) }
        if let email = profile["email"], !UnitProfileSet.isDeclaredNone(email) { channels.insert("电子邮件（\(email)）", at: channels.count - 1) }
        var applying = ["申请应当采用书面形式，可通过\(channels.joined(separator: "、"))向本机关政府信息公开工作机构提出；书面形式确有困难的，可以口头提出，由本机关代为填写申请。"]
        if let rules, !rules.applicationContents.isEmpty {
            let numbered = rules.applicationContents.enumerated().map { "（\(chineseNumber($0.offset + 1))）\($0.element)" }.joined(separator: "；")
            applying.append("申请应当包括：\(numbered)（\(law)\(ChineseArticle.text(rules.applicationArticle))）。可使用本指南所附申请表。")
        }
        if let request = ruleSet?.request {
            applying.append("本机关自收到申请之日起 \(request.limit.workingDays) 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过 \(request.extensionDays) 个工作日（\(law)\(ChineseArticle.text(request.limit.article))）。")
        }
        if let rules, !rules.fees.isEmpty {
            applying.append("收费：\(rules.fees)（\(law)\(ChineseArticle.text(rules.feesArticle))\(rules.feesInstrument.map { "；\($0)" } ?? "")）")
        }
        sections.append(("四、依申请公开", applying))

        var supervision: [String] = []
        // A log declared before the rule sets named the bodies falls back to the 2007 list.
        let kinds = rules.flatMap { $0.complaintTo.isEmpty ? nil : $0.complaintTo } ?? ["superior", "supervision", "competent-office"]
        let bodies = GuideSupervisors(of: unit, in: state.reference).names(kinds)
        if !bodies.isEmpty {
            supervision.append("公民、法人或者其他组织认为本机关未依法履行政府信息公开义务的，可以向\(bodies.joined(separator: "、"))投诉、举报\(rules.flatMap { $0.complaintTo.isEmpty ? nil : "（\(law)\(ChineseArticle.text($0.complaintArticle))）" } ?? "")。")
        }
        supervision.append(remedies(on: day, in: state.reference))
        let feedback = norm.map { "本机关在收到意见之日起 \($0.feedbackDays) 个工作日内答复。" } ?? "（答复时限待分类规范确定。）"
        supervision.append("对本指南和公开目录的意见建议，可通过上述联系方式提出。\(feedback)")
        sections.append(("五、监督与救济", supervision))

        // A sector's competent department also points to the service guides of its enterprises.
        if let filed = state.serviceGuides[unit], !filed.isEmpty {
            let sectors = Dictionary(state.reference.sectors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            sections.append(("六、公共企事业单位办事公开指南", filed.map { guide in
                "\(guide.enterprise)：\(guide.title)（\(sectors[guide.sector] ?? guide.sector)，\(guide.at) 报送）"
            }))
        }
        sections.append(("附件：政府信息公开申请表", applicationForm(rules: rules, unit: state.reference.units[unit]?.name ?? unit)))
        return sections
    }

    /// Reconsideration and litigation as the laws in force on `day` give them (remedies.json).
    static func remedies(on day: Day, in reference: ReferenceData) -> String {
        RemedySentence.text(on: day, unit: nil, in: reference, opening: "对本机关政府信息公开工作中的具体行政行为不服的，")
    }

    /// The application form, with the contents the Regulations in force ask for.
    static func applicationForm(rules: RuleSet.GuideRules?, unit: String) -> [String] {
        var lines = ["致：\(unit)政府信息公开工作机构"]
        lines += [
            "申请人（公民）：姓名＿＿＿＿　证件名称及号码＿＿＿＿　联系电话＿＿＿＿　通信地址＿＿＿＿　电子邮箱＿＿＿＿",
            "申请人（法人或者其他组织）：名称＿＿＿＿　联系人＿＿＿＿　联系电话＿＿＿＿　通信地址＿＿＿＿",
            "所需信息：名称、文号或者内容描述＿＿＿＿＿＿＿＿",
            "获取方式：□ 纸质文本　□ 电子邮件　□ 光盘　□ 当面查阅、抄录；领取方式：□ 邮寄　□ 自行领取",
            "申请人签名或者盖章＿＿＿＿　申请日期＿＿＿＿",
        ]
        if let rules, !rules.applicationContents.isEmpty { lines.append("（本表依据条例\(ChineseArticle.text(rules.applicationArticle))：\(rules.applicationContents.joined(separator: "；"))。）") }
        return lines
    }

    /// A class's disclosure form as the guide names it (`portal`, as tests and older norms write it).
    static func formName(_ form: String) -> String {
        form == "portal" ? "政府门户网站“中国·成都”政府信息公开目录" : form
    }

    static func chineseNumber(_ n: Int) -> String { ["一", "二", "三", "四", "五", "六", "七", "八", "九"][max(0, min(8, n - 1))] }
}
