import Clearance
import EventLog
import Foundation

/// `clearance demo`: the README's main job. The city scenario by default (`CityDemo`); the day in three
/// units (`DayDemo`) on request.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "the seed city's plan, October 2007 to the end of 2008, replayed through every rule into a new log; projections rebuilt; what a supervisor looks at first",
        options: [
            .value("--seed", "N", "the scenario's random seed (default 2007): the same seed writes the same log, byte for byte"),
            .value("--scale", "X", "records per unit, times X (default 1, a few to a few dozen a unit)"),
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
        var scale = 1.0
        if let text = arguments.value("--scale") {
            guard let value = Double(text), value > 0, value <= 1000 else {
                throw UsageError("--scale takes a number above 0 and at most 1000, not '\(text)'", command: spec.name)
            }
            scale = value
        }
        switch arguments.value("--scenario") ?? "city" {
        case "city":
            try CityDemo.run(
                directory: context.logDirectory, out: arguments.value("--out") ?? "projections", referenceFolder: reference,
                seed: UInt64(seed), scale: scale, labels: context.labels)
        case "day":
            try DayDemo.run(directory: context.logDirectory, referenceFolder: reference, labels: context.labels)
        case let other:
            throw UsageError("--scenario takes city or day, not '\(other)'", command: spec.name)
        }
    }
}
