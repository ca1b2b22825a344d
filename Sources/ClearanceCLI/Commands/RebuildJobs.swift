import Dispatch
import Foundation

/// The writers a rebuild runs once the state is folded: lanes side by side, each lane's jobs one
/// after another.
enum RebuildJobs {
    typealias Job = @Sendable () throws -> [String]

    /// Runs every lane on its own thread and returns the paths the jobs wrote, lane by lane. If a job
    /// fails, the rest still run (no file is left half written) and the first failure, in lane and
    /// job order, is thrown.
    static func run(lanes: [[Job]]) throws -> [String] {
        let results = Results(count: lanes.count)
        DispatchQueue.concurrentPerform(iterations: lanes.count) { lane in
            results.set(lane, lanes[lane].map { job in Result { try job() } })
        }
        return try results.all().flatMap { try $0.flatMap { try $0.get() } }
    }

    /// Each lane's results, set from its own thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [[Result<[String], any Error>]]

        init(count: Int) { results = Array(repeating: [], count: count) }

        func set(_ lane: Int, _ laneResults: [Result<[String], any Error>]) {
            lock.lock()
            results[lane] = laneResults
            lock.unlock()
        }

        func all() -> [[Result<[String], any Error>]] {
            lock.lock()
            defer { lock.unlock() }
            return results
        }
    }
}
