import Clearance
import Foundation

/// The account the kernel says this process runs as: the identity a log binding actors checks.
enum OSAccount {
    /// The effective user's account name (or `uid:N` when it has none in the password database).
    static func current() -> Trust.Identity { Trust.Identity(kind: .osAccount, name: name(of: geteuid())) }

    static func name(of uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid:\(uid)" }
        return String(cString: name)
    }
}
