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
