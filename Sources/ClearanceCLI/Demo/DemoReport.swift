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
        // The units' year is judged as things stood at its end; the office's year-end work on the log as it is.
        let endOfYear = Timestamp(millisecondsSinceEpoch: Int64(Self.yearEnd.ordinal + 1) * 86_400_000 - 1)
        let (now, _) = try service.load(asOf: .recorded(endOfYear))
        let (latest, _) = try service.load()
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
        printOfficeYear(latest, on: CityScenario.end)
        let report = try LogVerifier.verify(directory: directory)
        Terminal.out("")
        Terminal.out("verify: \(Format.grouped(report.entries)) entries, every hash and link checked; anchor \(report.head?.anchor ?? "")")
        let busiest = funnel.rows.max { ($0.published, $1.unit) < ($1.published, $0.unit) }?.unit ?? "cd-bgt"
        Terminal.out("")
        Terminal.out("Open the pages: \(out)/internal/progress.html (stages, by tier and district)  \(out)/internal/funnel.html (per unit, past deadline)")
        Terminal.out("  \(out)/catalogues/\(busiest).html (a catalogue)  \(out)/guides/\(busiest).html (its guide)  \(out)/internal/audit.csv (every event)")
        Terminal.out("  \(out)/internal/assessment-2008.html (the assessment)  \(out)/annual-reports/city-2008.html (the city's report)  \(out)/internal/notice.html")
        Terminal.out("Then: clearance progress --as-of 2008-03-31 --stage 6    clearance audit --unit \(busiest) --since 2008-03-01 --until 2008-03-08")
        Terminal.out("  clearance assess --year 2008 --unit \(busiest)    clearance annual-report --unit \(busiest) --year 2008    clearance inspect \(busiest)")
    }

    /// The annual report's request table for 2008 over every unit, by the one rule the reports use
    /// (`AnnualFigures`): received plus carried over equals handled plus carried forward.
    private func printRequests(_ state: ClearanceState) {
        var total = AnnualFigures.RequestColumn(column: "total")
        for unit in state.reference.unitOrder {
            let t = AnnualFigures(unit: unit, year: 2008, state: state).total
            total.received += t.received
            total.carriedOver += t.carriedOver
            total.carriedForward += t.carriedForward
            for (row, n) in t.handled { total.handled[row, default: 0] += n }
        }
        Terminal.out("")
        Terminal.out("Requests in 2008: \(total.received) received + \(total.carriedOver) carried over = \(total.handledTotal) handled + \(total.carriedForward) carried forward")
        Terminal.out("  handled: " + total.handled.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }

    /// The general office's year: the notices it issued, its inspection round, the annual reports on
    /// 2008 and the assessment, with where their papers are.
    private func printOfficeYear(_ state: ClearanceState, on day: Day) {
        let s = state.supervision
        Terminal.out("")
        Terminal.out("The general office's year, to \(day):")
        Terminal.out("  \(s.notices.count) progress notices issued (\(s.notices.map { $0.at.description }.joined(separator: ", "))); 'clearance notice --list' checks their kept texts")
        let findings = s.findings(at: nil)
        let inTime = findings.filter { f in f.remedied.map { $0.at <= f.found.remedyBy } ?? false }.count
        let late = findings.filter { f in f.remedied.map { $0.at > f.found.remedyBy } ?? false }.count
        Terminal.out("  inspection findings: \(findings.count) (\(inTime) remedied by their day, \(late) late, \(findings.count - inTime - late) open)")
        let city = CityAnnualReport(year: 2008, state: state)
        let filed = city.units.filter { $0.filed != nil }
        Terminal.out("  2008 annual reports: \(filed.count) of \(city.units.count) filed (\(filed.filter(\.filedLate).count) after their filing day), \(city.units.filter { $0.published != nil }.count) published; the city's report is their sum")
        let assessment = Assessment(year: 2008, on: day, units: Set(state.reference.unitOrder), state: state)
        let first = (1...3).compactMap { tier in assessment.results.first { $0.tier == tier && $0.rank == 1 } }
        Terminal.out("  assessment of 2008, first in each tier: " + first.map { "\($0.name) \(AssessmentJudge.points($0.total))" }.joined(separator: ", "))
    }

    private func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
