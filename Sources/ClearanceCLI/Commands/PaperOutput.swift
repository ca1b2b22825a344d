import EventLog
import Projections

/// How the office's papers come out: as text, JSON, a page that prints on A4, or (for their tables)
/// a workbook; to stdout or `--out FILE`.
enum PaperOutput {
    static let formats = FormatOption(
        formats: ["text", "json", "html", "xlsx"], help: "text (default), json, html (a page that prints on A4) or xlsx (its tables, with --out)")

    static let options: [CommandSpec.Option] = formats.options + [.value("--out", "FILE", "write to FILE instead of stdout")]

    /// The format asked for, checked before the log is read: a workbook is a file, never a terminal's.
    static func chosen(_ arguments: ParsedArguments, command: String) throws -> String {
        let format = try formats.chosen(arguments, command: command)
        if format == "xlsx", arguments.value("--out") == nil { throw UsageError("--format xlsx writes a file: give --out FILE.xlsx", command: command) }
        return format
    }

    /// The paper in the format chosen; `json` is the projection's own.
    static func bytes(_ paper: Paper, json: @autoclosure () -> JSONValue, format: String) -> [UInt8] {
        switch format {
        case "json": JSONWriter.bytes(json()) + [0x0A]
        case "html": Array(PaperHTML.render(paper).utf8)
        case "xlsx": PaperWorkbook.render(paper)
        default: Array(PaperText.render(paper).utf8)
        }
    }
}
