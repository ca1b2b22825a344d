import Foundation

/// Writes to stdout and stderr with plain `write(2)` calls, looping over short writes. Text goes
/// through `TerminalText` first: what a user typed cannot drive the terminal.
enum Terminal {
    static func out(_ text: String) { write(TerminalText.escape(Array((text + "\n").utf8)), to: 1) }

    static func error(_ message: String) { write(TerminalText.escape(Array(("error: " + message + "\n").utf8)), to: 2) }

    /// A remark on stderr that is not an error (recoveries, torn tails seen, progress).
    static func note(_ message: String) { write(TerminalText.escape(Array((message + "\n").utf8)), to: 2) }

    /// Bytes exactly as given: for the progress bar's own control sequences, and text already escaped.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    /// Whether stderr is a terminal (progress bars are drawn only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Whether stdout is a terminal.
    static let stdoutIsTerminal = isatty(1) == 1
}

/// Writes a command's document to `--out FILE` (saying so) or to stdout.
enum Document {
    static func emit(_ bytes: [UInt8], to path: String?, summary: String) throws {
        try emit(to: path, summary: summary) { write in try write(bytes) }
    }

    /// The same for a document handed over in pieces.
    static func emit(to path: String?, summary: String, _ content: (([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            var escaper = TerminalText()
            try content { Terminal.write(escaper.escape(piece: $0), to: 1) }
            Terminal.write(escaper.finish(), to: 1)
            return
        }
        try OutputFile.write(path, sync: true, content)
        Terminal.out("wrote \(path)\(summary.isEmpty ? "" : ": " + summary)")
    }
}

/// Collects output lines and writes them in large pieces: a million-line listing stays fast.
struct BufferedOutput {
    private var buffer: [UInt8] = []

    mutating func line(_ text: String) {
        buffer.append(contentsOf: TerminalText.escape(text).utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// A line of stored bytes (`log --json`): exactly as stored, as its hash covers them, unless stdout
    /// is a terminal, where it is escaped like any text.
    mutating func line(bytes: [UInt8]) {
        buffer.append(contentsOf: Terminal.stdoutIsTerminal ? TerminalText.escape(bytes) : bytes)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        Terminal.write(buffer, to: 1)
        buffer.removeAll(keepingCapacity: true)
    }
}
