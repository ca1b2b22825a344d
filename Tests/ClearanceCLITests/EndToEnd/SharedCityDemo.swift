import Foundation
import Testing

/// One city demo (1,500 records, seed 5) made once for the suites that only read it or add a few
/// events: each gets its own copy of the log, so they run side by side without a demo each.
enum SharedCityDemo {
    private static let made: Result<CLITestCase, any Error> = Result {
        let (cli, _) = try CityDemoTests.demo(seed: 5)
        return cli
    }

    /// A fresh folder holding a copy of the demo's log (and nothing else).
    static func copy() throws -> CLITestCase {
        let source = try made.get()
        let cli = CLITestCase()
        try FileManager.default.copyItem(atPath: source.folder.file("event-log"), toPath: cli.folder.file("event-log"))
        return cli
    }
}
