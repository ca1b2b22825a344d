import Clearance
import EventLog
import Foundation
import Projections

/// What a supervisor wants first from the city demo: the stages as of the plan's last deadline and at
/// the end of 2008 (and how many units cleared stage 4 newest first), the units furthest behind, what
/// is past its deadline, the year's requests, and where the generated pages are.
struct DemoReport {
    static let lastDeadline = Day("2008-03-31")!
    static let yearEnd = Day("2008-12-31")!

    let directory: String
    let out: String
    let labels: Labels

    func print() throws {
        let service = ClearanceService(directory: directory)
        let endOfMarch = Timestamp(millisecondsSinceEpoch: Int64(Self.lastDeadline.ordinal + 1) * 86_400_000 - 1)
        let (then, _) = try service.load(asOf: .recorded(endOfMarch))
        let (now, _) = try service.load()
        let everyUnit = Set(now.reference.unitOrder)
        let progressThen = ProgressProjection(state: then, units: everyUnit, on: Self.lastDeadline)
        let progressNow = ProgressProjection(state: now, units: everyUnit, on: Self.yearEnd)

        Terminal.out("")
        Terminal.out("The plan's seven stages, \(everyUnit.count) units: as of \(Self.lastDeadline) (its last deadline), and done by \(Self.yearEnd)")
        let table = TextTable([
            ("STAGE", 5), ("DEADLINE", 10), ("UNITS", 5), ("ON TIME", 7), ("LATE", 5), ("OPEN", 5), ("OVERDUE", 7), ("DONE", 5), ("DONE BY YEAR END", 16), ("NAME", 0),
        ], labels: labels)
        Terminal.out(table.headerLine)
        for (row, later) in zip(progressThen.stages, progressNow.stages) {
            let t = row.total
            Terminal.out(table.line([
                "\(row.number)", row.deadline?.description ?? "", "\(t.units)", "\(t[.onTime])", "\(t[.late])", "\(t[.open])", "\(t[.overdue])",
                percent(t.shareDone), "\(later.total.done) (\(percent(later.total.shareDone)))", row.title,
            ]))
        }
        // The plan asks for the term's records cleared newest first: how many did, of the units done by the year's end.
        ProgressText.newestFirst(progressNow, by: Self.yearEnd).forEach(Terminal.out)

        // The units behind on the most stages at the last deadline.
        var behind: [String: [Int]] = [:]
        for row in progressThen.stages {
            for unit in row.behind { behind[unit.unit, default: []].append(row.number) }
        }
        let furthest = behind.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(8)
        Terminal.out("")
        Terminal.out("Furthest behind on \(Self.lastDeadline): \(behind.count) units had a stage not done; the first \(furthest.count):")
        for (unit, stages) in furthest {
            Terminal.out("  \(now.reference.units[unit]?.name ?? unit) (\(unit)): stages \(stages.map(String.init).joined(separator: ", ")) not done")
        }

        let funnel = FunnelProjection(state: now, units: everyUnit, on: Self.yearEnd)
        let late = Dictionary(grouping: funnel.pastDeadline, by: \.kind)
        Terminal.out("")
        Terminal.out("Past their deadline by \(Self.yearEnd):")
        for kind in PastDeadline.Kind.allCases {
            let items = late[kind] ?? []
            // Reassessment is a duty of the 2019 rules: a 2008 demo owes none, and says nothing of it.
            if kind == .reassessment && items.isEmpty { continue }
            let open = items.filter { $0.done == nil }.count
            let what = switch kind {
            case .publication: "publications past 20 working days"
            case .feedback: "pieces of feedback answered late or not yet"
            case .request: "requests answered late or not yet"
            case .reassessment: "withheld records past their periodic reassessment"
            }
            Terminal.out("  \(Format.grouped(items.count)) \(what) (\(open) still open), in \(Set(items.map(\.unit)).count) units")
        }
        let worst = funnel.rows.sorted { ($0.pastDeadline, $1.unit) > ($1.pastDeadline, $0.unit) }.prefix(5)
        Terminal.out("  most: " + worst.map { "\($0.name) \($0.pastDeadline)" }.joined(separator: ", "))

        printRequests(now)
        let report = try LogVerifier.verify(directory: directory)
        Terminal.out("")
        Terminal.out("verify: \(Format.grouped(report.entries)) entries, every hash and link checked; anchor \(report.head?.anchor ?? "")")
        let busiest = funnel.rows.max { ($0.published, $1.unit) < ($1.published, $0.unit) }?.unit ?? "cd-bgt"
        Terminal.out("")
        Terminal.out("Open the pages: \(out)/progress.html (stages, by tier and district)  \(out)/funnel.html (per unit, past deadline)")
        Terminal.out("  \(out)/catalogues/\(busiest).html (a catalogue)  \(out)/guides/\(busiest).html (its guide)  \(out)/audit.csv (every event)")
        Terminal.out("Then: clearance progress --as-of 2008-03-31 --stage 6    clearance audit --unit \(busiest) --since 2008-03-01 --until 2008-03-08")
    }

    /// The annual report's request table for 2008: received plus carried over equals handled plus
    /// carried forward.
    private func printRequests(_ state: ClearanceState) {
        let requests = state.requests.values
        let startOfYear = Day("2008-01-01")!
        let carriedOver = requests.filter { $0.received.at < startOfYear && ($0.answered.map { $0.at >= startOfYear } ?? true) }.count
        let received = requests.filter { $0.received.at >= startOfYear && $0.received.at <= Self.yearEnd }.count
        let handled = requests.filter { ($0.answered?.at).map { $0 >= startOfYear && $0 <= Self.yearEnd } ?? false }.count
        let carriedForward = requests.filter { $0.received.at <= Self.yearEnd && ($0.answered.map { $0.at > Self.yearEnd } ?? true) }.count
        var outcomes: [String: Int] = [:]
        for request in requests { if let outcome = request.answered?.outcome, (request.answered?.at.year ?? 0) == 2008 { outcomes[outcome, default: 0] += 1 } }
        Terminal.out("")
        Terminal.out("Requests in 2008: \(received) received + \(carriedOver) carried over = \(handled) handled + \(carriedForward) carried forward")
        Terminal.out("  handled: " + outcomes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
