import Foundation
import Testing

@Suite struct DemoAndBenchTests {
    @Test func theDemoBuildsAVerifiedLogAndShowsTamperingCaught() throws {
        let cli = CLITestCase()
        let first = try cli.run(["demo"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("created"))
        #expect(first.stdout.contains("verify: 17 entries"))
        #expect(first.stdout.contains("verify on the copy: the log is damaged at seq"))
        #expect(try cli.run(["verify"]).status == 0)
        // Running it again extends the same log.
        let second = try cli.run(["demo"])
        #expect(second.status == 0 && second.stdout.contains("verify: 33 entries"))
        #expect(try cli.logLines().count == 33)
    }

    @Test func theBenchmarkRunsOnASmallLog() throws {
        let cli = CLITestCase()
        let outcome = try cli.run(["bench", "log", "--events", "3000", "--singles", "20", "--dir", cli.folder.file("bench")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for row in ["bulk append", "durable single append", "verify", "read and decode"] {
            #expect(outcome.stdout.contains(row), "missing \(row)")
        }
        #expect(try cli.run(["bench", "nothing"]).status == 2)
    }
}
