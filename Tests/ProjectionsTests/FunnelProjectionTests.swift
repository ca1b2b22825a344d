import Clearance
import Testing

@testable import Projections

/// The funnel counts what is past its deadline and names the same items: one rule for both.
@Suite struct FunnelProjectionTests {
    @Test func theNamedItemsAreTheOnesCounted() throws {
        let state = try RendererSnapshotTests.funnelState()
        let funnel = FunnelProjection(state: state, units: ["jinjiang-jsj"], on: Day("2008-02-29")!)
        let row = try #require(funnel.rows.first)
        let kinds = Dictionary(grouping: funnel.pastDeadline, by: \.kind).mapValues(\.count)
        #expect([row.latePublications, row.lateFeedback, row.lateRequests] == [kinds[.publication], kinds[.feedback], kinds[.request]])
        #expect(funnel.pastDeadline.map(\.item) == ["F-1", "Q-1", "R-4", "R-9"], "by due day, then unit and item")
        let publication = try #require(funnel.pastDeadline.first { $0.item == "R-4" })
        #expect(publication.title == "通知4" && publication.unitName == "锦江区建设局" && publication.due == Day("2008-01-18")! && publication.done == nil)
        #expect(funnel.pastDeadline.allSatisfy { $0.kind == .publication || $0.title.isEmpty }, "feedback and requests are named by id only")
    }

    @Test func nothingIsLateBeforeItsDeadline() throws {
        let funnel = FunnelProjection(state: try RendererSnapshotTests.funnelState(), units: ["jinjiang-jsj"], on: Day("2008-01-11")!)
        #expect(funnel.pastDeadline.isEmpty && funnel.rows.first?.pastDeadline == 0)
        let next = FunnelProjection(state: try RendererSnapshotTests.funnelState(), units: ["jinjiang-jsj"], on: Day("2008-01-12")!)
        #expect(next.pastDeadline.map(\.item) == ["F-1", "Q-1"], "the day after their deadline, 2008-01-11")
    }

    @Test func thePageListsABoundedNumberOfLateItems() throws {
        let funnel = FunnelProjection(state: try RendererSnapshotTests.funnelState(), units: ["jinjiang-jsj"], on: Day("2008-02-29")!)
        let page = funnel.html(scope: "锦江区建设局", listed: 2)
        #expect(page.contains("共 4 件，下表列出期限最早的 2 件") && page.contains("<td>F-1</td>") && !page.contains("（R-9）"))
        #expect(!funnel.html(scope: "锦江区建设局").contains("下表列出"))
    }
}
