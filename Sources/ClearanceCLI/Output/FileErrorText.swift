import Foundation

/// A Foundation file error as one line a user can act on: what could not be done to which file, and
/// why (`cannot write projections/guides/cd.md: Is a directory`), instead of its `NSError` dump.
enum FileErrorText {
    static func line(_ error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path ?? "a file"
        // Foundation numbers write errors from 512 and read errors from 256.
        let verb = error.code.rawValue >= 512 ? "cannot write" : "cannot read"
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        let reason =
            underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
            ?? "error \(error.code.rawValue)"
        return "\(verb) \(path): \(reason)"
    }
}
