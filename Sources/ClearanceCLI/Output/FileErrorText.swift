import Foundation

/// A Foundation file error as one line a user can act on: what could not be done to which file, and
/// why (`cannot write projections/guides/cd.md: Is a directory`), instead of its `NSError` dump.
enum FileErrorText {
    static func line(_ error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path ?? "a file"
        // Foundation numbers its file-reading errors below 512 and its file-writing ones from 512 to 1023.
        let verb = switch error.code.rawValue {
        case ..<512: "cannot read"
        case 512..<1024: "cannot write"
        default: "cannot use"
        }
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        let reason =
            underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
            ?? "error \(error.code.rawValue)"
        return "\(verb) \(path): \(reason)"
    }
}
