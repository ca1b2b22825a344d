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
        name = state.reference.units[unit]?.name ?? unit
        gaps = Self.gaps(of: unit, in: state)
        sections = Self.sections(of: unit, in: state, on: day)
    }

    /// What the unit's guide still lacks: profile fields, or the norm. Empty: the guide can be published.
    public static func gaps(of unit: String, in state: ClearanceState) -> [GuideGap] {
        GuideGap.of(profile: state.profiles[unit]?.values, norm: state.norms[unit])
    }

    /// The guide in Markdown. Its paragraphs hold what the unit typed (profile, norm, service guides),
    /// so they are written to show literally (`Markdown`), as the page escapes them for HTML.
    public var markdown: String {
        var text = "# \(Markdown.inline(name))政府信息公开指南\n\n"
        if !gaps.isEmpty { text += "> 待补充：\(gaps.map(\.zh).joined(separator: "；"))\n\n" }
        for section in sections {
            text += "## \(Markdown.inline(section.title))\n\n" + section.paragraphs.map { Markdown.paragraph($0) + "\n" }.joined(separator: "\n") + "\n"
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
