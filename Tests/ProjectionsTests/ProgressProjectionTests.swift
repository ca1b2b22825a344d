import Clearance
import EventLog
import Testing

@testable import Projections

/// The roll-up of stage progress by tier and district, on the snapshot scenario (one unit, jinjiang-jsj,
/// with a norm and records; every other unit of the seed city with nothing done).
@Suite struct ProgressProjectionTests {
    static func progress(units: Set<String>? = nil) throws -> (ProgressProjection, ClearanceState) {
        let state = try RendererSnapshotTests.state()
        let chosen = units ?? Set(state.reference.units.keys)
        return (ProgressProjection(state: state, units: chosen, on: Day("2008-01-05")!), state)
    }

    @Test func theTiersAddUpToTheTotalOfEveryStage() throws {
        let (progress, _) = try Self.progress()
        #expect(progress.groups.filter { $0.kind == .tier }.map(\.id) == ["1", "2", "3"])
        for stage in progress.stages {
            for status in ProgressProjection.Status.allCases {
                let byTier = progress.groups.filter { $0.kind == .tier }.map { stage.tally(of: $0)[status] }.reduce(0, +)
                #expect(byTier == stage.total[status], "stage \(stage.number), \(status)")
            }
        }
        let norms = try #require(progress.stages.first { $0.number == 2 })
        #expect(norms.total.units == 909 && norms.total[.late] == 1, "jinjiang-jsj adopted its norm after 2007-11-20")
    }

    @Test func aDistrictIsItsGovernmentAndTheUnitsUnderIt() throws {
        let (progress, state) = try Self.progress()
        let jinjiang = try #require(progress.groups.first { $0.key == "jinjiang" })
        #expect(jinjiang.kind == .district && jinjiang.name == "锦江区人民政府")
        #expect(jinjiang.units.contains("jinjiang") && jinjiang.units.contains("jinjiang-jsj"))
        #expect(jinjiang.units == CatalogueProjection.units(unit: nil, tier: nil, district: "jinjiang", in: state))
        #expect(progress.groups.filter { $0.kind == .district }.count == 19)
        let norms = try #require(progress.stages.first { $0.number == 2 })
        #expect(norms.tally(of: jinjiang).done == 1 && norms.tally(of: jinjiang).units == jinjiang.units.count)
    }

    @Test func aStageOfTheCityOnlyCountsNothingInADistrict() throws {
        let (progress, _) = try Self.progress(units: ["cd-bgt", "jinjiang-jsj"])
        #expect(progress.groups.map(\.key) == ["tier-1", "tier-2", "jinjiang"], "only groups holding a chosen unit")
        let training = try #require(progress.stages.first { $0.number == 1 })
        let jinjiang = try #require(progress.groups.last)
        #expect(training.tally(of: jinjiang).units == 0 && training.tally(of: jinjiang).shareDone == 0)
        #expect(training.behind == [.init(unit: "cd-bgt", name: "成都市人民政府办公厅", status: .overdue)])
        #expect(progress.only(stage: 4).stages.map(\.number) == [4] && progress.only(stage: nil).stages.count == 7)
    }
}
