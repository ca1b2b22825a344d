import EventLog
import Foundation

/// What no rebuild on this machine can go below, measured on the same log: the chain check alone
/// (every line hashed, both vCPUs, as a rebuild does first) and the kernel taking in as many bytes
/// as the rebuild wrote, with nothing computed. They bound the rebuild's speed from above.
enum RebuildFloor {
    /// The total size of the files under `folder` and of `extra` files.
    static func bytesWritten(under folder: String, plus extra: [String]) -> Int {
        let fm = FileManager.default
        let inFolder = (fm.enumerator(atPath: folder)?.allObjects as? [String] ?? []).map { "\(folder)/\($0)" }
        return (inFolder + extra).reduce(0) { total, path in
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return total }
            return total + ((try? fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }

    /// Seconds to write `count` bytes into a new file at `path` in pieces of 1 MiB (unsynced, as the
    /// rebuild's pages are). The caller removes the file.
    static func secondsToWrite(_ count: Int, at path: String) throws -> Double {
        let piece = [UInt8](repeating: 0x20, count: 1 << 20)
        let started = MonotonicClock.now()
        try OutputFile.write(path, sync: false) { emit in
            var left = count
            while left > 0 {
                try emit(left >= piece.count ? piece : Array(piece[..<left]))
                left -= piece.count
            }
        }
        return MonotonicClock.seconds(since: started)
    }
}
