import Clearance
import EventLog

/// The demo's units' norms and records: titles like a district bureau's real export.
enum DemoData {
    static func norm(for unit: String, at day: Day) -> NormAdopted {
        typealias Class = NormAdopted.ContentClass
        return NormAdopted(
            at: day, unit: unit,
            classes: [
                Class(id: "plans", name: "规划计划", keyItems: ["10-02", "11-01", "10-08"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
                Class(id: "budget", name: "财政预决算", keyItems: ["10-04"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "财务科"),
                Class(id: "procurement", name: "政府采购", keyItems: ["10-06"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "财务科"),
                Class(id: "licensing", name: "行政许可", keyItems: ["10-07"], form: "portal", timeLimitDays: 15, review: .twoLevel, office: "审批科"),
            ],
            feedbackDays: 15)
    }

    static let titles: [String: [String]] = [
        "jinjiang-jsj": [
            "锦江区建设局关于2007年度城市道路维修计划的通知", "城市应急排涝预案（2007年修订）",
            "2008年度部门预算（草案）", "关于某某建筑公司投标报价的内部审查意见",
        ],
        "qingyang-jyj": [
            "青羊区教育局2008年义务教育阶段招生工作方案", "青羊区中小学校舍安全工程实施计划",
            "青羊区教育局2008年度部门预算", "关于某学校教师个人档案的核查材料",
        ],
        "jinniu-mzj": [
            "金牛区2008年城乡低保标准调整的通知", "金牛区社区建设三年规划（2008—2010年）",
            "金牛区民政局2008年度部门预算", "关于救灾物资采购供应商报价的评审意见",
        ],
    ]

    static func records(for unit: String, round: Int, at day: Day) -> [RecordRegistered] {
        (titles[unit] ?? []).enumerated().map { n, title in
            RecordRegistered(
                at: day, record: "\(unit):\(round)-\(n + 1)", unit: unit, title: title,
                documentNumber: n == 0 ? "〔2007〕\(100 + round)号" : nil, created: day.advanced(by: -n - 1),
                summary: "", term: "2007-2011")
        }
    }

    /// Two proactive records (plans), one on request (budget), one exempt (procurement): a bidder's
    /// prices are a commercial secret, a teacher's file is personal privacy.
    static func classifications(_ ids: [String], unit: String, at day: Day) -> [RecordClassified] {
        let basis = unit == "qingyang-jyj" ? "personal-privacy" : "commercial-secret"
        return ids.enumerated().map { n, id in
            switch n {
            case 0: RecordClassified(at: day, record: id, contentClass: "plans", keyItem: "11-01", disclosure: .proactive)
            case 1: RecordClassified(at: day, record: id, contentClass: "plans", keyItem: "10-02", disclosure: .proactive)
            case 2: RecordClassified(at: day, record: id, contentClass: "budget", keyItem: "10-04", disclosure: .onRequest)
            default: RecordClassified(at: day, record: id, contentClass: "procurement", keyItem: "10-06", disclosure: .exempt, basis: basis)
            }
        }
    }
}
