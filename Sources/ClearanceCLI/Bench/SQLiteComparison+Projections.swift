import Foundation

extension SQLiteComparison {
    /// The projections' work done by `sqlite3` on the same log: load every line, extracting the
    /// fields a projection groups by (type, actor, unit, record) into an indexed table; then the
    /// aggregation behind the progress and funnel views (a count per unit and type over every entry);
    /// then one unit's publications, as a catalogue needs them.
    static func projections(program: String, logPath: String, entries: Int, unit: String, directory: String) throws -> [LogBenchmark.Row] {
        let database = directory + "/projections.sqlite"
        try? FileManager.default.removeItem(atPath: database)
        func script(_ name: String, _ text: String) throws -> String {
            let path = directory + "/" + name
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return path
        }
        // ASCII mode with a newline as the row separator: a JSON line holds no 0x1F, so it is one column.
        let load = try script("load.sql", """
            .mode ascii
            .separator "\\037" "\\n"
            CREATE TABLE lines(line TEXT);
            .import \(logPath) lines
            CREATE TABLE events AS SELECT json_extract(line, '$.seq') AS seq, json_extract(line, '$.type') AS type,
              json_extract(line, '$.actor') AS actor, coalesce(json_extract(line, '$.data.unit'), '') AS unit,
              json_extract(line, '$.data.record') AS record, json_extract(line, '$.data') AS data FROM lines;
            DROP TABLE lines;
            CREATE INDEX events_record ON events(record);
            CREATE INDEX events_unit ON events(unit, type);

            """)
        let loadSeconds = try time(program, database, load)
        let group = try script("group.sql", "SELECT unit, type, count(*) FROM events GROUP BY unit, type;\n")
        let groupSeconds = try time(program, database, group)
        let catalogue = try script("catalogue.sql", """
            SELECT r.data FROM events p JOIN events r ON r.record = p.record AND r.type = 'record.registered'
              WHERE p.type = 'record.published' AND r.unit = '\(unit)';

            """)
        let catalogueSeconds = try time(program, database, catalogue)
        return [
            LogBenchmark.Row(
                name: "sqlite3: load the log, extract, index", value: "\(Format.grouped(Int(Double(entries) / loadSeconds))) entries/s",
                detail: "\(Format.decimal(loadSeconds, 1)) s: .import of the JSON lines, json_extract of type, actor, unit, record, two indexes",
                comparable: .init(key: "load every entry (clearance: full rebuild of every projection)", number: Double(entries) / loadSeconds, higherIsBetter: true)),
            LogBenchmark.Row(
                name: "sqlite3: GROUP BY unit, type over every entry", value: "\(Format.decimal(groupSeconds * 1000, 0)) ms",
                detail: "what progress and the funnel count, process start included",
                comparable: .init(key: "count per unit over every entry (clearance: progress, warm)", number: groupSeconds * 1000, higherIsBetter: false)),
            LogBenchmark.Row(
                name: "sqlite3: one unit's publications", value: "\(Format.decimal(catalogueSeconds * 1000, 1)) ms",
                detail: "registrations joined to publications through the indexes, process start included",
                comparable: .init(key: "one unit's catalogue (clearance: catalogue, warm)", number: catalogueSeconds * 1000, higherIsBetter: false)),
        ]
    }
}
