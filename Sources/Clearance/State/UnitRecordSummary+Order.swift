extension UnitRecordSummary {
    /// How many of `records` were cleared ahead of a newer one: cleared on a day d while some record
    /// created later was not yet cleared (cleared after d, or not at all). The plan has each unit clear
    /// its term's information "from near to far" (由近及远), newest first; a record cleared the same day
    /// as a newer one, or created the same day as one still waiting, is not out of order.
    ///
    /// Sorted by creation, newest first, and swept once (O(n log n)), keeping the latest clearance among
    /// the records already passed, that is the newer ones (one never cleared counts as latest of all).
    /// Records created the same day are all compared with what came before them, and only then added.
    static func aheadOfNewer(_ records: [(created: Day, cleared: Day?)]) -> Int {
        let newestFirst = records.sorted { $0.created > $1.created }
        // A clearance day as a number, with "never" after every day.
        func order(_ cleared: Day?) -> Int { cleared?.ordinal ?? Int.max }
        var latestNewer = Int.min
        var ahead = 0
        var start = 0
        while start < newestFirst.count {
            var end = start
            while end < newestFirst.count, newestFirst[end].created == newestFirst[start].created { end += 1 }
            let sameDay = newestFirst[start..<end]
            ahead += sameDay.filter { $0.cleared != nil && order($0.cleared) < latestNewer }.count
            latestNewer = sameDay.map { order($0.cleared) }.reduce(latestNewer, max)
            start = end
        }
        return ahead
    }
}
