import Clearance
import EventLog
import Foundation
import Projections

/// `clearance rebuild`: writes every projection from the log into a folder, with a manifest.
enum RebuildCommand {
    static let spec = CommandSpec(
        name: "rebuild",
        summary: "write the projections (guides, catalogues, progress, audit trail) from the log into a folder, with a manifest",
        options: [.value("--out", "DIR", "where to write (default ./projections)")] + AsOf.options,
        discussion: """
            Writes guides/UNIT.md and .html for every unit with a profile or a norm; catalogues/UNIT, tier-N and
            district-ID as .csv, .json and .html; progress.json and .html; funnel.json and .html; audit.csv; and
            manifest.json naming the log anchor the files were built from, the time, and the count of each.
            A later rebuild starts from the checkpoint it left beside the log (projections.checkpoint) and
            appends to audit.csv only the entries after it; if the manifest's entry is no longer in the log
            as it was, it says HISTORY WAS REWRITTEN and rebuilds everything. With --as-of or --as-of-seq,
            the projections as things stood then (the manifest says so); no checkpoint is written.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let limit = try AsOf.limit(arguments, command: spec.name)
        Terminal.out(try rebuild(log: context.logDirectory, into: arguments.value("--out") ?? "projections", asOf: limit))
    }

    /// Writes every projection of the log in `logDirectory` into `out` (as of `limit`, if given) and
    /// returns the line that says what was written.
    static func rebuild(log logDirectory: String, into out: String, asOf limit: ClearanceService.Limit?) throws -> String {
        let reader = try LogReader(directory: logDirectory)
        let fm = FileManager.default
        for folder in ["guides", "catalogues"] { try fm.createDirectory(atPath: "\(out)/\(folder)", withIntermediateDirectories: true) }
        let fold = try Fold.run(reader: reader, out: out, logDirectory: logDirectory, limit: limit)
        let state = fold.state
        let head = fold.head
        let today = try limit == nil ? ClearanceService(directory: logDirectory).today() : AsOf.day(after: head, in: logDirectory)
        // Like the catalogues, pages are not synced one by one (a city has thousands): they can always
        // be made again from the log. Only the manifest is, after what it vouches for (below).
        @Sendable func write(_ path: String, _ bytes: [UInt8]) throws -> String {
            try write(path) { emit in try emit(bytes) }
        }
        @Sendable func write(_ path: String, _ content: (([UInt8]) throws -> Void) throws -> Void) throws -> String {
            let url = URL(fileURLWithPath: "\(out)/\(path)")
            try Data().write(to: url)
            let file = try FileHandle(forWritingTo: url)
            defer { try? file.close() }
            try content { try file.write(contentsOf: $0) }
            return path
        }
        // Once folded, the state is only read: the checkpoint and the pages are written in two lanes
        // side by side. The catalogues and the funnel each hold rows for a whole city, so they share a
        // lane and never overlap (at city scale that keeps the peak under a gigabyte); the lanes take
        // about as long as each other.
        let allUnits = Set(state.reference.units.keys)
        let checkpointAt = limit == nil ? fold.last : nil
        let catalogues: RebuildJobs.Job = { try writeCatalogues(of: state, into: "\(out)/catalogues") }
        let checkpoint: RebuildJobs.Job = {
            if let checkpointAt { try StateSnapshot.write(state, at: checkpointAt, in: logDirectory, named: StateSnapshot.checkpointName) }
            return []
        }
        let funnel: RebuildJobs.Job = {
            let funnel = FunnelProjection(state: state, units: allUnits, on: today)
            return [
                try write("funnel.json") { emit in
                    try funnel.writeJSON(to: emit)
                    try emit([0x0A])
                },
                try write("funnel.html", Array(funnel.html(scope: "全部单位").utf8)),
            ]
        }
        let guides: RebuildJobs.Job = {
            try state.reference.unitOrder.filter { state.profiles[$0] != nil || state.norms[$0] != nil }.flatMap { unit in
                let guide = GuideProjection(unit: unit, state: state, on: today)
                return [try write("guides/\(unit).md", Array(guide.markdown.utf8)), try write("guides/\(unit).html", Array(guide.html.utf8))]
            }
        }
        let progress: RebuildJobs.Job = {
            let progress = ProgressProjection(state: state, units: allUnits, on: today)
            return [
                try write("progress.json", JSONWriter.bytes(progress.json) + [0x0A]),
                try write("progress.html", Array(progress.html(scope: "全部单位").utf8)),
            ]
        }
        let written = Set(try RebuildJobs.run(lanes: [[catalogues, funnel], [checkpoint, guides, progress]]))
        let guideCount = written.filter { $0.hasPrefix("guides/") && $0.hasSuffix(".md") }.count
        let catalogueCount = written.filter { $0.hasPrefix("catalogues/") && $0.hasSuffix(".csv") }.count
        // A guide or catalogue an earlier rebuild wrote and this one did not (a unit without records as of
        // an earlier point) would pass for part of this one.
        for folder in ["guides", "catalogues"] {
            for name in try fm.contentsOfDirectory(atPath: "\(out)/\(folder)") where !written.contains("\(folder)/\(name)") {
                try fm.removeItem(atPath: "\(out)/\(folder)/\(name)")
            }
        }
        let anchor = try fold.last ?? (limit == nil ? reader.lastEntry() : AsOf.entry(at: head, in: reader))
        let manifest = JSONValue.object([
            ("builtFrom", .string(head?.anchor ?? "")),
            ("builtFromSeq", .integer(anchor?.seq ?? 0)), ("builtFromOffset", .integer(anchor?.offset ?? 0)),
            ("builtFromLength", .integer(anchor?.line.count ?? 0)), ("builtAt", .string(Timestamp.now().iso8601)), ("asOf", AsOf.json(limit)),
            ("asOfDay", .string(today.description)), ("auditBytes", .integer(fold.auditBytes)),
            ("counts", .object([
                ("guides", .integer(guideCount)), ("catalogues", .integer(catalogueCount)), ("auditRowsAdded", .integer(fold.auditRows)),
                ("records", .integer(state.records.count)),
            ])),
        ])
        // The audit trail and the checkpoint were synced when closed: the next rebuild may trust
        // what the manifest says of them.
        try Data(JSONWriter.bytes(manifest) + [0x0A]).write(to: URL(fileURLWithPath: "\(out)/manifest.json"), options: .atomic)
        let from = head?.anchor ?? (limit == nil ? "an empty log" : "nothing (no batch had been recorded by then)")
        let rows = fold.auditFrom > 0 ? "\(fold.auditRows) audit rows added after seq \(fold.auditFrom)" : "\(fold.auditRows) audit rows"
        return "rebuilt \(out) from \(from): \(guideCount) guides, \(catalogueCount) catalogues, progress, funnel, \(rows)"
    }

    /// Writes the catalogues of every unit with records, of each tier and of each district, and
    /// returns their files' paths. Their rows are gathered in one pass over the records and dropped once written.
    private static func writeCatalogues(of state: ClearanceState, into folder: String) throws -> [String] {
        let rows = CatalogueRows(units: nil, state: state)
        let scopes = CatalogueScope.everyCatalogue(in: state, unitsWithRecords: rows.unitsWithRecords)
        try CatalogueFiles.write(scopes, of: rows, into: folder)
        return Set(scopes.map(\.name)).flatMap { name in CatalogueFormat.allCases.map { "catalogues/\(name).\($0.rawValue)" } }
    }
}
