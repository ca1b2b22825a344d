import Foundation

extension FileHandle {
    /// `count` bytes at `offset` (fewer at the end of the file if `orFewer`), read straight into an
    /// array: no seek, so no state is shared between reads; nil if the file is shorter (or a read fails).
    func bytes(at offset: Int, count: Int, orFewer: Bool = false) -> [UInt8]? {
        guard count >= 0 else { return nil }
        let descriptor = fileDescriptor
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let got = pread(descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                initialized += got
            }
            failed = initialized < count && !orFewer
        }
        return failed ? nil : bytes
    }
}
