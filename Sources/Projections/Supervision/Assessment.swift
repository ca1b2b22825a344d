import Clearance
import EventLog

/// The annual target assessment (年度目标考核) of the units on a year, by the rubric the general
/// office declared for it: each unit's points per indicator, its total and its rank within its tier,
/// and every point lost explained by the rule applied and what in the log is behind it (`Ref`s,
/// turned into seqs by `SeqIndex`), so that a unit can check and contest it. Something never done
/// cites what set the obligation (the stage, the form, the rubric) and says "nothing by DAY".
public struct Assessment: Sendable {
    /// What in the log a lost point rests on.
    public enum Ref: Sendable, Hashable {
        case record(String), request(String), feedback(String), finding(String)
        /// The unit's own events of a type (its norm, its profile, its roles, its report).
        case unitEvent(type: String, unit: String)
        /// The reference entry that set the obligation: a stage, the report forms, the rubric.
        case stage(Int), reportForms, rubric
    }

    public struct Lost: Sendable, Equatable {
        public let points: Double
        public let reason: String
        public let refs: [Ref]
    }

    public struct Score: Sendable, Equatable {
        public let indicator: Rubric.Indicator
        public let points: Double
        public let lost: [Lost]
    }

    public struct UnitResult: Sendable, Equatable {
        public let unit: String
        public let name: String
        public let tier: Int
        public let scores: [Score]
        public var rank = 0
        public var total: Double { scores.map(\.points).reduce(0, +) }
    }

    public let year: Int
    /// The day judged: the year's end for its own work, later for the report on it.
    public let day: Day
    public let rubric: Rubric?
    public let results: [UnitResult]

    public init(year: Int, on day: Day, units chosen: Set<String>, state: ClearanceState) {
        self.year = year
        self.day = day
        rubric = state.reference.rubric(for: year)
        guard let rubric else {
            results = []
            return
        }
        let judge = AssessmentJudge(year: year, day: day, state: state, units: chosen)
        var results = state.reference.unitOrder.filter(chosen.contains).map { unit in
            UnitResult(
                unit: unit, name: state.reference.units[unit]?.name ?? unit, tier: state.reference.unitTier(unit) ?? 0,
                scores: rubric.indicators.map { judge.score($0, unit: unit) })
        }
        // Ranked within the tier, ties sharing a rank (1, 2, 2, 4).
        for tier in Set(results.map(\.tier)) {
            let indices = results.indices.filter { results[$0].tier == tier }.sorted { results[$0].total > results[$1].total }
            for (position, index) in indices.enumerated() {
                let ahead = indices.prefix(position).filter { results[$0].total > results[index].total + 0.0001 }.count
                results[index].rank = ahead + 1
            }
        }
        self.results = results
    }

    /// Every ref of every lost point, for `SeqIndex`.
    public var refs: Set<Ref> { Set(results.flatMap { $0.scores.flatMap { $0.lost.flatMap(\.refs) } }) }
}
