// libFuzzer target for the spreadsheet import (Tests/Fuzz/run.sh csv): encoding detection
// (`TextDecoding`: UTF-8, UTF-8 with BOM, GB18030), `CSVReader`, then `RecordSheet` against the
// built-in seed's exemption bases and key items, as `clearance import` reads a file.
import Clearance
import EventLog

/// The seed city's reference data, read once from the seeds the binary carries.
let reference: (bases: [String: String], keyItems: Set<String>) = {
    do {
        let seed = try SeedFolder(path: "chengdu-2007")
        var bases: [String: String] = [:]
        for basis in try seed.read("exemptions.json")["exemptions"]?.arrayValue ?? [] {
            guard let id = basis["id"]?.stringValue else { continue }
            bases[id] = id
            for label in ["zh", "en"] { if let text = basis[label]?.stringValue { bases[text] = id } }
        }
        let keyItems = Set((try seed.read("scheme.json")["keyItems"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
        return (bases, keyItems)
    } catch {
        fatalError("cannot read the built-in seed: \(error)")
    }
}()

/// Small limits, so that inputs of a few kilobytes reach every limit check.
let tightReader = CSVReader(maxFieldBytes: 32, maxFields: 6, maxRows: 8)

/// Any bytes: decoding and reading either throw `ImportError` or give a table; a table gives rows
/// and problems, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text: String
    do { (text, _) = try TextDecoding.decode(bytes) } catch is ImportError { return 0 } catch {
        fatalError("TextDecoding threw something other than ImportError: \(error)")
    }
    for reader in [CSVReader(), tightReader] {
        let table: CSVTable
        do { table = try reader.read(text) } catch let error as ImportError {
            _ = error.description
            continue
        } catch {
            fatalError("CSVReader threw something other than ImportError: \(error)")
        }
        precondition(table.rows.count <= reader.maxRows && table.header.count <= reader.maxFields)
        let (rows, problems) = RecordSheet.rows(from: table, exemptionBases: reference.bases, keyItems: reference.keyItems)
        _ = rows.count + problems.count
    }
    return 0
}
