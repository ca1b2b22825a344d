import Clearance
import EventLog

/// The written replies a request produces (告知书): one for each correction asked, extension and
/// answer, in the form its outcome takes under the rule set in force on the day of receipt, with the
/// applicant, the request number, the dates, the articles, and on an answer the remedies of the day.
/// Internal: it names the applicant. A record's exempt title never appears: a reply quotes the
/// applicant's own description, never the register.
public struct ReplyNotice: Sendable {
    public let request: RequestState
    public let unitName: String
    public let ruleSet: RuleSet?
    let reference: ReferenceData
    let calendar: WorkingCalendar?

    public init?(request id: String, in state: ClearanceState) {
        guard let request = state.requests[id] else { return nil }
        self.request = request
        unitName = state.reference.units[request.received.unit]?.name ?? request.received.unit
        ruleSet = state.reference.ruleSet(on: request.received.at)
        reference = state.reference
        calendar = try? state.reference.calendar()
    }

    /// The steps that are replies (a correction received is the applicant's, not the body's).
    public var replies: [RequestStep] { request.steps.filter { $0.kind != .corrected } }

    /// Each reply as a paper, in order.
    public func papers(_ l: PaperLanguage) -> [Paper] {
        replies.map { paper(for: $0, l) }
    }

    func paper(for step: RequestStep, _ l: PaperLanguage) -> Paper {
        let received = request.received
        let law = ruleSet.map { "《\($0.name)》" } ?? "《政府信息公开条例》"
        var paper = Paper(language: l, title: title(of: step, l), number: l("申请编号：\(received.request)", "Request \(received.request)"))
        paper.addressee = received.applicant
        paper.add(.fields([
            .init(l("申请人", "Applicant"), received.applicant),
            .init(l("申请编号", "Request"), received.request),
            .init(l("收到申请日期", "Received"), Self.date(received.at, l)),
            .init(l("所需信息", "Information asked for"), received.description),
            .init(l("适用规定", "Rules"), ruleSet.map { "\($0.name)（\($0.id)）" } ?? l("未声明", "none declared")),
        ]))
        var opening = l("本机关于\(Self.date(received.at, l))收到您提出的政府信息公开申请（申请编号 \(received.request)），申请公开“\(received.description)”。",
                        "On \(received.at) this body received your request (\(received.request)) for “\(received.description)”.")
        if let corrected = request.steps.last(where: { $0.kind == .corrected && $0.at <= step.at }) {
            opening += l("本机关于\(Self.date(corrected.at, l))收到您补正后的申请。", " Your corrected request arrived on \(corrected.at).")
        }
        paper.add(.paragraph(opening))
        for line in body(of: step, law: law, l) { paper.add(.paragraph(line)) }
        if step.kind == .answered {
            let refusal = step.outcome.map { $0.hasPrefix("not-disclosed") || $0.hasPrefix("partly-disclosed") } ?? false
            paper.add(.paragraph(RemedySentence.text(on: step.at, unit: received.unit, in: reference, opening: "如对本答复不服，", refusal: refusal)))
        }
        paper.add(.paragraph(l("特此告知。", "This is to inform you.")))
        paper.signature = [unitName, Self.date(step.at, l)]
        return paper
    }

    func title(of step: RequestStep, _ l: PaperLanguage) -> String {
        switch step.kind {
        case .correctionAsked:
            ruleSet?.request.correction?.lapsesWhenUncorrected == true
                ? l("政府信息公开申请补正告知书", "Notice to correct a request")
                : l("政府信息公开申请更改、补充告知书", "Notice to change or supplement a request")
        case .extended: l("延长政府信息公开申请答复期限告知书", "Notice of an extended time limit")
        case .answered, .corrected: l("政府信息公开申请答复书", "Reply to a request for government information")
        }
    }

    /// What the reply says, by its kind and outcome, with the articles that require it.
    func body(of step: RequestStep, law: String, _ l: PaperLanguage) -> [String] {
        let procedure = ruleSet?.request
        switch step.kind {
        case .correctionAsked:
            let article = procedure?.correction.map { ChineseArticle.text($0.article) } ?? ""
            var lines = [l("经审查，您的申请内容不明确。根据\(law)\(article)的规定，请您对申请作出更改、补充：\(step.note ?? "")。",
                           "Your request is unclear. Under the rules (Art. \(procedure?.correction?.article ?? "?")) please change or supplement it: \(step.note ?? "").")]
            if let by = step.correctBy {
                lines.append(l("请于\(Self.date(by, l))前提交补正后的申请。", "Please send the corrected request by \(by)."))
                if procedure?.correction?.lapsesWhenUncorrected == true {
                    lines.append(l("无正当理由逾期不补正的，视为放弃申请，本机关不再处理该申请。", "Uncorrected by then without good reason, the request counts as withdrawn."))
                }
            }
            if procedure?.correction?.restartsClock == true {
                lines.append(l("答复期限自本机关收到补正后的申请之日起计算。", "The time limit runs from the day the corrected request arrives."))
            }
            return lines
        case .extended:
            let days = procedure?.extensionDays ?? 0
            let article = procedure.map { ChineseArticle.text($0.limit.article) } ?? ""
            // From receipt, or from the corrected request where the clock restarts on it, as RequestClock counts.
            let restart = procedure?.correction?.restartsClock ?? true
            let start = restart ? request.steps.last { $0.kind == .corrected && $0.at <= step.at }?.at ?? request.received.at : request.received.at
            let due = procedure.flatMap { procedure in try? calendar?.adding(workingDays: procedure.limit.workingDays + days, to: start).due }
            return [l("因\(step.note ?? "")，经本机关政府信息公开工作机构负责人（\(step.approvedBy ?? "")）同意，根据\(law)\(article)的规定，答复期限延长 \(days) 个工作日" + (due.map { "，至\(Self.date($0, l))" } ?? "") + "。",
                      "Because \(step.note ?? ""), with the approval of the head of the disclosure office (\(step.approvedBy ?? "")), under Art. \(procedure?.limit.article ?? "?") the time limit is extended by \(days) working days" + (due.map { ", to \($0)" } ?? "") + ".")]
        case .answered:
            return answer(step, law: law, l)
        case .corrected:
            return []
        }
    }

