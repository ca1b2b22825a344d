// libFuzzer target for the log reader (Tests/Fuzz/run.sh log): `EntryFrame` and `LogEntry` on every
// line, then the input as a whole `events.jsonl`, opened with `LogReader` (the tail inspection),
// read entry by entry, and checked with `LogVerifier`.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import EventLog

/// One folder per process, its `events.jsonl` rewritten for each input; in /dev/shm when there is one.
let directory: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    var template = Array("\(base)/clearance-fuzz-log.XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed: errno \(errno)") }
    return String(cString: made)
}()

/// The first byte chooses the mode, the rest is the file. Odd: every line long enough to have a
/// frame gets the hash of its bytes and the previous line's hash as `prev` (64 zeros for the
/// first), so that mutated lines reach the checks after the hash; even: the bytes as they are.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    var file = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if data[0] & 1 == 1 { rehash(&file) }

    // Line by line, as the reader decodes them.
    var offset = 0
    for line in file.split(separator: 0x0A, omittingEmptySubsequences: false) {
        line.withUnsafeBytes { raw in
            if let frame = try? EntryFrame(line: raw) { _ = frame.hashMatches(in: raw) }
            if let entry = try? LogEntry(line: raw, offset: offset) {
                _ = try? entry.data()
                _ = (entry.hashHex, entry.prevHex, entry.text, entry.contentBytes.count)
            }
        }
        offset += line.count + 1
    }

    // The whole file, as `clearance` opens it.
    writeFile(file, to: directory + "/events.jsonl")
    if let reader = try? LogReader(directory: directory) {
        precondition(reader.tail.committedEnd <= file.count)
        try? reader.forEachEntry { entry in
            _ = try? entry.data()
            return true
        }
        _ = try? reader.lastEntry()
        _ = try? reader.header()
        _ = try? reader.bytes(at: 0, length: min(16, reader.tail.committedEnd))
    }
    _ = try? LogVerifier.verify(directory: directory, threads: 1)
    return 0
}

/// Rewrites `prev` and `hash` of every line of 149 bytes or more (a frame's fixed tail) in place.
func rehash(_ file: inout [UInt8]) {
    var prev = EntryFormat.zeroHash
    var start = 0
    while start < file.count {
        let end = file[start...].firstIndex(of: 0x0A) ?? file.count
        let n = end - start
        if n >= 149 {
            file.replaceSubrange((end - 140)..<(end - 76), with: prev)
            let digest = file.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[start..<(end - 75)])) }
            prev = Array(digest.hex.utf8)
            file.replaceSubrange((end - 66)..<(end - 2), with: prev)
        }
        start = end + 1
    }
}

func writeFile(_ bytes: [UInt8], to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fatalError("cannot write \(path): errno \(errno)") }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let wrote = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
        guard wrote > 0 else { fatalError("cannot write \(path): errno \(errno)") }
        done += wrote
    }
}
