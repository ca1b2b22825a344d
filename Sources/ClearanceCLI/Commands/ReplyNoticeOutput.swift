import Clearance
import EventLog
import Projections

/// `clearance request notice REQ`: the written replies a request has produced so far, in order.
enum ReplyNoticeOutput {
    static let formats = FormatOption(formats: ["text", "json", "html"], help: "text (default), json or html")

    static func run(_ action: DomainAction, request id: String) throws {
        let format = try formats.chosen(action.arguments, command: action.command)
        let (state, head) = try AsOf.state(action.arguments, action.service, command: action.command, reading: [.requests])
        guard let notice = ReplyNotice(request: id, in: state) else { throw CommandFailure("request \(id) was never received") }
        let language = action.context.paperLanguage
        var papers = notice.papers(language)
        guard !papers.isEmpty else { throw CommandFailure("request \(id) has no written reply yet: it is neither answered, extended nor sent back for correction") }
        for index in papers.indices { papers[index].anchor = head?.anchor }
        let bytes: [UInt8]
        switch format {
        case "json": bytes = JSONWriter.bytes(notice.json(language)) + [0x0A]
        case "html":
            // One page, each reply on a sheet of its own.
            var bound = papers[0]
            for paper in papers.dropFirst() {
                bound.blocks += [.pageBreak, .heading(paper.title)] + paper.blocks + [.paragraph(paper.signature.joined(separator: " "))]
            }
            bytes = Array(PaperHTML.render(bound).utf8)
        default: bytes = Array(papers.map(PaperText.render).joined(separator: "\n").utf8)
        }
        try Document.emit(bytes, to: action.arguments.value("--out"), summary: "\(papers.count) replies to \(id)")
    }
}
