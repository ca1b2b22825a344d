import EventLog
import Foundation
import Testing

/// Text that users type (titles, profile fields, notes) is hostile until it is shown: a spreadsheet
/// must not run it, Markdown must not take it for markup, a terminal must not act on it.
@Suite struct HostileTextTests {
    static let norm = #"{"classes": [{"id": "plans", "name": "规划计划", "keyItems": ["11-01"], "timeLimitDays": 20, "review": "one-level", "office": "办公室"}], "feedbackDays": 15}"#

    /// A seeded log where jinjiang-jsj has adopted a norm and published a record of each title given
    /// (R-1, R-2, …), and holds one more, on request, titled `onRequest`.
    static func published(_ titles: [String], onRequest: String) throws -> CLITestCase {
        let cli = try CLITestCase.seeded()
        try cli.folder.write("norm.json", Array(norm.utf8))
        func run(_ arguments: [String], as actor: String) throws {
            let outcome = try cli.run(arguments + ["--actor", actor])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        try run(["norm", "adopt", "jinjiang-jsj", "--file", "norm.json"], as: "clerk.wang")
        for (index, title) in (titles + [onRequest]).enumerated() {
            let id = "R-\(index + 1)"
            try run(["record", "register", id, "--unit", "jinjiang-jsj", "--title", title, "--created", "2008-01-10"], as: "clerk.wang")
            let disclosure = index < titles.count ? "proactive" : "on-request"
            try run(["record", "classify", id, "--class", "plans", "--item", "11-01", "--disclosure", disclosure], as: "clerk.wang")
            try run(["record", "review", id, "--approve", "--checked", "密级", "--grounds", "同意"], as: "reviewer.zhang")
            if index < titles.count { try run(["record", "publish", id], as: "publisher.li") }
        }
        return cli
    }

    /// OWASP's "CSV Injection": every published CSV shows a formula-like title as inert text (a single
    /// quote before it, quoted); the HTML pages escape it.
    @Test func formulasInTitlesAreInertInEveryPublishedCSV() throws {
        let hyperlink = #"=HYPERLINK("http://x","y")"#
        let cli = try Self.published([hyperlink, "@SUM(1)", "-12"], onRequest: "+1+1")
        let inert = [#""'=HYPERLINK(""http://x"",""y"")""#, #""'@SUM(1)""#, #""'+1+1""#]
        let catalogue = try cli.run(["catalogue", "jinjiang-jsj", "--format", "csv"])
        #expect(catalogue.status == 0, "\(catalogue.stderr)")
        #expect(try cli.run(["rebuild"]).status == 0)
        let files = ["jinjiang-jsj.csv", "district-jinjiang.csv", "tier-2.csv"].map { "projections/catalogues/" + $0 }
        let texts = try [("catalogue --format csv", catalogue.stdout)] + files.map { ($0, String(decoding: try cli.folder.read($0), as: UTF8.self)) }
        for (name, text) in texts {
            for cell in inert { #expect(text.contains("," + cell + ",") || text.contains("\n" + cell + "\r\n"), "\(name) lacks \(cell): \(text)") }
            for start in ["=", "@", "+"] { #expect(!text.contains("," + start) && !text.contains("\n" + start), "\(name): \(text)") }
            #expect(text.contains(",-12,"), "a plain negative number stays a number: \(text)")
        }
        // The audit trail goes through the same writer: an actor cannot start a formula there either.
        let audit = String(decoding: try cli.folder.read("projections/internal/audit.csv"), as: UTF8.self)
        #expect(!audit.contains(",=") && !audit.contains(",@") && !audit.contains(",+"))
        for page in ["projections/catalogues/jinjiang-jsj.html", "projections/catalogues/district-jinjiang.html"] {
            let html = String(decoding: try cli.folder.read(page), as: UTF8.self)
            #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)") && !html.contains(hyperlink), "\(page)")
            #expect(html.contains("@SUM(1)"))
        }
    }

    /// Profile fields are the unit's words: in the Markdown guide they are text, never markup.
    @Test func profileFieldsAreLiteralTextInTheMarkdownGuide() throws {
        let cli = try CLITestCase.seeded()
        let profile = [
            "--office", "# heading", "--address", "[click](javascript:alert(1))", "--hours", "<script>alert(1)</script>",
            "--phone", "1. 028\n## second", "--fax", "- none", "--email", "*a*@x.cn",
        ]
        let set = try cli.run(["unit", "profile", "jinjiang-jsj"] + profile + ["--actor", "clerk.wang"])
        #expect(set.status == 0, "\(set.stderr)")
        // A norm class's name starts a paragraph of its own.
        try cli.folder.write("norm.json", Array(Self.norm.replacingOccurrences(of: "规划计划", with: "# 规划计划").utf8))
        #expect(try cli.run(["norm", "adopt", "jinjiang-jsj", "--file", "norm.json", "--actor", "clerk.wang"]).status == 0)
        #expect(try cli.run(["rebuild"]).status == 0)
        let printed = try cli.run(["guide", "jinjiang-jsj"])
        let file = String(decoding: try cli.folder.read("projections/guides/jinjiang-jsj.md"), as: UTF8.self)
        #expect(printed.stdout == file)
        for escaped in ["机构名称：# heading", #"办公地址：\[click\](javascript:alert(1))"#, #"办公时间：\<script\>alert(1)\</script\>"#,
            #"联系电话：1. 028 ## second"#, #"传真：- none"#, #"电子邮箱：\*a\*@x.cn"#, #"传真（- none）"#, #"电子邮件（\*a\*@x.cn）"#, ##"\# 规划计划（plans）："##]
        {
            #expect(file.contains(escaped), "\(escaped) in \(file)")
        }
        // Only the guide's own headings start a line with '#'; nothing starts a list, a link or HTML.
        let lines = file.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("#") }.allSatisfy { $0.hasPrefix("# 锦江区建设局") || $0.hasPrefix("## ") })
        #expect(!lines.contains { $0.hasPrefix("- ") || $0.hasPrefix("<") || $0.hasPrefix("1. ") })
        #expect(!file.contains("[click](") && !file.contains("<script>"))
        // The page escapes the same fields for HTML.
        let page = String(decoding: try cli.folder.read("projections/guides/jinjiang-jsj.html"), as: UTF8.self)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>"))
    }

    /// What a terminal would obey in a title, a note, feedback or a request: raw in none of the text
    /// output, shown escaped; JSON output keeps the same values.
    @Test func controlsInUserTextReachNoTerminal() throws {
        let title = "红\u{1B}[31m色\u{07}标题\u{202E}txt.exe\u{9B}2J\rover\nnext"
        let cli = try CLITestCase.seeded()
        let steps: [[String]] = [
            ["record", "register", "R-1", "--unit", "jinjiang-jsj", "--title", title, "--created", "2008-01-10"],
            ["feedback", "receive", "F-1", "--unit", "jinjiang-jsj", "--text", title],
            ["request", "receive", "Q-1", "--unit", "jinjiang-jsj", "--applicant", title, "--description", title],
        ]
        for step in steps { #expect(try cli.run(step + ["--actor", "clerk.wang"]).status == 0, "\(step)") }
        let note = JSONWriter.string(.object([("type", .string("note.filed")), ("data", .object([("text", .string(title))]))]))
        #expect(try cli.run(["append", "--actor", "clerk.wang"], stdin: note + "\n").status == 0)

        let list = try cli.run(["record", "list"])
        let show = try cli.run(["record", "show", "R-1"])
        #expect(list.stdout.contains(#"红\u001B[31m色\u0007标题\u202Etxt.exe\u009B2J over next"#), "\(list.stdout)")
        #expect(show.stdout.contains(#"红\u001B[31m色\u0007标题\u202Etxt.exe\u009B2J over next"#), "\(show.stdout)")
        let outputs = try [
            ("record list", list), ("record show", show), ("log", cli.run(["log"])), ("audit", cli.run(["audit", "--record", "R-1"])),
            ("feedback list", cli.run(["feedback", "list"])), ("request list", cli.run(["request", "list"])),
            ("request notice", cli.run(["request", "notice", "Q-1"])), ("record list --json", cli.run(["record", "list", "--json"])),
            ("an error", cli.run(["record", "show", title])),
        ]
        for (name, outcome) in outputs {
            for text in [outcome.stdout, outcome.stderr] {
                let bytes = Array(text.utf8)
                #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "\(name): \(text)")
                #expect(!text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }, "\(name)")
                #expect(!zip(bytes, bytes.dropFirst() + [0]).contains { $0 == 0x0D && $1 != 0x0A }, "\(name): a lone carriage return")
            }
        }
        #expect(outputs.last?.1.stderr.contains(#"record 红\u001B[31m色"#) == true)
        // JSON stays JSON, with the title as it was typed.
        let json = try JSONParser.parse(Array(try cli.run(["record", "show", "R-1", "--json"]).stdout.utf8.dropLast()))
        #expect(json["title"]?.stringValue == title)
    }
}
