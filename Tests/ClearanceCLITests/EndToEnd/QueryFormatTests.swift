import EventLog
import Foundation
import Testing

/// The query commands each take `--json`, which says `--format json`; a format they do not write, or
/// `--json` with another format, is a usage error that names what is allowed.
@Suite struct QueryFormatTests {
    static let queries: [[String]] = [
        ["guide", "jinjiang-jsj"], ["catalogue", "jinjiang-jsj"], ["catalogue", "--district", "jinjiang"],
        ["progress"], ["audit", "--unit", "jinjiang-jsj"],
    ]

    @Test func jsonIsTheSameAsFormatJSON() throws {
        let cli = try ProgressViewsTests.demoCase()
        for query in Self.queries {
            let short = try cli.run(query + ["--json"])
            let long = try cli.run(query + ["--format", "json"])
            #expect(short.status == 0 && long.status == 0, "\(query): \(short.stderr)")
            #expect(short.stdout == long.stdout, "\(query)")
            // Every line parses: one document, or one object a line for the audit trail.
            let lines = short.stdout.split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in query[0] == "audit" ? lines : [short.stdout.trimmingCharacters(in: .whitespacesAndNewlines)[...]] {
                #expect(throws: Never.self, "\(query)") { try JSONParser.parse(Array(line.utf8)) }
            }
        }
    }

    @Test(arguments: [
        (["guide", "jinjiang-jsj"], "markdown, html or json"), (["catalogue", "jinjiang-jsj"], "text, csv, json or html"),
        (["progress"], "text, json or html"), (["audit"], "text, csv, json or html"),
    ])
    func aWrongFormatNamesTheAllowedOnes(query: [String], allowed: String) throws {
        let cli = CLITestCase()
        let wrong = try cli.run(query + ["--format", "pdf"])
        #expect(wrong.status == 2 && wrong.stderr.hasPrefix("error: --format takes \(allowed), not 'pdf'"), "\(wrong.stderr)")
        let both = try cli.run(query + ["--json", "--format", "html"])
        #expect(both.status == 2 && both.stderr.hasPrefix("error: --json means --format json"), "\(both.stderr)")
        #expect(wrong.stdout.isEmpty && both.stdout.isEmpty)
    }
}
