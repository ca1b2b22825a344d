extension CatalogueRows {
    /// Consecutive entries of one unit in a catalogue of several units. A catalogue's entries are its
    /// units' entries merged by index number. The rules number a unit's records `unit/year-serial`,
    /// so each unit's entries are one run and the merge orders whole units; numbers that interleave
    /// (a unit id with a slash, numbers from elsewhere) split units into several runs. The rows
    /// rendered for a run are the same in every catalogue that lists it.
    struct Run: Equatable {
        let unit: String
        /// Indices into the unit's `entries`.
        let range: Range<Int>
    }

    /// The runs of `units` in index-number order (any order for equal numbers).
    func runs(ofUnits units: some Sequence<String>) -> [Run] {
        let lists = units.compactMap { unit in self.units[unit].flatMap { $0.entries.isEmpty ? nil : (unit: unit, entries: $0.entries) } }
            .sorted { ($0.entries[0].indexNumber, $0.unit) < ($1.entries[0].indexNumber, $1.unit) }
        let apart = zip(lists, lists.dropFirst()).allSatisfy { !($1.entries[0].indexNumber < $0.entries[$0.entries.count - 1].indexNumber) }
        if apart { return lists.map { Run(unit: $0.unit, range: $0.entries.indices) } }
        return Self.interleavedRuns(lists)
    }

    /// The general merge, for units whose index numbers interleave: every entry in order, then
    /// consecutive entries of one unit joined into runs.
    private static func interleavedRuns(_ lists: [(unit: String, entries: [Entry])]) -> [Run] {
        var order = lists.indices.flatMap { list in lists[list].entries.indices.map { (list: list, index: $0) } }
        // Equal numbers keep each unit's own order, so a unit's entries stay in consecutive runs.
        order.sort { a, b in
            let (x, y) = (lists[a.list].entries[a.index].indexNumber, lists[b.list].entries[b.index].indexNumber)
            return x != y ? x < y : (a.list, a.index) < (b.list, b.index)
        }
        var runs: [Run] = []
        var start = 0
        for position in order.indices {
            let next = position + 1
            if next < order.count, order[next].list == order[position].list, order[next].index == order[position].index + 1 { continue }
            let list = order[start].list
            runs.append(Run(unit: lists[list].unit, range: order[start].index..<order[position].index + 1))
            start = next
        }
        return runs
    }
}
