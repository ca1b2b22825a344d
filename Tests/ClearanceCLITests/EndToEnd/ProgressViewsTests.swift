import EventLog
import Foundation
import Testing

/// `clearance progress` as a supervisor reads it: the roll-up by tier and district, who is behind by
/// name, the funnel's late items, and the same as JSON or as a page with inline SVG charts.
@Suite struct ProgressViewsTests {
    /// The demo's day of clearance in three units (simulated clock, 2007-12-20).
    static func demoCase() throws -> CLITestCase {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let demo = try cli.run(["demo", "--scenario", "day", "--reference", seed])
        #expect(demo.status == 0, "\(demo.stderr)")
        return cli
    }

    @Test func thePageDrawsItsChartsInlineAndNeedsNothingElse() throws {
        let cli = try Self.demoCase()
        let page = try cli.run(["progress", "--format", "html", "--date", "2008-04-30"])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.hasPrefix("<!DOCTYPE html>") && page.stdout.contains(#"<html lang="zh">"#))
        #expect(page.stdout.contains("<svg") && page.stdout.contains("按时完成 / 逾期完成 / 进行中 / 已逾期"))
        for group in ["<td>市级部门</td>", "<td>区（市）县</td>", "<td>乡镇（街道）</td>", "<td>锦江区人民政府（jinjiang）</td>"] {
            #expect(page.stdout.contains(group), "the roll-up has a row for \(group)")
        }
        #expect(page.stdout.contains("<li>锦江区人民政府（jinjiang）— 已逾期；缺：尚未制定分类规范；自 2007-11-21 起逾期 "), "the units behind, by name, with what they lack and since when")
        for outside in ["<script", "<link", "src=", "@import", "url("] { #expect(!page.stdout.contains(outside), "the page fetches \(outside)") }

        let written = try cli.run(["progress", "--funnel", "--format", "html", "--date", "2008-02-29", "--out", "funnel.html"])
        #expect(written.status == 0 && written.stdout.hasPrefix("wrote funnel.html: 3 units with records, 3 items past their deadline"))
        let funnel = String(decoding: try cli.folder.read("funnel.html"), as: UTF8.self)
        #expect(funnel.contains("<svg") && funnel.contains("记录最多的 3 个单位"))
        #expect(funnel.contains("<td>城市应急排涝预案（2007年修订）（jinjiang-jsj:1-2）</td>"), "a late publication by its record's title")
    }

    @Test func textRollsUpByTierAndDistrictAndNamesWhoIsBehind() throws {
        let cli = try Self.demoCase()
        let all = try cli.run(["progress", "--date", "2008-04-30"])
        #expect(all.status == 0)
        #expect(all.stdout.contains("by tier and district, each stage: units done / units it applies to"))
        let tier2 = try #require(all.stdout.split(separator: "\n").first { $0.hasPrefix("区（市）县") })
        #expect(tier2.split(separator: " ").contains("3/546"), "three tier-2 units adopted their norms: \(tier2)")
        let one = try cli.run(["progress", "--stage", "2", "--tier", "2", "--district", "jinjiang", "--lang", "zh"])
        #expect(one.stdout.contains("stage 2 by tier and district:") && one.stdout.contains("分组"))
        #expect(one.stdout.contains("已逾期    锦江区人民政府办公室 (jinjiang-bgs) — overdue since 2007-11-21 ("), "\(one.stdout)")
        #expect(one.stdout.contains("working days): no classification norm adopted"), "\(one.stdout)")
        let dated = try cli.run(["progress", "--stage", "2", "--district", "jinjiang", "--date", "2007-11-30", "--json"])
        let behind = try JSONParser.parse(dated.stdout.trimmingCharacters(in: .whitespacesAndNewlines))["stages"]?.arrayValue?.first?["behind"]?.arrayValue ?? []
        let office = try #require(behind.first { $0["unit"] == .string("jinjiang-bgs") })
        // 2007-11-21 to 11-30: the 21st to the 23rd and the 26th to the 30th, 8 working days.
        #expect(office["overdueSince"] == .string("2007-11-21") && office["workingDaysLate"] == .integer(8), "\(office)")
        #expect(!one.stdout.contains("(jinjiang-jsj)"), "jinjiang-jsj adopted its norm: it is not behind")
        let clearing = try cli.run(["progress", "--stage", "4", "--district", "jinjiang", "--date", "2008-01-05"])
        #expect(clearing.stdout.contains("stage 4: 0 of the 0 units done cleared newest first") && clearing.stdout.contains("NEWEST FIRST"))
        #expect(clearing.stdout.contains("锦江区建设局 (jinjiang-jsj): 3 of 4, not newest first (1 of 3 in order)"), "\(clearing.stdout)")
        let funnel = try cli.run(["progress", "--funnel", "--date", "2008-02-29"])
        let late = try #require(funnel.stdout.split(separator: "\n").first { $0.contains("jinjiang-jsj:1-2") })
        #expect(late.hasPrefix("publication  2008-01-16  -") && late.contains("锦江区建设局 (jinjiang-jsj)"), "\(late)")
    }

    @Test func jsonIsTheSameByEitherNameAndHoldsTheRollUp() throws {
        let cli = try Self.demoCase()
        let json = try cli.run(["progress", "--json", "--stage", "2"])
        let same = try cli.run(["progress", "--format", "json", "--stage", "2"])
        #expect(json.status == 0 && json.stdout == same.stdout)
        let parsed = try JSONParser.parse(json.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let stages = try #require(parsed["stages"]?.arrayValue)
        #expect(stages.count == 1)
        #expect(stages[0]["byTier"]?.arrayValue?.compactMap { $0["tier"]?.intValue } == [1, 2, 3])
        #expect(stages[0]["byDistrict"]?.arrayValue?.count == 19)
        let behind = try #require(stages[0]["behind"]?.arrayValue?.first { $0["unit"]?.stringValue == "jinjiang" })
        #expect(behind["name"]?.stringValue == "锦江区人民政府" && behind["status"]?.stringValue == "overdue")
        let funnel = try cli.run(["progress", "--funnel", "--json", "--date", "2008-02-29"])
        #expect(funnel.stdout.contains(#""kind":"publication","item":"jinjiang-jsj:1-2","title":"城市应急排涝预案（2007年修订）""#))
    }

    /// Mistakes are named with what is allowed, exit 2, before the log is read.
    @Test(arguments: [
        (["--tier", "9"], "--tier must be an integer between 1 and 3, not '9'"),
        (["--stage", "8"], "--stage must be an integer between 1 and 7, not '8'"),
        (["--format", "pdf"], "--format takes text, json or html, not 'pdf'"),
        (["--json", "--format", "html"], "--json means --format json: give one, not --json with --format html"),
        (["--date", "2008-02-30"], "--date takes YYYY-MM-DD, not '2008-02-30'"),
    ])
    func aMistakeIsAUsageError(arguments: [String], message: String) throws {
        let outcome = try CLITestCase().run(["progress"] + arguments)
        #expect(outcome.status == 2 && outcome.stderr.hasPrefix("error: \(message)"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1 && outcome.stdout.isEmpty)
    }

    @Test func anUnknownDistrictIsNamedWithTheKnownOnes() throws {
        let cli = try ClearanceWalkTests.seededCase()
        let outcome = try cli.run(["progress", "--district", "nowhere"])
        #expect(outcome.status == 2 && outcome.stderr.contains("(jinjiang, qingyang, jinniu,") && outcome.stderr.contains("not 'nowhere'"))
    }
}
