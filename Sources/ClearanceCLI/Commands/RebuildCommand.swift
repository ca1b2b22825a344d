import Clearance
import EventLog
import Foundation
import Projections

/// `clearance rebuild`: writes every projection from the log into a folder, with a manifest.
enum RebuildCommand {
    static let spec = CommandSpec(
        name: "rebuild",
        summary: "write the projections (guides, catalogues, progress, audit trail, annual reports, the office's papers) from the log into a folder, with a manifest",
        options: [.value("--out", "DIR", "where to write (default ./projections)")] + AsOf.options,
        discussion: """
            Writes guides/UNIT.md and .html for every unit with a profile or a norm; catalogues/UNIT, tier-N and
            district-ID as .csv, .json and .html; progress.json and .html; funnel.json and .html;
            annual-reports/UNIT-YEAR.html and .json for each report published, and city-YEAR (.html, .json, .xlsx)
            compiling those filed (public); internal/ (not for publication): audit.csv (the audit trail, which names exempt records and their bases), notice.txt, .html and .json (the progress
            notice of the day), notices-issued.json, assessment-YEAR (.html, .json, .xlsx) for each year ended,
            todo.html and .json (what waits at every unit), inspections/UNIT.html and .json (the worksheet of each
            unit with an inspection finding open) and replies/UNIT.txt (the written replies to requests, which name
            applicants); and
            manifest.json naming the log anchor the files were built from, the time, the count of each and the
            public files written (internal/manifest.json lists the internal ones). A file a manifest lists that
            the rebuild did not write again is removed; files no manifest lists are left alone.
            A later rebuild starts from the checkpoint it left beside the log (projections.checkpoint) and
            appends to internal/audit.csv only the entries after it; if the manifest's entry is no longer in the log
            as it was, it says HISTORY WAS REWRITTEN and rebuilds everything. With --as-of or --as-of-seq,
            the projections as things stood then (the manifest says so); no checkpoint is written.
            Before folding, the whole log is checked, every hash and link, as 'clearance verify' does, and the
            manifest's "chain" says so; a damaged log is refused, naming the first bad entry, and nothing is written.
            """)

    /// The folders of the office's papers: the public annual reports, the internal rest.
    static let officeFolders = ["annual-reports", "internal", "internal/replies", "internal/inspections"]

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let limit = try AsOf.limit(arguments, command: spec.name)
        Terminal.out(try rebuild(log: context.logDirectory, into: arguments.value("--out") ?? "projections", asOf: limit))
    }

    /// Writes every projection of the log in `logDirectory` into `out` (as of `limit`, if given) and
    /// returns the line that says what was written.
    static func rebuild(log logDirectory: String, into out: String, asOf limit: ClearanceService.Limit?) throws -> String {
        let reader = try LogReader(directory: logDirectory)
        // The whole log is checked first, every hash and link, as 'clearance verify' does, even when only
        // its last entries are folded: the manifest vouches for the chain as it is now, and a damaged
        // log is refused before any file is touched.
        let chain: LogVerifier.Report
        do {
            let checking = ProgressBar.step("checking the chain: every hash and link")
            defer { checking.finish() }
            chain = try LogVerifier.verify(reader)
        } catch let error as EventLogError {
            throw CommandFailure("\(error); nothing was rebuilt ('clearance verify' checks the whole log)")
        }
        // A batch cut short by a crash is not part of the log; say so, as verify does.
        if let torn = chain.torn { Terminal.note(RecoveryReport.describe(torn)) }
        let fm = FileManager.default
        for folder in officeFolders + ["guides", "catalogues"] { try fm.createDirectory(atPath: "\(out)/\(folder)", withIntermediateDirectories: true) }
        // Read before anything is written: what the last rebuild's manifests list, and nothing else, may be removed.
        let previous = RebuildManifest.previousFiles(in: out, folders: Set(officeFolders + ["guides", "catalogues", ""]))
        let fold = try Fold.run(reader: reader, out: out, logDirectory: logDirectory, limit: limit)
        let state = fold.state
        let head = fold.head
        let today = try limit == nil ? ClearanceService(directory: logDirectory).today() : AsOf.day(after: head, in: logDirectory)
        let lanes = writers(of: state, into: out, on: today, checkpointAt: limit == nil ? fold.last : nil, logDirectory: logDirectory, through: head)
        // Tens of seconds for a city: say so on a terminal, as the fold's bar did.
        let step = ProgressBar.step("writing the catalogues, guides, progress, funnel and checkpoint")
        defer { step.finish() }
        let files = RebuildManifest(written: Set(try RebuildJobs.run(lanes: lanes) + ["internal/audit.csv"]))
        let written = files.written
        let guideCount = written.filter { $0.hasPrefix("guides/") && $0.hasSuffix(".md") }.count
        let catalogueCount = written.filter { $0.hasPrefix("catalogues/") && $0.hasSuffix(".csv") }.count
        // A file an earlier rebuild wrote and this one did not (a unit without records as of an earlier
        // point) would pass for part of this one; only what a manifest lists is ever removed.
        try files.prune(previous, in: out)
        let anchor = try fold.last ?? (limit == nil ? reader.lastEntry() : AsOf.entry(at: head, in: reader))
        let manifest: [(key: String, value: JSONValue)] = [
            ("builtFrom", .string(head?.anchor ?? "")),
            ("builtFromSeq", .integer(anchor?.seq ?? 0)), ("builtFromOffset", .integer(anchor?.offset ?? 0)),
            ("builtFromLength", .integer(anchor?.line.count ?? 0)), ("builtAt", .string(Timestamp.now().iso8601)), ("asOf", AsOf.json(limit)),
            ("asOfDay", .string(today.description)), ("auditBytes", .integer(fold.auditBytes)),
            ("chain", .object([
                ("intact", .bool(true)), ("entries", .integer(chain.entries)),
                ("head", .string(chain.head?.anchor ?? "")),
            ])),
            ("counts", .object([
                ("guides", .integer(guideCount)), ("catalogues", .integer(catalogueCount)), ("auditRowsAdded", .integer(fold.auditRows)),
                ("records", .integer(state.records.count)),
            ])),
        ]
        // The audit trail and the checkpoint were synced when closed: the next rebuild may trust
        // what the manifest says of them.
        try files.write(into: out, builtFrom: head?.anchor ?? "", members: manifest)
        let from = head?.anchor ?? (limit == nil ? "an empty log" : "nothing (no batch had been recorded by then)")
        let rows = fold.auditFrom > 0 ? "\(fold.auditRows) audit rows added after seq \(fold.auditFrom)" : "\(fold.auditRows) audit rows"
        let reports = written.filter { $0.hasPrefix("annual-reports/") && $0.hasSuffix(".json") && !$0.hasPrefix("annual-reports/city-") }.count
        return "rebuilt \(out) from \(from): \(guideCount) guides, \(catalogueCount) catalogues, progress, funnel, \(reports) annual reports, the office's papers, \(rows); chain intact (\(chain.entries) entries checked)"
    }
}
