import Dispatch
import EventLog
import Foundation

/// A log's entries, read and decoded on a second thread while the caller applies the ones before:
/// reading an entry and parsing its data is most of the cost of folding a long log, and needs no state.
/// The caller says what decoding is: at least `ClearanceState.decode`, and whatever else it can find
/// from the entry alone, so that the two threads share the work.
public enum DecodedLog {
    static let chunkEntries = 2048
    static let chunksAhead = 8

    /// Calls `body` on the calling thread with each entry from byte `start` on and what `decode` made
    /// of it on the reading thread, in order, until the end or until `body` returns false. An error on
    /// either side is thrown here, after the reading thread has stopped.
    public static func forEach<Decoded: Sendable>(
        in reader: LogReader, from start: Int = 0, decoding decode: @escaping @Sendable (LogEntry) throws -> Decoded,
        _ body: (LogEntry, Decoded) throws -> Bool
    ) throws {
        let handoff = Handoff<(LogEntry, Decoded)>()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { done.signal() }
            var chunk: [(LogEntry, Decoded)] = []
            chunk.reserveCapacity(chunkEntries)
            do {
                // Each chunk is handed over reversed and whole, so that the caller can take its items
                // off the end, moving them out instead of copying them.
                func handOver() -> Bool {
                    var full: [(LogEntry, Decoded)] = []
                    full.reserveCapacity(chunkEntries)
                    swap(&full, &chunk)
                    full.reverse()
                    return handoff.put(full)
                }
                try reader.forEachEntry(from: start) { entry in
                    chunk.append((entry, try decode(entry)))
                    return chunk.count < chunkEntries || handOver()
                }
                if !chunk.isEmpty { _ = handOver() }
                handoff.finish(nil)
            } catch {
                handoff.finish(error)
            }
        }
        defer {
            handoff.cancel()
            done.wait()
        }
        while var chunk = try handoff.take() {
            // Taken off the end of the reversed chunk: moved, not copied (copies of a city's entries
            // cost seconds of reference counting on this, the busier thread).
            while let (entry, decoded) = chunk.popLast() {
                guard try body(entry, decoded) else { return }
            }
        }
    }

    /// Chunks passed from the reading thread to the caller, a few at most waiting.
    private final class Handoff<Item>: @unchecked Sendable {
        private let condition = NSCondition()
        private var chunks: [[Item]] = []
        private var finished = false
        private var cancelled = false
        private var failure: (any Error)?

        /// False once the caller has stopped taking: the reader should stop too.
        func put(_ chunk: [Item]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while chunks.count >= DecodedLog.chunksAhead && !cancelled { condition.wait() }
            guard !cancelled else { return false }
            chunks.append(chunk)
            condition.broadcast()
            return true
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            (finished, failure) = (true, error)
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next chunk; nil at the end; the reader's error once every chunk before it was taken.
        func take() throws -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while chunks.isEmpty && !finished { condition.wait() }
            if !chunks.isEmpty {
                let chunk = chunks.removeFirst()
                condition.broadcast()
                return chunk
            }
            if let failure { throw failure }
            return nil
        }
    }
}
