import Clearance
import Projections

extension ProgressText {
    /// The inspection findings open on `day` at `units`: one line in all, then one a unit, most first;
    /// nothing when none is open. Beside progress, not part of it: its figures stay those of the stages.
    static func openFindings(_ supervision: Supervision, units: Set<String>, on day: Day, names: (String) -> String) -> [String] {
        let open = supervision.findings().filter { units.contains($0.found.unit) && $0.isOpen(on: day) }
        guard !open.isEmpty else { return [] }
        func late(_ findings: [Supervision.Finding]) -> Int { findings.filter { $0.found.remedyBy < day }.count }
        let byUnit = Dictionary(grouping: open, by: \.found.unit).sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        var lines = ["", "open inspection findings: \(open.count) in \(byUnit.count) units (\(late(open)) past their remedy day)"]
        for (unit, findings) in byUnit {
            lines.append("  \(names(unit)) (\(unit)): \(findings.count) open, \(late(findings)) past the remedy day")
        }
        return lines
    }
}
