import Foundation
import Testing

/// LibreOffice headless, for the tests that have it open the workbooks the project writes.
public enum LibreOffice {
    public static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/soffice" } + ["/usr/lib/libreoffice/program/soffice"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var succeeded: Bool { status == 0 }
    }

    /// Runs `executable` to the end or until `timeout`, when it is terminated and reported as failed.
    public static func run(_ executable: String, _ arguments: [String], in folder: TemporaryDirectory, timeout: Duration) async throws
        -> Outcome
    {
        try folder.write("soffice.log", [])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.file("soffice.log")))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            process.terminate()
        }
        process.waitUntilExit()
        let output = String(decoding: (try? folder.read("soffice.log")) ?? [], as: UTF8.self)
        return Outcome(
            status: timedOut ? -1 : process.terminationStatus,
            output: (timedOut ? "timed out after \(timeout); " : "") + output)
    }
}

/// A CSV reader for what LibreOffice writes: RFC 4180 quoting, LF or CRLF record ends.
public enum CSVRecords {
    public struct Field: Equatable, Sendable, CustomStringConvertible {
        public var text: String
        public init(text: String, quoted: Bool) { (self.text, self.quoted) = (text, quoted) }
        /// Whether the field was in quotes: with "quote all text cells", whether it was a text cell.
        public var quoted: Bool
        public var description: String { quoted ? "\"\(text)\"" : text }
    }

    public static func parse(_ bytes: [UInt8]) -> [[Field]] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var records: [[Field]] = []
        var record: [Field] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        var index = 0
        func endField() {
            record.append(Field(text: String(decoding: field, as: UTF8.self), quoted: wasQuoted))
            field = []
            wasQuoted = false
        }
        while index < body.count {
            let byte = body[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < body.count && body[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
                wasQuoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && index < body.count && body[index] == 0x0A { index += 1 }
                endField()
                records.append(record)
                record = []
            } else {
                field.append(byte)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}

extension LibreOffice {
    /// Comma, double quote, UTF-8 (76), from line 1, every text cell quoted (so that the CSV tells a
    /// text cell from a number), values as stored rather than as shown, no formulas, and (LibreOffice
    /// 7.2 and later) every sheet to its own file.
    public static let csvFilter = #"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"#

    /// Has LibreOffice convert `workbook` (a file in `folder`) and returns each sheet's records as it
    /// read them, by sheet name; records an issue and returns nil when it is missing or fails.
    public static func sheets(of workbook: String, in folder: TemporaryDirectory, names: [String]) async throws -> [String: [[CSVRecords.Field]]]? {
        guard let soffice = executable() else {
            Issue.record("soffice (LibreOffice) was not found on PATH or in /usr/lib/libreoffice/program: install libreoffice-calc-nogui (.ci/run does)")
            return nil
        }
        let converted = try await run(
            soffice,
            [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", csvFilter, "--outdir", folder.file("out"), folder.file(workbook),
            ], in: folder, timeout: .seconds(300))
        guard converted.succeeded else {
            Issue.record("soffice failed to convert \(workbook) (\(converted.status)): \(converted.output)")
            return nil
        }
        let stem = (workbook as NSString).deletingPathExtension
        var out: [String: [[CSVRecords.Field]]] = [:]
        for name in names {
            guard let csv = try? folder.read("out/\(stem)-\(name).csv") else {
                let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.file("out"))) ?? []
                Issue.record("LibreOffice wrote \(written.sorted()), not \(stem)-\(name).csv: \(converted.output)")
                continue
            }
            out[name] = CSVRecords.parse(csv)
        }
        return out
    }
}
