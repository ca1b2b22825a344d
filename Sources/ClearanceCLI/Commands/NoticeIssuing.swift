import Clearance
import EventLog
import Projections

/// Issuing a progress notice: drawn from the state the append is checked against (so its number and
/// figures are those of the log it joins), checked by the rules, then its text kept beside the log
/// under its SHA-256, which the `notice.issued` event carries. Shared by `notice --issue` and the demo.
enum NoticeIssuing {
    /// The notice of the units of `district` (every unit when nil) as `state` stands, numbered next in
    /// the year it is issued.
    static func draw(in state: ClearanceState, judged day: Day, issued: Day, stage: Int?, district: String?, language: PaperLanguage) -> ProgressNotice {
        let units = CatalogueProjection.units(unit: nil, tier: nil, district: district, in: state)
        let scope = district.flatMap { state.reference.units[$0]?.name } ?? language("全市", "the whole city")
        return ProgressNotice(
            state: state, units: units, on: day, stage: stage, number: state.supervision.nextNoticeNumber(in: issued.year), issued: issued, scope: scope)
    }

    /// The event and the text issued; nothing is stored if the rules refuse it.
    static func issue(
        in state: ClearanceState, logDirectory: String, actor: String, judged day: Day, issued: Day, stage: Int?, district: String?,
        language: PaperLanguage
    ) throws -> (event: NoticeIssued, text: [UInt8]) {
        let drawn = draw(in: state, judged: day, issued: issued, stage: stage, district: district, language: language)
        var paper = drawn.paper(language)
        // The entry it was drawn from; the notice.issued event follows it.
        paper.anchor = "\(state.seq)"
        let text = Array(PaperText.render(paper).utf8)
        var event = NoticeIssued(
            at: issued, number: drawn.number, title: drawn.title, judged: day, stage: stage, district: district, document: DocumentStore.name(of: text))
        // The rules first, then the text: a refused notice leaves nothing behind.
        try ClearanceRules(state: state, actor: actor).check(.noticeIssued(event), recorded: issued)
        event.document = try DocumentStore(logDirectory: logDirectory).put(text)
        return (event, text)
    }
}
