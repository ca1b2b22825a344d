import Foundation

extension CocoaError {
    /// Runs `body`, and gives a Foundation file error it throws the path it was about when it names
    /// none: `FileHandle` does not know its path, so a full disk would read "cannot write a file".
    public static func naming<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch let error as CocoaError where error.filePath == nil && error.url == nil {
            var info = error.userInfo
            info[NSFilePathErrorKey] = path
            throw CocoaError(error.code, userInfo: info)
        }
    }
}
