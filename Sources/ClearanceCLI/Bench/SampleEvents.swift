import Clearance
import EventLog

/// Deterministic, realistic-looking events for benchmarks and the demo: Chinese titles,
/// unit codes and dates like a district bureau's records, about 390 bytes a stored line.
struct SampleEvents {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let units = ["jinjiang-fgj", "qingyang-jyj", "jinniu-czj", "wuhou-mzj", "chenghua-jsj", "shuangliu-huayang", "pixian-tjj", "cd-fgw"]
    static let actors = ["clerk.wang", "clerk.li", "reviewer.zhang", "publisher.chen", "office.liu"]
    // Storage-level events: not the domain catalogue's types, so no rule or projection reads them.
    static let types = ["sample.registered", "sample.classified", "sample.reviewed", "sample.published"]
    static let subjects = ["城市道路维修", "社区卫生服务", "农村低保资金", "政府采购目录", "建设项目审批", "食品安全检查", "义务教育经费", "防汛应急预案", "征地补偿标准", "行政事业性收费"]
    static let kinds = ["通知", "公告", "实施意见", "工作方案", "情况通报", "管理办法"]
    static let issuers = ["锦江区人民政府", "青羊区财政局", "金牛区民政局", "武侯区教育局", "成华区建设局", "双流县华阳镇"]

    mutating func next(_ i: Int) -> NewEntry {
        let unit = pick(Self.units)
        let year = 2007 + Int(random.next() % 2)
        let month = 1 + Int(random.next() % 12)
        let day = 1 + Int(random.next() % 28)
        let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        let title = "\(pick(Self.issuers))关于\(year)年度\(pick(Self.subjects))的\(pick(Self.kinds))"
        let data = JSONValue.object([
            ("unit", .string(unit)),
            ("title", .string(title)),
            ("at", .string(date)),
        ])
        return NewEntry(actor: pick(Self.actors), type: pick(Self.types), data: data)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
}
