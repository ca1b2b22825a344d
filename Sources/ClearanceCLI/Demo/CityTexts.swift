import Clearance

/// The words the city scenario's records, people and letters are made of.
enum CityTexts {
    static let surnames = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "luo", "gao", "lin"]
    static let givenNames = ["wei", "fang", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "tao", "ming", "chao", "xia", "ping", "gang", "hui", "hong"]

    /// A norm's classes: city and district departments disclose under Article 10 and 11, townships and
    /// sub-districts under Article 12. Normative documents and licensing take two review levels.
    static func classes(tier: Int) -> [NormAdopted.ContentClass] {
        typealias Class = NormAdopted.ContentClass
        if tier == 3 {
            return [
                Class(id: "rural-policy", name: "农村工作政策落实", keyItems: ["12-01"], form: "公开栏、门户网站", timeLimitDays: 20, review: .oneLevel, office: "党政办"),
                Class(id: "finance", name: "财政收支和专项资金", keyItems: ["12-02"], form: "公开栏、门户网站", timeLimitDays: 20, review: .twoLevel, office: "财政所"),
                Class(id: "land", name: "土地利用和征地补偿", keyItems: ["12-03", "12-04"], form: "公开栏", timeLimitDays: 20, review: .twoLevel, office: "国土所"),
                Class(id: "relief", name: "救灾救济和社会救助", keyItems: ["12-06"], form: "公开栏、门户网站", timeLimitDays: 15, review: .oneLevel, office: "社会事务办"),
                Class(id: "family-planning", name: "计划生育", keyItems: ["12-08"], form: "公开栏", timeLimitDays: 20, review: .oneLevel, office: "计生办"),
            ]
        }
        return [
            Class(id: "normative", name: "规范性文件", keyItems: ["10-01"], form: "门户网站、政府公报", timeLimitDays: 20, review: .twoLevel, office: "法制科"),
            Class(id: "plans", name: "规划计划", keyItems: ["10-02", "11-01"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
            Class(id: "budget", name: "财政预决算", keyItems: ["10-04"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "财务科"),
            Class(id: "procurement", name: "政府采购", keyItems: ["10-06"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "财务科"),
            Class(id: "licensing", name: "行政许可", keyItems: ["10-07"], form: "门户网站、办事大厅", timeLimitDays: 15, review: .twoLevel, office: "审批科"),
            Class(id: "emergencies", name: "突发公共事件应急预案", keyItems: ["10-10"], form: "门户网站", timeLimitDays: 10, review: .oneLevel, office: "应急办"),
        ]
    }

    private static let subjects: [String: [String]] = [
        "normative": ["行政事业性收费管理", "城市管理综合执法", "政府信息公开工作", "社会保障基金监督"],
        "plans": ["国民经济和社会发展", "城乡统筹发展", "城市道路建设", "社区卫生服务体系建设"],
        "budget": ["部门预算", "部门决算", "专项资金使用", "三项经费支出"],
        "procurement": ["办公设备政府采购", "道路维修工程招标", "车辆定点维修采购", "信息系统建设采购"],
        "licensing": ["建设项目审批", "食品卫生许可", "排污许可证核发", "户外广告设置许可"],
        "emergencies": ["防汛抗旱", "突发公共卫生事件", "安全生产事故", "地震灾害"],
        "rural-policy": ["新农村建设", "农业税费改革", "城乡一体化", "农民专业合作社扶持"],
        "finance": ["村级财务", "新型农村合作医疗资金", "粮食直补资金", "乡镇财政收支"],
        "land": ["土地利用总体规划", "征地补偿安置", "集体建设用地", "宅基地审批"],
        "relief": ["农村低保", "五保供养", "优抚对象补助", "救灾物资发放"],
        "family-planning": ["计划生育奖励扶助", "独生子女父母奖励", "计划生育服务", "流动人口计划生育"],
    ]
    private static let kinds = ["通知", "实施意见", "工作方案", "情况通报", "管理办法", "公示", "报告"]

    static func title(unit: String, tier: Int, contentClass: String, year: Int, pick: Int) -> String {
        let subject = subjects[contentClass]?[pick % 4] ?? "政务"
        let kind = kinds[pick / 4 % kinds.count]
        return "\(unit)关于\(year)年度\(subject)的\(kind)"
    }

    /// The unit's office: the city's name first, unless the unit's own name begins with it (成都市商务局).
    static func address(for unit: String) -> String { (unit.hasPrefix("成都市") ? "" : "成都市") + unit + "政务服务中心" }

    /// A document number's issuer: the unit's name without its administrative suffix, as on a 文号.
    static func abbreviation(_ name: String) -> String {
        let short = name.replacingOccurrences(of: "成都市", with: "成").replacingOccurrences(of: "人民政府", with: "府")
        return String(short.prefix(4))
    }

    /// Public enterprises and institutions by sector, after the place's name ("成都市", "锦江区"): the
    /// ones whose service guides the sector's competent department files.
    static let enterprises: [String: [String]] = [
        "education": ["第一中学", "实验小学"],
        "health": ["第一人民医院", "妇幼保健院"],
        "family-planning": ["计划生育服务站"],
        "water": ["自来水有限责任公司"],
        "power": ["供电局"],
        "gas": ["天然气有限责任公司"],
        "environmental-protection": ["环境监测站"],
        "public-transport": ["公共交通有限公司"],
    ]
    static let serviceGuideTitles = ["办事公开指南", "服务承诺与收费标准", "办事流程与时限"]

    /// What a written review records as checked, by level (保密审查 first, the leader's second).
    static let reviewChecked = ["密级标注、正文与摘要一致性、文号与成文日期", "初审意见、公开属性与不予公开依据"]
    static let reviewGrounds = ["不涉及国家秘密、商业秘密和个人隐私，内容准确，同意按定类公开", "同意初审意见"]
    static let returnNotes = ["文号与正文不一致，请核对后重新定类", "涉及个人信息，请重新审查公开属性", "摘要不完整，请补充后重新提交"]
    static let feedback = ["网站公开目录中部分文件无法打开", "希望公开更多预算明细", "公开信息更新不及时", "指南中的联系电话无人接听"]
    static let requestTopics = ["申请公开本单位2007年度部门决算", "申请公开某路段拆迁补偿标准", "申请公开某建设项目环评批复", "申请公开低保名单及标准"]

    static func applicant(_ n: Int) -> String { "\(["张", "李", "王", "刘", "陈"][n % 5])先生（申请编号\(1000 + n)）" }

    /// An answer under the 2007 Regulations (request-outcomes.json, the 2007 template: Arts. 21 and 22),
    /// most disclosed, some not, as the annual reports of the time show. A request that had to be
    /// changed or supplemented is more often answered that the information does not exist.
    static func outcome(_ roll: Int, afterCorrection: Bool = false) -> String {
        if afterCorrection && roll < 30 { return "not-exist" }
        switch roll {
        case 0..<55: return "disclosed"
        case 55..<67: return "partly-disclosed"
        case 67..<70: return "not-disclosed/state-secret"
        case 70..<73: return "not-disclosed/commercial-secret"
        case 73..<76: return "not-disclosed/personal-privacy"
        case 76..<88: return "not-this-body"
        default: return "not-exist"
        }
    }
}
