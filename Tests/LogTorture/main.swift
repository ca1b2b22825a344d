// A test helper, not a product: appends to a log in a loop so tests can kill it at random
// moments or run several at once. Prints `SEQ HASH` for every batch it has had acknowledged.
//
//   log-torture random-batches DIR SEED      append batches of 1-300 events until killed
//   log-torture big-batches DIR SEED         append batches of 20,000-40,000 events (tens of MB) until killed
//   log-torture one-at-a-time DIR COUNT ACTOR append COUNT single-event batches
import EventLog
import Foundation

func acknowledge(_ head: LogHead) {
    let line = Array("\(head.seq) \(head.hashHex)\n".utf8)
    line.withUnsafeBytes { _ = write(1, $0.baseAddress!, $0.count) }
}

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: log-torture random-batches DIR SEED | one-at-a-time DIR COUNT ACTOR\n".utf8))
    exit(2)
}
do {
    let log = try LogFile.open(in: arguments[2])
    switch arguments[1] {
    case "random-batches", "big-batches":
        let big = arguments[1] == "big-batches"
        var state = UInt64(arguments[3]) ?? 1
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var n = 0
        while true {
            let size = big ? 20_000 + Int(next() % 20_000) : 1 + Int(next() % 300)
            let batch = (0..<size).map { i in
                NewEntry(actor: "torture", type: "test.event", data: .object([
                    ("n", .integer(n + i)), ("text", .string(String(repeating: "清理政府信息", count: 1 + Int(next() % 40)))),
                ]))
            }
            n += size
            acknowledge(try log.append(batch).head)
        }
    case "one-at-a-time":
        let count = Int(arguments[3]) ?? 0
        for i in 0..<count {
            acknowledge(try log.append([NewEntry(actor: arguments[4], type: "test.event", data: .object([("i", .integer(i))]))]).head)
        }
    default:
        FileHandle.standardError.write(Data("unknown mode \(arguments[1])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
