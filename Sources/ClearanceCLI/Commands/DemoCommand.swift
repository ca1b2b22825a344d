import Clearance
import EventLog
import Foundation

/// `clearance demo`: the README's main job. The city scenario by default (`CityDemo`); the day in three
/// units (`DayDemo`) on request.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "the seed city's plan, October 2007 to the end of 2008, and the office's year-end work to 2009-03-31, replayed through every rule into a new log; projections rebuilt; what a supervisor looks at first",
        options: [
            .value("--seed", "N", "the scenario's random seed (default 2007): the same seed writes the same log, byte for byte"),
            .value("--scale", "N|city", "about N records in all (default: about 23,000, a few to a few dozen a unit and year), or city: at least 5,000,000 events, for benchmarks"),
            .value("--out", "DIR", "where the projections go (default ./projections)"),
            .value("--reference", "DIR", "the seed folder of reference data (default seeds/chengdu-2007)"),
            .value("--scenario", "NAME", "city (the default), or day: a day in three units, with three writers at once and a tampered copy caught"),
        ],
        discussion: """
            Writes a new log to --log (default ./event-log) on a simulated clock from 2007-10-08, one batch a
            working day; run again on that log, it shows the report again (it never overwrites a log).
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let reference = arguments.value("--reference") ?? "seeds/chengdu-2007"
        let seed = try arguments.integer("--seed", in: 0...Int(Int32.max), command: spec.name) ?? 2007
        var size = CityDemo.Size.standard
        if let text = arguments.value("--scale") {
            if text == "city" {
                size = .city
            } else {
                guard let records = Int(text), (100...10_000_000).contains(records) else {
                    throw UsageError("--scale takes city or a number of records from 100 to 10000000, not '\(text)'", command: spec.name)
                }
                size = .records(records)
            }
        }
        switch arguments.value("--scenario") ?? "city" {
        case "city":
            try CityDemo.run(
                directory: context.logDirectory, out: arguments.value("--out") ?? "projections", referenceFolder: reference,
                seed: UInt64(seed), size: size, labels: context.labels)
        case "day":
            try DayDemo.run(directory: context.logDirectory, referenceFolder: reference, labels: context.labels)
        case let other:
            throw UsageError("--scenario takes city or day, not '\(other)'", command: spec.name)
        }
    }
}
