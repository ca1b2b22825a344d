/// A progress bar with a rate, drawn on stderr only when stderr is a terminal (quiet in pipes and CI).
struct ProgressBar {
    let label: String
    let total: Int
    private let enabled = Terminal.stderrIsTerminal
    private let started = MonotonicClock.now()
    private var lastDrawn: UInt64 = 0

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = MonotonicClock.now()
        guard now - lastDrawn > 100_000_000 || done == total else { return }
        lastDrawn = now
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int(fraction * 30)
        let rate = Double(done) / max(MonotonicClock.seconds(since: started), 1e-9)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        Terminal.write(Array("\r\(label) [\(bar)] \(Format.decimal(fraction * 100, 0))%  \(Format.grouped(Int(rate)))/s ".utf8), to: 2)
    }

    func finish() {
        guard enabled else { return }
        Terminal.write(Array("\r\u{1B}[K".utf8), to: 2)
    }

    /// A step that shows no count, on its own line until `finish()` erases it (on a terminal only).
    static func step(_ label: String) -> ProgressBar {
        let step = ProgressBar(label: label, total: 0)
        if step.enabled { Terminal.write(Array("\r\(label)…".utf8), to: 2) }
        return step
    }
}
