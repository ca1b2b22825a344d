import Clearance
import EventLog
import Foundation
import Projections

extension RebuildCommand {
    /// What a rebuild writes once the state is folded, in two lanes run side by side (the state is only
    /// read from then on). The catalogues and the funnel each hold rows for a whole city, so they share
    /// a lane and never overlap (at city scale that keeps the peak under a gigabyte); the checkpoint,
    /// the guides and progress take about as long in the other (decision 0006). Each job returns the
    /// paths it wrote, relative to `out`.
    static func writers(
        of state: ClearanceState, into out: String, on today: Day, checkpointAt: LogEntry?, logDirectory: String, through head: LogHead?
    ) -> [[RebuildJobs.Job]] {
        let allUnits = Set(state.reference.units.keys)
        let catalogues: RebuildJobs.Job = { try writeCatalogues(of: state, into: out) }
        let funnel: RebuildJobs.Job = {
            let funnel = FunnelProjection(state: state, units: allUnits, on: today)
            return [
                try write("internal/funnel.json", in: out) { emit in
                    try funnel.writeJSON(to: emit)
                    try emit([0x0A])
                },
                try write("internal/funnel.html", in: out, Array(funnel.html(scope: "全部单位").utf8)),
            ]
        }
        let checkpoint: RebuildJobs.Job = {
            // Best effort: a reader who may only read the log (an auditor) rebuilds without one, which
            // costs only the next rebuild's time.
            if let checkpointAt { try? StateSnapshot.write(state, at: checkpointAt, in: logDirectory, named: StateSnapshot.checkpointName) }
            return []
        }
        let guides: RebuildJobs.Job = {
            try state.reference.unitOrder.filter { state.profiles[$0] != nil || state.norms[$0] != nil }.flatMap { unit in
                let guide = GuideProjection(unit: unit, state: state, on: today)
                return [
                    try write("guides/\(unit).md", in: out, Array(guide.markdown.utf8)),
                    try write("guides/\(unit).html", in: out, Array(guide.html.utf8)),
                ]
            }
        }
        let progress: RebuildJobs.Job = {
            let progress = ProgressProjection(state: state, units: allUnits, on: today)
            return [
                try write("internal/progress.json", in: out, JSONWriter.bytes(progress.json) + [0x0A]),
                try write("internal/progress.html", in: out, Array(progress.html(scope: "全部单位").utf8)),
            ]
        }
        let office: RebuildJobs.Job = { try writeOfficePapers(of: state, into: out, on: today, logDirectory: logDirectory, through: head) }
        return [[catalogues, funnel], [checkpoint, guides, progress, office]]
    }

    /// Writes the catalogues of every unit with records, of each tier and of each district, and
    /// returns their files' paths. Their rows are gathered in one pass over the records and dropped once written.
    private static func writeCatalogues(of state: ClearanceState, into out: String) throws -> [String] {
        let rows = CatalogueRows(units: nil, state: state)
        let scopes = CatalogueScope.everyCatalogue(in: state, unitsWithRecords: rows.unitsWithRecords)
        try CatalogueFiles.write(scopes, of: rows, into: "\(out)/catalogues")
        return Set(scopes.map(\.name)).flatMap { name in CatalogueFormat.allCases.map { "catalogues/\(name).\($0.rawValue)" } }
    }

    /// Writes a page and returns its path. Like the catalogues, pages are not synced one by one (a
    /// city has thousands): they can always be made again from the log. Only the manifest is, after
    /// what it vouches for.
    private static func write(_ path: String, in out: String, _ bytes: [UInt8]) throws -> String {
        try write(path, in: out) { emit in try emit(bytes) }
    }

    /// The same, for a page handed over in pieces.
    private static func write(_ path: String, in out: String, _ content: (([UInt8]) throws -> Void) throws -> Void) throws -> String {
        try OutputFile.write("\(out)/\(path)", sync: false, content)
        return path
    }
}
