#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

extension Ed25519 {
    static let randomSourcePath = "/dev/urandom"

    /// 32 bytes from /dev/urandom, the kernel's generator (it blocks only until first seeded, on
    /// Linux ≥ 5.6 not at all after boot). Throws `Ed25519Error.randomUnavailable` naming the
    /// path and `strerror` if the device cannot be opened or ends early; never returns fewer bytes.
    public static func randomSeed() throws -> [UInt8] {
        let path = randomSourcePath
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw Ed25519Error.randomUnavailable(path: path, message: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var seed = [UInt8](repeating: 0, count: seedByteCount)
        var done = 0
        try seed.withUnsafeMutableBytes { buffer in
            while done < buffer.count {
                let n = read(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Ed25519Error.randomUnavailable(path: path, message: String(cString: strerror(errno)))
                }
                if n == 0 {
                    throw Ed25519Error.randomUnavailable(path: path, message: "it ended after \(done) bytes")
                }
                done += n
            }
        }
        return seed
    }
}
