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
            DISTRICT as .csv, .json and .html; progress.json and .html; funnel.json and .html; audit.csv; and
            manifest.json naming the log anchor the files were built from, the time, and the count of each.
            Everything is rebuilt from the log each time (incremental rebuilds come later). With --as-of or
            --as-of-seq, the projections as things stood then (the manifest says so); the state snapshot
            is left alone.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let out = arguments.value("--out") ?? "projections"
        let limit = try AsOf.limit(arguments, command: spec.name)
        let service = ClearanceService(directory: context.logDirectory)
        let reader = try LogReader(directory: context.logDirectory)
        // The last rebuild's anchor must still be in the log: if not, history was rewritten since.
        if let previous = FileManager.default.contents(atPath: "\(out)/manifest.json"),
            let manifest = try? JSONParser.parse(Array(previous)), let anchor = manifest["builtFrom"]?.stringValue,
            let seq = manifest["builtFromSeq"]?.intValue, let offset = manifest["builtFromOffset"]?.intValue,
            let length = manifest["builtFromLength"]?.intValue, !anchor.isEmpty
        {
            let line = try reader.bytes(at: offset, length: length)
            let entry = try line.map { try $0.withUnsafeBytes { try LogEntry(line: $0, offset: offset) } }
            if entry?.seq != seq || "\(seq):\(entry?.hashHex ?? "")" != anchor {
                Terminal.note("WARNING: HISTORY WAS REWRITTEN: the projections in \(out) were built from \(anchor), which the log no longer holds; rebuilding everything from the start")
            }
        }
        let state: ClearanceState
        let head: LogHead?
        if let limit {
            // As things stood then: a view of the past, so the snapshot of the present is not touched.
            (state, head) = try service.load(asOf: limit)
        } else {
            // Folding a long log shows a bar with entries/s on a terminal, and nothing in a pipe.
            var bar = ProgressBar(label: "folding the log", total: reader.tail.head?.seq ?? 0)
            (state, head) = try service.load(refreshingSnapshot: true) { bar.update($0) }
            bar.finish()
        }
        let today = try limit == nil ? service.today() : AsOf.day(after: head, in: context.logDirectory)
        let fm = FileManager.default
        for folder in ["guides", "catalogues"] { try fm.createDirectory(atPath: "\(out)/\(folder)", withIntermediateDirectories: true) }
        var written: Set<String> = []
        func write(_ path: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: "\(out)/\(path)"))
            written.insert(path)
        }

        var guides = 0
        for unit in state.reference.unitOrder where state.profiles[unit] != nil || state.norms[unit] != nil {
            let guide = GuideProjection(unit: unit, state: state, on: today)
            try write("guides/\(unit).md", Array(guide.markdown.utf8))
            try write("guides/\(unit).html", Array(guide.html.utf8))
            guides += 1
        }
        // Catalogues of every unit with records, of each tier, and of each district.
        let withRecords = Set(state.records.all.values.map(\.registration.unit))
        var scopes: [(name: String, title: String, units: Set<String>)] = withRecords.sorted().map {
            ($0, state.reference.units[$0]?["name"]?.stringValue ?? $0, [$0])
        }
        for tier in 1...3 {
            scopes.append(("tier-\(tier)", "第\(tier)层级", CatalogueProjection.units(unit: nil, tier: tier, district: nil, in: state)))
        }
        for district in state.reference.unitOrder where state.reference.units[district]?["kind"]?.stringValue == "district-government" {
            scopes.append((district, state.reference.units[district]?["name"]?.stringValue ?? district,
                CatalogueProjection.units(unit: nil, tier: nil, district: district, in: state)))
        }
        for scope in scopes {
            let catalogue = CatalogueProjection(title: "\(scope.title) 政府信息公开目录", units: scope.units, state: state)
            try write("catalogues/\(scope.name).csv", catalogue.csv)
            try write("catalogues/\(scope.name).json", JSONWriter.bytes(catalogue.json) + [0x0A])
            try write("catalogues/\(scope.name).html", Array(catalogue.html.utf8))
        }
        let allUnits = Set(state.reference.units.keys)
        let progress = ProgressProjection(state: state, units: allUnits, on: today)
        try write("progress.json", JSONWriter.bytes(progress.json) + [0x0A])
        try write("progress.html", Array(progress.html(scope: "全部单位").utf8))
        let funnel = FunnelProjection(state: state, units: allUnits, on: today)
        try write("funnel.json", JSONWriter.bytes(funnel.json) + [0x0A])
        try write("funnel.html", Array(funnel.html(scope: "全部单位").utf8))
        let audit = try AuditTrail(reader: reader, filter: AuditTrail.Filter(), through: limit == nil ? nil : head?.seq ?? 0)
        try write("audit.csv", audit.csv)
        // A guide or catalogue an earlier rebuild wrote and this one did not (a unit without records as of
        // an earlier point) would pass for part of this one.
        for folder in ["guides", "catalogues"] {
            for name in try fm.contentsOfDirectory(atPath: "\(out)/\(folder)") where !written.contains("\(folder)/\(name)") {
                try fm.removeItem(atPath: "\(out)/\(folder)/\(name)")
            }
        }
        let last = try limit == nil ? reader.lastEntry() : AsOf.entry(at: head, in: reader)
        let manifest = JSONValue.object([
            ("builtFrom", .string(head?.anchor ?? "")),
            ("builtFromSeq", .integer(last?.seq ?? 0)), ("builtFromOffset", .integer(last?.offset ?? 0)),
            ("builtFromLength", .integer(last?.line.count ?? 0)), ("builtAt", .string(Timestamp.now().iso8601)), ("asOf", AsOf.json(limit)),
            ("asOfDay", .string(today.description)),
            ("counts", .object([
                ("guides", .integer(guides)), ("catalogues", .integer(scopes.count)), ("auditRows", .integer(audit.rows.count)),
                ("records", .integer(state.records.count)),
            ])),
        ])
        try write("manifest.json", JSONWriter.bytes(manifest) + [0x0A])
        let from = head?.anchor ?? (limit == nil ? "an empty log" : "nothing (no batch had been recorded by then)")
        Terminal.out("rebuilt \(out) from \(from): \(guides) guides, \(scopes.count) catalogues, progress, funnel, \(audit.rows.count) audit rows")
    }
}
