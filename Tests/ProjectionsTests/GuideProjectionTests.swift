import Clearance
import EventLog
import Testing

@testable import Projections

/// What a guide lacks is named in Chinese on its pages and by a stable key in JSON.
@Suite struct GuideProjectionTests {
    @Test func gapsAreNamedInChineseOnThePageAndByKeyInJSON() throws {
        let state = try RendererSnapshotTests.state()
        // cd-bgt has neither a profile nor a norm; jinjiang-jsj lacks fax and e-mail.
        let bare = GuideProjection.gaps(of: "cd-bgt", in: state)
        #expect(bare.map(\.key) == UnitProfileSet.fields + ["norm"])
        #expect(bare.map(\.zh) == ["机构名称", "办公地址", "办公时间", "联系电话", "传真", "电子邮箱", "分类规范（第二阶段）尚未制定"])

        let guide = GuideProjection(unit: "jinjiang-jsj", state: state, on: AsOfTests.day)
        #expect(guide.gaps == [.profile(field: "fax", zh: "传真"), .profile(field: "email", zh: "电子邮箱")])
        #expect(guide.markdown.contains("> 待补充：传真；电子邮箱\n") && !guide.markdown.contains("profile:"))
        #expect(guide.json["gaps"] == .array([.string("fax"), .string("email")]))
    }
}
