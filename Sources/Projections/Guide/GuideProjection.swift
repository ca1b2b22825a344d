import Clearance
import EventLog

/// A unit's disclosure guide (公开指南), with the contents the Regulations ask for (2007 Art. 19,
/// 2019 Art. 12): how its information is classified and arranged, how to obtain it, the disclosure
/// office and how to reach it, how to apply and within what time, how to give feedback or complain.
/// Generated from the unit's registration, profile and adopted norm; what is missing is named.
public struct GuideProjection: Sendable {
    public let unit: String
    public let name: String
    /// Profile fields and other parts the guide needs but the log does not have yet.
    public let gaps: [GuideGap]
    let sections: [(title: String, paragraphs: [String])]

    public init(unit: String, state: ClearanceState, on day: Day) {
        self.unit = unit
        name = state.reference.units[unit]?["name"]?.stringValue ?? unit
        let profile = state.profiles[unit]?.values ?? [:]
        let norm = state.norms[unit]
        gaps = Self.gaps(of: unit, in: state)

        var sections: [(String, [String])] = []
        var arrangement = ["本机关政府信息按以下类别编排，每条信息标注索引号、名称、内容概述、生成日期等要素。"]
        if let norm {
            arrangement += norm.classes.map { c in
                "\(c.name)（\(c.id)）：关键条目 \(c.keyItems.joined(separator: "、"))；公开形式 \(c.form)；时限 \(c.timeLimitDays) 个工作日；\(c.review == .twoLevel ? "两级审核" : "一级审核")；责任科室 \(c.office)。"
            }
        } else {
            arrangement.append("（本机关尚未制定政府信息公开分类规范。）")
        }
        sections.append(("一、信息分类与编排", arrangement))
        sections.append(("二、获取方式", [
            "主动公开的信息通过政府门户网站“中国·成都”政府信息公开目录发布，可按索引号、类别查阅。",
            "依申请公开的信息，公民、法人或者其他组织可向本机关提出申请。",
        ]))
        sections.append(("三、政府信息公开工作机构", UnitProfileSet.labelledFields.map { "\($0.zh)：\(profile[$0.name] ?? "（未填写）")" }))
        var applying = ["申请人可通过信函、传真、电子邮件或当面提交书面申请，写明申请人信息及所需政府信息的内容描述。"]
        if let request = state.reference.ruleSet(on: day)?.request {
            let (days, extra) = (request.limit.workingDays, request.extensionDays)
            applying.append("本机关自收到申请之日起 \(days) 个工作日内予以答复；需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过 \(extra) 个工作日。")
        }
        sections.append(("四、依申请公开", applying))
        let feedback = norm.map { "本机关在收到意见之日起 \($0.feedbackDays) 个工作日内答复。" } ?? "（答复时限待分类规范确定。）"
        sections.append(("五、监督与投诉", [
            "公民、法人或者其他组织认为本机关未依法履行政府信息公开义务的，可以向上级行政机关、监察机关或者政府信息公开工作主管部门举报，也可以依法申请行政复议或者提起行政诉讼。",
            "对本指南和公开目录的意见建议，可通过上述联系方式提出。\(feedback)",
        ]))
        // A sector's competent department also points to the service guides of its enterprises.
        if let filed = state.serviceGuides[unit], !filed.isEmpty {
            let sectors = Dictionary(state.reference.sectors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            sections.append(("六、公共企事业单位办事公开指南", filed.map { guide in
                "\(guide.enterprise)：\(guide.title)（\(sectors[guide.sector] ?? guide.sector)，\(guide.at) 报送）"
            }))
        }
        self.sections = sections
    }

    /// What the unit's guide still lacks: profile fields, or the norm. Empty: the guide can be published.
    public static func gaps(of unit: String, in state: ClearanceState) -> [GuideGap] {
        GuideGap.of(profile: state.profiles[unit]?.values, norm: state.norms[unit])
    }

    public var markdown: String {
        var text = "# \(name)政府信息公开指南\n\n"
        if !gaps.isEmpty { text += "> 待补充：\(gaps.map(\.zh).joined(separator: "；"))\n\n" }
        for section in sections {
            text += "## \(section.title)\n\n" + section.paragraphs.map { $0 + "\n" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    public var html: String {
        var body = "<h1>\(HTML.escape(name))政府信息公开指南</h1>\n"
        if !gaps.isEmpty { body += "<p class=\"gaps\">待补充：\(HTML.escape(gaps.map(\.zh).joined(separator: "；")))</p>\n" }
        for section in sections {
            body += "<h2>\(HTML.escape(section.title))</h2>\n" + section.paragraphs.map { "<p>\(HTML.escape($0))</p>\n" }.joined()
        }
        return HTML.page(title: "\(name)政府信息公开指南", body: body)
    }

    public var json: JSONValue {
        .object([
            ("unit", .string(unit)), ("name", .string(name)), ("gaps", .array(gaps.map { .string($0.key) })),
            ("sections", .array(sections.map { .object([("title", .string($0.title)), ("paragraphs", .array($0.paragraphs.map { .string($0) }))]) })),
        ])
    }
}
