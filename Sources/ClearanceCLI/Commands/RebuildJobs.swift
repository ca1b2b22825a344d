import Dispatch
import Foundation

/// The writers a rebuild runs once the state is folded, on as many threads as the machine has.
enum RebuildJobs {
    typealias Job = @Sendable () throws -> [String]

    /// Runs every job, each taken by the next free thread in the order given (so put the longest
    /// first), and returns the paths they wrote, in job order. If any job fails, the others still
    /// finish (no file is left half written) and the first failure in job order is thrown.
    static func run(_ jobs: [Job]) throws -> [String] {
        let results = Results(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results.set(index, Result { try jobs[index]() })
        }
        return try results.all().flatMap { try $0.get() }
    }

    /// Each job's result, set from its own thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<[String], any Error>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<[String], any Error>) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        func all() -> [Result<[String], any Error>] {
            lock.lock()
            defer { lock.unlock() }
            return results.map { $0! }
        }
    }
}
