import Clearance
import EventLog
import Foundation
import Projections

/// `clearance rebuild`: writes every projection from the log into a folder, with a manifest.
enum RebuildCommand {
    static let spec = CommandSpec(
        name: "rebuild",
        summary: "write the projections (guides, catalogues, progress, audit trail) from the log into a folder, with a manifest",
        options: [.value("--out", "DIR", "where to write (default ./projections)")],
        discussion: """
            Writes guides/UNIT.md and .html for every unit with a profile or a norm; catalogues/UNIT, tier-N and
            DISTRICT as .csv, .json and .html; progress.json; funnel.json; audit.csv; and manifest.json naming the log
            anchor the files were built from, the time, and the count of each. A later rebuild starts from the
            state snapshot and appends to audit.csv only the entries after the manifest's; if that entry is no
            longer in the log as it was, it says HISTORY WAS REWRITTEN and rebuilds everything.
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let out = arguments.value("--out") ?? "projections"
        let reader = try LogReader(directory: context.logDirectory)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // The audit trail goes on from the last rebuild's entry if that entry is still in the log,
        // unchanged, and the trail is as that rebuild left it; if the entry changed, history was rewritten.
        var auditFrom = 0
        var auditKeep = 0
        if let previous = FileManager.default.contents(atPath: "\(out)/manifest.json"),
            let manifest = try? JSONParser.parse(Array(previous)), let anchor = manifest["builtFrom"]?.stringValue,
            let seq = manifest["builtFromSeq"]?.intValue, let offset = manifest["builtFromOffset"]?.intValue,
            let length = manifest["builtFromLength"]?.intValue, !anchor.isEmpty
        {
            let line = try reader.bytes(at: offset, length: length)
            let entry = try line.map { try $0.withUnsafeBytes { try LogEntry(line: $0, offset: offset) } }
            if entry?.seq != seq || "\(seq):\(entry?.hashHex ?? "")" != anchor {
                Terminal.note("WARNING: HISTORY WAS REWRITTEN: the projections in \(out) were built from \(anchor), which the log no longer holds; rebuilding everything from the start")
            } else if let bytes = manifest["auditBytes"]?.intValue, bytes > 0,
                (try? FileManager.default.attributesOfItem(atPath: "\(out)/audit.csv")[.size] as? Int) == bytes
            {
                (auditFrom, auditKeep) = (seq, bytes)
            }
        }
        // The checkpoint is the state snapshot the last rebuild left beside the log, at its entry.
        var state = ClearanceState()
        var start = 0
        if auditFrom > 0, let checkpoint = StateSnapshot.load(in: context.logDirectory, named: StateSnapshot.checkpointName, matching: reader), checkpoint.state.seq == auditFrom {
            (state, start) = (checkpoint.state, checkpoint.resumeAt)
        } else {
            (auditFrom, auditKeep) = (0, 0)
        }
        let audit = try AuditFile(path: "\(out)/audit.csv", keeping: auditKeep)
        var auditRows = 0
        var last: LogEntry?
        // Folding a long log shows a bar with entries/s on a terminal, and nothing in a pipe.
        var bar = ProgressBar(label: "folding the log", total: reader.tail.head?.seq ?? 0)
        try reader.forEachEntry(from: start) { entry in
            if let row = try AuditTrail.row(folding: entry, into: &state, filter: AuditTrail.Filter()) {
                try audit.write(row)
                auditRows += 1
            }
            last = entry
            if entry.seq % 10_000 == 0 { bar.update(entry.seq) }
            return true
        }
        let auditBytes = try audit.close()
        bar.finish()
        if let last { try StateSnapshot.write(state, at: last, in: context.logDirectory, named: StateSnapshot.checkpointName) }
        let head = reader.tail.head
        let anchor = try last ?? reader.lastEntry()
        let today = try ClearanceService(directory: context.logDirectory).today()
        let fm = FileManager.default
        for folder in ["guides", "catalogues"] { try fm.createDirectory(atPath: "\(out)/\(folder)", withIntermediateDirectories: true) }
        func write(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: "\(out)/\(path)")) }

        var guides = 0
        for unit in state.reference.unitOrder where state.profiles[unit] != nil || state.norms[unit] != nil {
            let guide = GuideProjection(unit: unit, state: state, on: today)
            try write("guides/\(unit).md", Array(guide.markdown.utf8))
            try write("guides/\(unit).html", Array(guide.html.utf8))
            guides += 1
        }
        // Catalogues of every unit with records, of each tier, and of each district.
        var withRecords: Set<String> = []
        state.records.forEach(inUnits: nil) { withRecords.insert($0.registration.unit) }
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
        try write("funnel.json", JSONWriter.bytes(FunnelProjection(state: state, units: allUnits, on: today).json) + [0x0A])
        let manifest = JSONValue.object([
            ("builtFrom", .string(head?.anchor ?? "")),
            ("builtFromSeq", .integer(anchor?.seq ?? 0)), ("builtFromOffset", .integer(anchor?.offset ?? 0)),
            ("builtFromLength", .integer(anchor?.line.count ?? 0)), ("builtAt", .string(Timestamp.now().iso8601)), ("asOfDay", .string(today.description)),
            ("auditBytes", .integer(auditBytes)),
            ("counts", .object([
                ("guides", .integer(guides)), ("catalogues", .integer(scopes.count)), ("auditRowsAdded", .integer(auditRows)),
                ("records", .integer(state.records.count)),
            ])),
        ])
        try write("manifest.json", JSONWriter.bytes(manifest) + [0x0A])
        Terminal.out("rebuilt \(out) from \(head?.anchor ?? "an empty log"): \(guides) guides, \(scopes.count) catalogues, progress, \(auditRows) audit rows \(auditFrom > 0 ? "added after seq \(auditFrom)" : "written")")
    }
}
