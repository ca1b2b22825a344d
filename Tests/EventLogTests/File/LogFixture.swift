import Foundation
import TestSupport

@testable import EventLog

/// A small log in a temporary directory, built the same way every time (simulated clock).
struct LogFixture {
    let directory = TemporaryDirectory("eventlog")
    var path: String { LogFile.path(in: directory.path) }

    /// Creates the log and appends `batches` (sizes), each entry with a little Chinese text.
    @discardableResult
    init(batches: [Int] = [2, 1, 3], start: String = "2007-10-08T09:00:00Z") throws {
        let (log, _) = try LogFile.create(in: directory.path, actor: "office.chen", clock: .simulated(start: Timestamp(parsing: start)!))
        var n = 0
        for size in batches {
            _ = try log.append((0..<size).map { _ in
                n += 1
                return NewEntry(actor: "clerk.wang", type: "record.registered", data: .object([
                    ("n", .integer(n)), ("title", .string("关于第\(n)号记录的通知")),
                ]))
            })
        }
    }

    func bytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// Byte offsets where each line starts, plus the file's end.
    func lineStarts() throws -> [Int] {
        let all = try bytes()
        return [0] + all.indices.filter { all[$0] == 0x0A }.map { $0 + 1 }
    }

    func lines() throws -> [[UInt8]] {
        try bytes().split(separator: 0x0A).map(Array.init)
    }

    func verify(anchor: LogVerifier.Anchor? = nil) throws -> LogVerifier.Report {
        try LogVerifier.verify(directory: directory.path, anchor: anchor)
    }

    /// The `.corrupt` error verify throws, or nil if the log verified.
    func verifyFailure(anchor: LogVerifier.Anchor? = nil) -> (seq: Int?, offset: Int, reason: String)? {
        do {
            _ = try verify(anchor: anchor)
            return nil
        } catch EventLogError.corrupt(let seq, let offset, let reason) {
            return (seq, offset, reason)
        } catch {
            return (nil, -1, "\(error)")
        }
    }
}

/// Lines as someone without our writer makes them: bytes laid out as docs/log-format.md says, each
/// hash the SHA-256 of the line without its last 75 bytes. No rule of the writer stands in the way.
enum ForgedLines {
    static func line(seq: Int, batchEnd: Int, prev: String, type: String = "x.note", data: String) -> [UInt8] {
        let head = #"{"seq":\#(seq),"id":"forged-\#(seq)","recorded":"2007-10-08T09:00:00.000Z","actor":"mallory","type":"\#(type)","data":"#
        return sealed(Array(head.utf8) + Array(data.utf8) + Array(#","batchEnd":\#(batchEnd),"prev":"\#(prev)""#.utf8))
    }

    /// `line` with its `data` replaced; prev and hash are left for `rechained`.
    static func replacingData(of line: [UInt8], with data: String) -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        let start = text.range(of: #""data":"#)!.upperBound
        let end = text.range(of: #","batchEnd":"#, options: .backwards)!.lowerBound
        return Array(text.replacingCharacters(in: start..<end, with: data).utf8)
    }

    /// `lines` with every prev and hash recomputed in order, so that the chain holds again.
    static func rechained(_ lines: [[UInt8]]) -> [[UInt8]] {
        var prev = String(repeating: "0", count: 64)
        return lines.map { line in
            let sealedLine = sealed(Array(line[..<(line.count - 140)]) + Array(prev.utf8) + [UInt8(ascii: "\"")])
            prev = hash(of: sealedLine)
            return sealedLine
        }
    }

    /// The hash a line carries.
    static func hash(of line: [UInt8]) -> String { String(decoding: line[(line.count - 66)..<(line.count - 2)], as: UTF8.self) }

    /// Appends `,"hash":"<SHA-256 of the bytes so far>"}`.
    private static func sealed(_ hashed: [UInt8]) -> [UInt8] {
        hashed + Array(#","hash":"\#(SHA256.hash(hashed).hex)"}"#.utf8)
    }
}
