import EventLog
import Foundation

/// Where an actor's private key lives: one file per actor in a folder only its owner may read
/// (`$CLEARANCE_KEYS`, else `~/.config/clearance/keys`). A key file holds the 32-byte Ed25519
/// seed as 64 hex digits; it is created with mode 0600 and refused when others may read it, as ssh
/// refuses a private key that is not private. Keys never enter the log; their public halves do.
struct KeyFolder {
    let path: String

    init(environment: [String: String]) {
        if let folder = environment["CLEARANCE_KEYS"], !folder.isEmpty {
            path = folder
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            path = home + "/.config/clearance/keys"
        }
    }

    func file(for actor: String) -> String { path + "/" + actor + ".key" }

    /// Creates a new key for `actor`; refuses when one is already there (a key is never overwritten).
    func create(for actor: String) throws -> Ed25519.PrivateKey {
        try makePrivateFolder()
        let file = file(for: actor)
        let seed = try Ed25519.randomSeed()
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw CommandFailure("\(file) already exists: a key is never overwritten (revoke it and remove the file first)") }
            throw CommandFailure("cannot create \(file): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let text = Array((seed.hex + "\n").utf8)
        guard write(fd, text, text.count) == text.count, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(file)
            throw CommandFailure("cannot write \(file): \(reason)")
        }
        return try Ed25519.PrivateKey(seed: seed)
    }

    /// The key of `actor`, or nil when it has no key file. Refuses a file others may read or write.
    func load(for actor: String) throws -> Ed25519.PrivateKey? {
        let file = file(for: actor)
        var info = stat()
        guard stat(file, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw CommandFailure("cannot read \(file): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CommandFailure("\(file) may be read by others (mode \(String(info.st_mode & 0o777, radix: 8))): a private key must be private; chmod 600 it, or revoke the key if others may have read it")
        }
        guard info.st_uid == geteuid() else {
            throw CommandFailure("\(file) belongs to another account (uid \(info.st_uid)): a key is used only by its owner")
        }
        guard let data = FileManager.default.contents(atPath: file),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
            let seed = [UInt8](hex: text), seed.count == 32
        else { throw CommandFailure("\(file) does not hold a key (64 hex digits)") }
        return try Ed25519.PrivateKey(seed: seed)
    }

    private func makePrivateFolder() throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST {
                throw CommandFailure("cannot create \(built): \(String(cString: strerror(errno)))")
            }
        }
    }
}
