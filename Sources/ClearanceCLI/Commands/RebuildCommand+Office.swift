import Clearance
import EventLog
import Foundation
import Projections

extension RebuildCommand {
    /// The general office's papers, kept apart by who may read them: the annual reports are public
    /// (`annual-reports/`, beside the guides and catalogues); the notice of the day, the notices
    /// issued, the assessments and the reply notices (which name applicants) are internal
    /// (`internal/`). Returns the paths written.
    static func writeOfficePapers(of state: ClearanceState, into out: String, on today: Day, logDirectory: String, through head: LogHead?) throws -> [String] {
        let seq = head?.seq ?? 0
        var written: [String] = []
        func write(_ path: String, _ bytes: [UInt8]) throws {
            try OutputFile.write("\(out)/\(path)", sync: false) { try $0(bytes) }
            written.append(path)
        }
        let units = Set(state.reference.units.keys)
        let notice = ProgressNotice(
            state: state, units: units, on: today, stage: nil, number: state.supervision.nextNoticeNumber(in: today.year), issued: today, scope: "全市")
        try write("internal/notice.txt", Array(PaperText.render(notice.paper(.zh)).utf8))
        try write("internal/notice.html", Array(PaperHTML.render(notice.paper(.zh)).utf8))
        try write("internal/notice.json", JSONWriter.bytes(notice.json) + [0x0A])
        try write("internal/notices-issued.json", JSONWriter.bytes(.array(state.supervision.notices.map(\.data))) + [0x0A])

        // The assessment of every year the rubric covers that has ended by the day.
        if let first = state.reference.rubrics.map(\.year).min(), first < today.year {
            let reader = try LogReader(directory: logDirectory)
            for year in first..<today.year {
                let assessment = Assessment(year: year, on: today, units: units, state: state)
                let seqs = try SeqIndex(refs: assessment.refs, reader: reader, through: seq)
                let paper = assessment.paper(.zh, seqs: seqs, scope: "全部单位")
                try write("internal/assessment-\(year).html", Array(PaperHTML.render(paper).utf8))
                try write("internal/assessment-\(year).json", JSONWriter.bytes(assessment.json(seqs: seqs)) + [0x0A])
                try write("internal/assessment-\(year).xlsx", PaperWorkbook.render(paper))
            }
        }

        // What waits at every unit, and the worksheet of every unit with a finding still open.
        let worklist = Worklist(state: state, units: nil, on: today)
        try write("internal/todo.html", Array(PaperHTML.render(worklist.paper(.zh, scope: "全部单位")).utf8))
        var todo: [UInt8] = []
        worklist.writeJSON(actor: nil, unit: nil) { todo += $0 }
        try write("internal/todo.json", todo + [0x0A])
        // Only where a finding is still open: each worksheet reads its sample's trails off the log.
        let inspected = Set(state.supervision.findings(at: nil).filter { $0.isOpen(on: today) }.map(\.found.unit))
        if !inspected.isEmpty {
            let reader = try LogReader(directory: logDirectory)
            for unit in state.reference.unitOrder where inspected.contains(unit) {
                let worksheet = try InspectionWorksheet(unit: unit, state: state, head: head, on: today, sample: 10, seed: 1, reader: reader)
                try write("internal/inspections/\(unit).html", Array(PaperHTML.render(worksheet.paper(.zh)).utf8))
                try write("internal/inspections/\(unit).json", JSONWriter.bytes(worksheet.json) + [0x0A])
            }
        }

        // Each unit's replies to requests, one file a unit.
        var byUnit: [String: [String]] = [:]
        for (id, request) in state.requests where !request.steps.isEmpty { byUnit[request.received.unit, default: []].append(id) }
        for (unit, ids) in byUnit {
            let papers = ids.sorted().compactMap { ReplyNotice(request: $0, in: state) }.flatMap { $0.papers(.zh) }
            guard !papers.isEmpty else { continue }
            try write("internal/replies/\(unit).txt", Array(papers.map(PaperText.render).joined(separator: "\n").utf8))
        }

        // Reports once published are public; the city's compiles those filed.
        var years = Set<Int>()
        for report in state.supervision.reports.values {
            years.insert(report.filed.year)
            guard report.published != nil else { continue }
            let published = AnnualReport(unit: report.filed.unit, year: report.filed.year, state: state)
            let name = "annual-reports/\(report.filed.unit)-\(report.filed.year)"
            try write("\(name).html", Array(PaperHTML.render(published.paper(.zh)).utf8))
            try write("\(name).json", JSONWriter.bytes(published.json) + [0x0A])
        }
        for year in years {
            let city = CityAnnualReport(year: year, state: state)
            try write("annual-reports/city-\(year).html", Array(PaperHTML.render(city.paper(.zh)).utf8))
            try write("annual-reports/city-\(year).json", JSONWriter.bytes(city.json) + [0x0A])
            try write("annual-reports/city-\(year).xlsx", PaperWorkbook.render(city.paper(.zh)))
        }
        return written
    }
}
