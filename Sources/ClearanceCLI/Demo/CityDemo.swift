import Clearance
import EventLog
import Foundation

/// `clearance demo` (the city scenario): writes the seed city's plan, October 2007 to the end of 2008,
/// and the general office's year-end work to the reports' deadline, 2009-03-31,
/// into a new log on a simulated clock, one batch a working day, every event checked by the same rules
/// as the CLI's; then rebuilds every projection and prints what a supervisor looks at first.
enum CityDemo {
    /// What the header of a demo log says about how it was made, so a second run on it can tell.
    static let scenarioName = "chengdu-2007-plan"

    /// How big the scenario is: the default (a few to a few dozen records a unit), about so many
    /// records in all, or a city's worth of at least 5,000,000 events (for benchmarks).
    enum Size: Equatable {
        case standard
        case records(Int)
        case city

        static let cityEvents = 5_000_000

        /// As the log's header records it, so a later run can tell its own log.
        var name: String {
            switch self {
            case .standard: "standard"
            case .records(let count): "\(count) records"
            case .city: "city"
            }
        }
    }

    static func run(directory: String, out: String, referenceFolder: String, seed: UInt64, size: Size, labels: Labels) throws {
        let started = MonotonicClock.now()
        let path = LogFile.path(in: directory)
        if FileManager.default.fileExists(atPath: path) {
            // Never overwrite a log: show the report again if it is this demo's, refuse otherwise.
            var header: LogEntry?
            try LogReader(directory: directory).forEachEntry { header = $0; return false }
            guard let data = try? header?.data(),
                data["scenario"]?.stringValue == scenarioName, data["scenarioSeed"]?.intValue == Int(seed),
                data["scenarioSize"]?.stringValue == size.name
            else {
                throw CommandFailure("\(path) already holds a log, not this demo's (--seed \(seed), \(size.name)): the demo writes a new log; give another --log DIR, or move that one aside")
            }
            Terminal.out("\(path) already holds this demo's log (--seed \(seed), \(size.name)): showing it again")
        } else {
            try write(directory: directory, referenceFolder: referenceFolder, seed: seed, size: size)
        }
        Terminal.out(try RebuildCommand.rebuild(log: directory, into: out, asOf: nil))
        try DemoReport(directory: directory, out: out, labels: labels).print()
        Terminal.out("")
        Terminal.out("done in \(Format.decimal(MonotonicClock.seconds(since: started), 1)) s")
    }

    /// The scenario planned at the size asked for: records per unit are scaled from the standard plan's.
    static func plan(_ reference: ReferenceData, seed: UInt64, size: Size) throws -> CityScenario {
        func planned(_ scale: Double) throws -> CityScenario {
            var scenario = try CityScenario(reference: reference, seed: seed, scale: scale)
            try scenario.build()
            return scenario
        }
        let standard = try planned(1)
        switch size {
        case .standard:
            return standard
        case .records(let count):
            return try planned(Double(count) / Double(max(standard.plan.records, 1)))
        case .city:
            // Events grow about linearly with the scale: aim a little over, then make sure.
            let double = try planned(2)
            let perScale = Double(double.plan.count - standard.plan.count)
            var scale = (Double(Size.cityEvents - standard.plan.count) / perScale + 1) * 1.02
            var scenario = try planned(scale)
            while scenario.plan.count < Size.cityEvents {
                scale *= 1.05
                scenario = try planned(scale)
            }
            return scenario
        }
    }

    /// Plans the scenario and records it day by day: each day's events are checked against the state the
    /// days before left, then appended as one batch stamped that morning.
    static func write(directory: String, referenceFolder: String, seed: UInt64, size: Size) throws {
        let folder = try SeedFolder(path: referenceFolder)
        let first = Timestamp(millisecondsSinceEpoch: Int64(CityScenario.start.ordinal) * 86_400_000 + 3_600_000)
        let (log, created) = try LogFile.create(
            in: directory, actor: CityScenario.office, clock: .simulated(start: first),
            data: [("rules", .integer(RulesVersion.current)), ("seed", .string(folder.id)), ("scenario", .string(scenarioName)), ("scenarioSeed", .integer(Int(seed))), ("scenarioSize", .string(size.name))],
            entries: try folder.events(actor: CityScenario.office, at: CityScenario.start))
        let service = ClearanceService(directory: directory)
        var (state, _) = try service.load()
        let scenario = try plan(state.reference, seed: seed, size: size)
        Terminal.out("created \(LogFile.path(in: directory)) on a simulated clock from \(CityScenario.start): the \(folder.id) seed, \(state.reference.unitOrder.count) units; \(Format.grouped(scenario.plan.records)) records, \(Format.grouped(scenario.plan.count)) events planned, and the general office's year-end work")

        var head = created
        var numbers = IndexNumbers()
        var bar = ProgressBar(label: "recording the plan day by day", total: scenario.plan.count)
        var done = 0
        for day in scenario.plan.allDays {
            var entries = (scenario.plan.days[day] ?? []).map { $0(&numbers) }
            // Each working day's batch is stamped at 09:00 Chengdu time (01:00 UTC), after the head.
            let morning = Timestamp(millisecondsSinceEpoch: Int64(day.ordinal) * 86_400_000 + 3_600_000)
            let recorded = morning > head.recorded ? morning : head.recorded.adding(milliseconds: 1)
            do {
                state = try service.check(entries, on: consume state, recorded: recorded)
                // The office's steps see the day's other events, and join their batch.
                let office = try (scenario.plan.officeWork[day] ?? []).flatMap { try $0(state, directory) }
                if !office.isEmpty {
                    state = try service.check(office, on: consume state, recorded: recorded)
                    entries += office
                }
            } catch let refusal as BatchRefusal {
                throw CommandFailure("the scenario broke a rule on \(day) (a bug in the demo): \(refusal)")
            }
            let result = try log.append(entries, expecting: head.seq, recorded: recorded)
            head = result.head
            done += entries.count
            bar.update(min(done, scenario.plan.count))
        }
        bar.finish()
        let last = try LogReader(directory: directory).lastEntry()
        // Commands after the demo start from here instead of folding the whole log again.
        if let last { try StateSnapshot.write(state, at: last, in: directory) }
        Terminal.out("recorded \(Format.grouped(done)) events in \(scenario.plan.allDays.count) daily batches up to \(CityScenario.end); head \(head.anchor)")
    }
}