    func answer(_ step: RequestStep, law: String, _ l: PaperLanguage) -> [String] {
        let row = step.outcome.flatMap { ruleSet?.outcomes[$0] }
        let article = row?.article.map { ChineseArticle.text($0) } ?? ""
        let group = row?.group ?? String((step.outcome ?? "").prefix { $0 != "/" })
        let basis = step.basis ?? (group == "not-disclosed" ? step.outcome.map { String($0.drop { $0 != "/" }.dropFirst()) } : nil)
        let basisText = basis.map { id in
            let name = reference.exemptionTitles[id] ?? id
            let article = ruleSet?.exemptionArticles[id].map { "，\(law)\(ChineseArticle.text($0))" } ?? ""
            return "\(name)\(article)"
        }
        let reasons = step.note.map { l("理由：\($0)。", "Reasons: \($0).") }
        var lines: [String]
        switch group {
        case "disclosed":
            lines = [l("经审查，您申请公开的政府信息属于公开范围。根据\(law)\(article)的规定，现告知您获取该政府信息的方式和途径：\(step.note ?? "本机关按您申请的形式提供，或者您可以到本机关政府信息公开工作机构查阅、复制")。",
                       "The information is within the scope of disclosure. Under Art. \(row?.article ?? "?") you are told how to obtain it: \(step.note ?? "this body provides it in the form asked for, or it can be read and copied at its disclosure office").")]
        case "partly-disclosed":
            lines = [l("经审查，您申请公开的政府信息中含有不应当公开的内容（\(basisText ?? "")），但能够作区分处理。根据\(law)\(article)的规定，本机关向您提供可以公开的信息内容，其余内容不予公开。",
                       "The information contains content that may not be disclosed (\(basisText ?? "")) but can be separated. Under Art. \(row?.article ?? "?") the rest is provided; that content is withheld.")]
            if let reasons { lines.append(reasons) }
        case "not-disclosed":
            lines = [l("经审查，您申请公开的政府信息属于不予公开的范围（\(basisText ?? row?.name ?? "")）。根据\(law)\(article)的规定，本机关决定不予公开。",
                       "The information falls outside disclosure (\(basisText ?? row?.name ?? "")). Under Art. \(row?.article ?? "?") it is not disclosed.")]
            lines.append(reasons ?? l("理由：\(row?.name ?? "")。", "Reasons: \(row?.name ?? "")."))
        case "not-this-body":
            lines = [l("经审查，您申请公开的政府信息依法不属于本机关公开。", "The information is not this body's to disclose.")]
            lines.append(step.competentBody.map { l("根据\(law)\(article)的规定，告知您负责公开该政府信息的机关及其联系方式：\($0)。", "Under Art. \(row?.article ?? "?"): the body that discloses it is \($0).") }
                ?? l("本机关无法确定负责公开该政府信息的机关（\(law)\(article)）。", "Under Art. \(row?.article ?? "?"); this body cannot tell which body discloses it."))
        case "not-exist":
            lines = [l("经检索，您申请公开的政府信息不存在（\(law)\(article)）。", "After a search, the information does not exist (Art. \(row?.article ?? "?")).")]
        case "unclear":
            lines = [l("您的申请内容不明确。根据\(law)\(article)的规定，请您作出更改、补充后再提出申请。", "Your request is unclear; under Art. \(row?.article ?? "?") please change or supplement it.")]
        default:
            // The other rows of a template (cannot provide, not handled, other) say in their own words
            // what the reply tells the applicant.
            lines = [l("经审查，\(row?.name ?? step.outcome ?? "")" + (article.isEmpty ? "" : "（\(law)\(article)）") + "。",
                       "\(row?.name ?? step.outcome ?? "")" + (row?.article.map { " (Art. \($0))" } ?? "") + ".")]
            if step.competentBody != nil || step.note != nil {
                lines.append([step.competentBody, step.note].compactMap { $0 }.joined(separator: l("；", "; ")) + l("。", "."))
            }
        }
        return lines
    }

    /// The replies as JSON: request, applicant, and for each reply its kind, day, outcome, basis and text.
    public func json(_ l: PaperLanguage) -> JSONValue {
        .object([
            ("request", .string(request.received.request)), ("unit", .string(request.received.unit)),
            ("applicant", .string(request.received.applicant)), ("received", .string(request.received.at.description)),
            ("ruleSet", ruleSet.map { .string($0.id) } ?? .null),
            ("replies", .array(replies.map { step in
                .object([
                    ("kind", .string(step.kind.rawValue)), ("at", .string(step.at.description)),
                    ("outcome", step.outcome.map(JSONValue.string) ?? .null), ("basis", step.basis.map(JSONValue.string) ?? .null),
                    ("title", .string(title(of: step, l))), ("text", .string(PaperText.render(paper(for: step, l)))),
                ])
            })),
        ])
    }

    static func date(_ day: Day, _ l: PaperLanguage) -> String { l.date(day) }
}
