import Foundation

/// Any error as one sentence a user can act on, never a type's dump (`FrameError(reason: …)`,
/// `Error Domain=NSCocoaErrorDomain Code=640`): the project's errors say what they are (every error type
/// of the sources is `CustomStringConvertible`, which `ErrorTextTests` checks); Foundation's file errors
/// name the file and the system's reason; anything else is named as unexpected, by its type.
enum ErrorText {
    static func line(_ error: any Error) -> String {
        switch error {
        case let error as CocoaError: return FileErrorText.line(error)
        case let error as POSIXError: return "a system call failed: \(String(cString: strerror(error.code.rawValue)))"
        default: break
        }
        // Foundation's own errors describe themselves as dumps: their localized words are better.
        if type(of: error) is NSError.Type { return "unexpected error: \((error as NSError).localizedDescription)" }
        return described(error) ?? "unexpected error of type \(type(of: error)) (a bug: please report it with the command that met it)"
    }

    /// The value's own description, if its type gives one. Generic, so that the check is made at run
    /// time for the value's type (with Foundation imported, every error would be taken as describable).
    private static func described<T>(_ value: T) -> String? {
        (value as? any CustomStringConvertible)?.description
    }
}
