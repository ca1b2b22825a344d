import EventLog
import Testing

@testable import Clearance

/// A sector's competent department (in the seed, 成都市教育局 for education) files its enterprises'
/// service guides; no other department, and no one without the clerk's role there, may.
@Suite struct ServiceGuideRulesTests {
    static let education = "cd-jyj"

    static func fixture() throws -> RuleFixture {
        var fixture = try RuleFixture()
        try fixture.apply(RoleGranted(at: RuleFixture.day, person: "clerk.zhou", role: .clerk, units: [education]), by: "office.chen")
        return fixture
    }

    static func guide(sector: String = "education", unit: String = education) -> ServiceGuideFiled {
        ServiceGuideFiled(at: RuleFixture.day, unit: unit, sector: sector, enterprise: "成都市第七中学", title: "成都市第七中学办事公开指南")
    }

    @Test func theCompetentDepartmentFilesItAndTheGuideListsIt() throws {
        var fixture = try Self.fixture()
        try fixture.apply(Self.guide(), by: "clerk.zhou")
        #expect(fixture.state.serviceGuides[Self.education]?.map(\.enterprise) == ["成都市第七中学"])
    }

    @Test func anotherSectorOrDepartmentIsRefused() throws {
        var fixture = try Self.fixture()
        #expect(refused(by: .reference) { try fixture.apply(Self.guide(sector: "water"), by: "clerk.zhou") })
        #expect(refused(by: .reference) { try fixture.apply(Self.guide(unit: RuleFixture.unit), by: "clerk.wang") })
        #expect(refused(by: .role) { try fixture.apply(Self.guide(), by: "clerk.wang") })
        #expect(fixture.state.serviceGuides.isEmpty)
    }
}
