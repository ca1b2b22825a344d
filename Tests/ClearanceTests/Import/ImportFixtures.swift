import EventLog
import Foundation

@testable import Clearance

/// The real sample export and the seed city's reference data that imports are checked against.
enum ImportFixtures {
    static func packageRoot(filePath: String = #filePath) -> URL {
        var root = URL(fileURLWithPath: filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root
    }

    /// `../shared/samples/records-office-export.csv`: GB18030, CRLF, Chinese headers.
    static func sampleBytes() throws -> [UInt8] {
        let url = packageRoot().deletingLastPathComponent().appendingPathComponent("shared/samples/records-office-export.csv")
        return Array(try Data(contentsOf: url))
    }

    static func seedJSON(_ file: String) throws -> JSONValue {
        let data = try Data(contentsOf: packageRoot().appendingPathComponent("seeds/chengdu-2007/" + file))
        return try JSONParser.parse(Array(data))
    }

    /// Each basis of exemptions.json by its id, its Chinese label and its English label.
    static func exemptionBases() throws -> [String: String] {
        var table: [String: String] = [:]
        for basis in try seedJSON("exemptions.json")["exemptions"]?.arrayValue ?? [] {
            guard let id = basis["id"]?.stringValue else { continue }
            table[id] = id
            for label in ["zh", "en"] { if let text = basis[label]?.stringValue { table[text] = id } }
        }
        return table
    }

    /// The 23 key item ids of scheme.json.
    static func keyItems() throws -> Set<String> {
        Set((try seedJSON("scheme.json")["keyItems"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
    }

    /// Decodes, reads and checks `bytes` as the import does.
    static func importSheet(_ bytes: [UInt8]) throws -> (encoding: String, rows: [RecordImportRow], problems: [ImportProblem]) {
        let (text, encoding) = try TextDecoding.decode(bytes)
        let table = try CSVReader().read(text)
        let result = RecordSheet.rows(from: table, exemptionBases: try exemptionBases(), keyItems: try keyItems())
        return (encoding, result.rows, result.problems)
    }
}
