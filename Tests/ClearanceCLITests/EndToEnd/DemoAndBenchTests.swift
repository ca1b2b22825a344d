import Foundation
import Testing

@Suite struct DemoAndBenchTests {
    @Test func theDemoRunsTheRulesVerifiesAndShowsTamperingCaught() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let first = try cli.run(["demo", "--seed", seed])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("with the chengdu-2007 seed"))
        #expect(first.stdout.contains("verify on the copy: the log is damaged at seq"))
        let entries = try cli.logLines().count
        #expect(first.stdout.contains("verify: \(entries) entries"))
        // What the demo did passed the rules: the state shows it.
        let published = try cli.run(["record", "list", "--status", "published"])
        #expect(published.stdout.contains("jinjiang-jsj:1-1") && published.stdout.contains("青羊区教育局2008年义务教育阶段招生工作方案"))
        let exempt = try cli.run(["record", "show", "qingyang-jyj:1-4", "--json"])
        #expect(exempt.stdout.contains(#""basis":"personal-privacy""#))
        #expect(try cli.run(["record", "show", "jinniu-mzj:1-2"]).stdout.contains("lastReturned"))
        // Running it again adds another day to the same log.
        let second = try cli.run(["demo"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try cli.logLines().count > entries)
        #expect(try cli.run(["record", "show", "jinjiang-jsj:2-1"]).stdout.contains("jinjiang-jsj/2007-00002"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func theBenchmarkRunsOnASmallLog() throws {
        let cli = CLITestCase()
        let outcome = try cli.run(["bench", "log", "--events", "3000", "--singles", "20", "--dir", cli.folder.file("bench")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for row in ["bulk append", "durable single append", "verify", "read and decode"] {
            #expect(outcome.stdout.contains(row), "missing \(row)")
        }
        #expect(try cli.run(["bench", "nothing"]).status == 2)
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let domain = try cli.run(["bench", "domain", "--events", "12000", "--runs", "3", "--seed", seed, "--dir", cli.folder.file("bench-domain")])
        #expect(domain.status == 0, "\(domain.stderr)")
        #expect(domain.stdout.contains("record register, end to end"))
        #expect(FileManager.default.fileExists(atPath: cli.folder.file("bench-domain/log/state.snapshot")))
    }
}
