import EventLog
import Foundation

/// Log lines written by hand from docs/log-format.md, as someone without `clearance` writes them: the
/// bytes laid out as the spec says and the hash the SHA-256 of the line before `,"hash":`. None of
/// the writer's rules stands in the way.
enum HandWrittenLine {
    static func make(seq: Int, batchEnd: Int, prev: String, type: String = "x.note", data: String) -> [UInt8] {
        let hashed = Array(
            (#"{"seq":\#(seq),"id":"hand-\#(seq)","recorded":"2007-10-09T01:00:00.000Z","actor":"office.chen","type":"\#(type)","data":"#
                + data + #","batchEnd":\#(batchEnd),"prev":"\#(prev)""#).utf8)
        return hashed + Array(#","hash":"\#(SHA256.hash(hashed).hex)"}"#.utf8)
    }

    /// The hash a line carries (its last 64 hex digits).
    static func hash(of line: some Collection<UInt8>) -> String { String(decoding: line.suffix(66).prefix(64), as: UTF8.self) }
}

extension CLITestCase {
    /// The seq and hash of the log's last line, and the file's length (where a next line would start).
    func head() throws -> (seq: Int, hash: String, end: Int) {
        let bytes = try logBytes()
        let last = bytes.dropLast().split(separator: 0x0A).last!
        let seq = Int(String(decoding: last.dropFirst(#"{"seq":"#.utf8.count).prefix { $0 != UInt8(ascii: ",") }, as: UTF8.self))!
        return (seq, HandWrittenLine.hash(of: last), bytes.count)
    }

    /// Runs docs/tools/verify-log.py on the log.
    func runPythonVerifier() throws -> (status: Int32, stdout: String, stderr: String) {
        try TestSupportPython(script: packageRoot().appendingPathComponent("docs/tools/verify-log.py").path).run(logPath)
    }
}
