/// Writes the catalogues of many scopes as .csv, .json and .html files, from rows gathered once.
///
/// A record is listed in its unit's, its tier's and its district's catalogues. Each run of a unit's
/// entries (the whole unit, in practice: see `CatalogueRows.Run`) is rendered once per format, and
/// the same bytes go into every catalogue that lists the unit; catalogues are written as the runs
/// come, in index-number order. So a city's catalogues cost one rendering of each record per format,
/// and memory for one run and a small buffer per open file, not for whole catalogues. The three
/// formats are made together, so a record's text is fetched from memory once, not once per format.
public enum CatalogueFiles {
    /// Writes `scopes` into `folder` as `NAME.csv`, `NAME.json` and `NAME.html`. Of scopes with the
    /// same name, the last one's files are written (as writing them in turn would leave them).
    /// Like the audit trail, the files are not synced: they can always be made again from the log.
    ///
    /// Throws on the first file that cannot be written; files written until then stay.
    public static func write(_ scopes: [CatalogueScope], of rows: CatalogueRows, into folder: String) throws {
        var last: [String: Int] = [:]
        for (index, scope) in scopes.enumerated() { last[scope.name] = index }
        let scopes = scopes.indices.filter { last[scopes[$0].name] == $0 }.map { scopes[$0] }
        func open(_ scope: CatalogueScope) throws -> [CatalogueFile] {
            try CatalogueFormat.allCases.map {
                try CatalogueFile(path: "\(folder)/\(scope.name).\($0.rawValue)", format: $0, title: scope.title)
            }
        }
        func finish(_ files: [CatalogueFile], _ scope: CatalogueScope) throws {
            for unit in scope.units.sorted() {
                for title in rows.units[unit]?.onRequest ?? [] {
                    for file in files { try file.append(onRequest: unit, title: title) }
                }
            }
            for file in files { try file.finish() }
        }

        // A catalogue of one unit is written whole when the unit's run comes. Catalogues of several
        // units (tiers and districts: a few dozen) stay open until their last run has come.
        var single: [String: [Int]] = [:]
        var several: [String: [Int]] = [:]
        for (index, scope) in scopes.enumerated() {
            if scope.units.count == 1 {
                single[scope.units.first!, default: []].append(index)
            } else {
                for unit in scope.units { several[unit, default: []].append(index) }
            }
        }
        let runs = rows.runs(ofUnits: rows.units.keys)
        var runsLeft = [Int](repeating: 0, count: scopes.count)
        for run in runs {
            for index in several[run.unit] ?? [] { runsLeft[index] += 1 }
        }
        var done = [Bool](repeating: false, count: scopes.count)
        var writing: [Int: [CatalogueFile]] = [:]
        var rendered = [[UInt8]](repeating: [], count: CatalogueFormat.allCases.count)
        for run in runs {
            let whole = run.range == rows.units[run.unit]?.entries.indices ? single[run.unit] ?? [] : []
            let shared = several[run.unit] ?? []
            if whole.isEmpty && shared.isEmpty { continue }
            rows.entries(of: run).withUnsafeBufferPointer { entries in
                for (slot, format) in CatalogueFormat.allCases.enumerated() {
                    rendered[slot].removeAll(keepingCapacity: true)
                    for index in entries.indices { format.appendEntry(entries[index], to: &rendered[slot]) }
                }
            }
            for index in whole {
                let files = try open(scopes[index])
                for (slot, file) in files.enumerated() { try file.append(rendered: rendered[slot]) }
                try finish(files, scopes[index])
                done[index] = true
            }
            for index in shared {
                let files = try writing[index] ?? open(scopes[index])
                for (slot, file) in files.enumerated() { try file.append(rendered: rendered[slot]) }
                runsLeft[index] -= 1
                if runsLeft[index] == 0 {
                    try finish(files, scopes[index])
                    writing[index] = nil
                    done[index] = true
                } else {
                    writing[index] = files
                }
            }
        }
        // Catalogues without entries, and those of a unit whose entries came in several runs.
        for (index, scope) in scopes.enumerated() where !done[index] {
            let files = try open(scope)
            let entries = rows.entries(ofUnits: scope.units)
            for file in files { try file.append(entries) }
            try finish(files, scope)
        }
    }
}
