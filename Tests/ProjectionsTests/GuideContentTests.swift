import EventLog
import Testing

@testable import Clearance
@testable import Projections

/// A guide carries what the Regulations in force on its day ask (2007 Art. 19; 2019 Art. 12): where
/// to read proactive information in person, how to apply through the channels the unit has, the fees,
/// the bodies to complain to by name, the remedies of the laws in force, and the application form.
@Suite struct GuideContentTests {
    static let unit = "jinjiang-jsj"

    static func state(profile: [String: String]) throws -> ClearanceState {
        var state = ClearanceState()
        for event in try SeedFolder(path: AsOfTests.seedPath()).events(actor: "office.chen", at: Day("2007-10-08")!) {
            state.reference.evolve(type: event.type, data: event.data)
        }
        state.evolve(.normAdopted(NormAdopted(at: Day("2007-11-15")!, unit: unit, classes: [
            .init(id: "plans", name: "规划计划", keyItems: ["10-02"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
            .init(id: "board", name: "办事公开", keyItems: [], form: "公开栏", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
        ], feedbackDays: 15)), actor: "clerk.wang", seq: 1)
        state.evolve(.unitProfileSet(UnitProfileSet(at: Day("2007-11-15")!, unit: unit, values: profile)), actor: "clerk.wang", seq: 2)
        return state
    }

    static let full = ["office": "政务公开办公室", "address": "锦江区某路1号", "hours": "工作日", "phone": "028-1", "fax": "028-2", "email": "a@b.cn"]

    @Test func aDeclaredNoneIsCompleteAndNeverOfferedToApplicants() throws {
        var profile = Self.full
        profile["fax"] = UnitProfileSet.none
        let guide = GuideProjection(unit: Self.unit, state: try Self.state(profile: profile), on: Day("2008-06-02")!)
        #expect(guide.gaps.isEmpty, "a declared none is not a gap")
        #expect(guide.markdown.contains("传真：无"))
        #expect(!guide.markdown.contains("传真（"), "no fax is offered to applicants")
        #expect(guide.markdown.contains("电子邮件（a@b.cn）"))
        var missing = Self.full
        missing["email"] = nil
        let gapped = GuideProjection(unit: Self.unit, state: try Self.state(profile: missing), on: Day("2008-06-02")!)
        #expect(gapped.gaps == [.profile(field: "email", zh: "电子邮箱")] && !gapped.markdown.contains("电子邮件（"))
    }

    @Test func classesAreArrangedAndPublishedAsTheirNormSays() throws {
        let guide = GuideProjection(unit: Self.unit, state: try Self.state(profile: Self.full), on: Day("2008-06-02")!)
        #expect(guide.markdown.contains("办事公开（board）：公开形式 公开栏；"), "a class with no key item reads cleanly")
        #expect(guide.markdown.contains("规划计划：通过政府门户网站“中国·成都”政府信息公开目录主动公开。"))
        #expect(guide.markdown.contains("办事公开：通过公开栏主动公开。"), "the portal is not promised for a class published elsewhere")
    }

    @Test func a2008GuideFollowsThe2007Rules() throws {
        let text = GuideProjection(unit: Self.unit, state: try Self.state(profile: Self.full), on: Day("2008-06-02")!).markdown
        #expect(text.contains("国家档案馆、公共图书馆设置的政府信息查阅场所") && text.contains("第十六条"))
        #expect(text.contains("15 个工作日内予以答复") && text.contains("第二十四条"))
        #expect(text.contains("收费：行政机关依申请提供政府信息，除可以收取检索、复制、邮寄等成本费用外") && text.contains("第二十七条"))
        #expect(text.contains("可以向锦江区人民政府、锦江区监察局、锦江区人民政府办公室（政府信息公开工作主管部门）投诉、举报") && text.contains("第三十三条"))
        #expect(text.contains("60 日内依法申请行政复议") && text.contains("3 个月内依法提起行政诉讼") && text.contains("第三十九条"))
        #expect(text.contains("## 附件：政府信息公开申请表") && text.contains("第二十条"))
    }

    @Test func a2025GuideFollowsThe2019RulesAndTheRemediesOfItsDay() throws {
        let text = GuideProjection(unit: Self.unit, state: try Self.state(profile: Self.full), on: Day("2025-03-03")!).markdown
        #expect(text.contains("国家档案馆、公共图书馆、政务服务场所") && text.contains("第二十五条"))
        #expect(text.contains("20 个工作日内予以答复") && text.contains("第三十三条"))
        #expect(text.contains("不收取费用") && text.contains("第四十二条"))
        #expect(text.contains("可以向锦江区人民政府、锦江区人民政府办公室（政府信息公开工作主管部门）投诉、举报") && text.contains("第五十一条"))
        #expect(!text.contains("监察局"), "the 2019 text names no supervision bureau")
        #expect(text.contains("6 个月内依法提起行政诉讼") && text.contains("第四十六条"))
        #expect(text.contains("应当先申请行政复议") && text.contains("第二十三条"), "from 2024-01-01 a refusal goes to reconsideration first")
        #expect(text.contains("身份证明") && text.contains("第二十九条"))
    }

    @Test(arguments: [("24", "第二十四条"), ("21(4)", "第二十一条第（四）项"), ("10", "第十条"), ("105", "第一百零五条"), ("9", "第九条"), ("110", "第一百一十条")])
    func articlesAreCitedInChineseNumerals(article: String, cited: String) {
        #expect(ChineseArticle.text(article) == cited)
    }
}
