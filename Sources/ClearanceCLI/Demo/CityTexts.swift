import Clearance

/// The words the city scenario's records, people and letters are made of.
enum CityTexts {
    static let surnames = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "luo", "gao", "lin"]
    static let givenNames = ["wei", "fang", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "tao", "ming", "chao", "xia", "ping", "gang", "hui", "hong"]

    /// A norm's classes: townships and sub-districts disclose under Article 12; governments under
    /// Articles 10 and 11 (major construction, land taking, relief funds); departments the common
    /// classes of Article 10, a licensing class where they license, and the class of what they do
    /// (`UnitFunction`). Normative documents, licensing and land take two review levels.
    static func classes(tier: Int, kind: Unit.Kind = .department, name: String = "") -> [NormAdopted.ContentClass] {
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
        var classes = [
            Class(id: "normative", name: "规范性文件", keyItems: ["10-01"], form: "门户网站、政府公报", timeLimitDays: 20, review: .twoLevel, office: "法制科"),
            Class(id: "plans", name: "规划计划", keyItems: ["10-02"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
            Class(id: "budget", name: "财政预决算", keyItems: ["10-04"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "财务科"),
            Class(id: "procurement", name: "政府采购", keyItems: ["10-06"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "财务科"),
            Class(id: "emergencies", name: "突发公共事件应急预案", keyItems: ["10-10"], form: "门户网站", timeLimitDays: 10, review: .oneLevel, office: "应急办"),
        ]
        if kind == .cityGovernment || kind == .districtGovernment {
            classes += [
                Class(id: "major-projects", name: "重大建设和公益事业项目", keyItems: ["10-08", "11-01", "11-02"], form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: "发展计划处"),
                Class(id: "land", name: "征地拆迁和补偿", keyItems: ["11-03"], form: "门户网站、公开栏", timeLimitDays: 20, review: .twoLevel, office: "国土处"),
                Class(id: "relief", name: "救灾救济款物", keyItems: ["11-04"], form: "门户网站", timeLimitDays: 15, review: .oneLevel, office: "民政处"),
            ]
            return classes
        }
        if kind == .generalOffice || name.hasSuffix("人民政府办公室") { return classes }
        let function = UnitFunction.of(name: name)
        if function == nil || !(function!.licenses.isEmpty) {
            classes.append(Class(id: "licensing", name: "行政许可", keyItems: ["10-07"], form: "门户网站、办事大厅", timeLimitDays: 15, review: .twoLevel, office: "审批科"))
        }
        if let function { classes.append(function.contentClass) }
        return classes
    }

    private static let subjects: [String: [String]] = [
        "normative": ["政府信息公开工作", "行政执法责任制", "依法行政", "机关效能建设"],
        "plans": ["工作要点", "工作计划", "发展规划", "目标任务分解"],
        "budget": ["部门预算", "部门决算", "专项资金使用", "三项经费支出"],
        "procurement": ["办公设备政府采购", "公务车辆定点维修", "信息系统建设采购", "印刷服务定点采购"],
        "licensing": ["行政审批事项目录", "行政许可办理流程", "审批服务承诺", "行政许可事项调整"],
        "emergencies": ["防汛抗旱", "突发公共卫生事件", "安全生产事故", "森林防火"],
        "major-projects": ["重点建设项目", "城乡统筹发展", "社区卫生服务体系建设", "农村公路建设"],
        "rural-policy": ["新农村建设", "农业税费改革", "城乡一体化", "农民专业合作社扶持"],
        "finance": ["村级财务", "新型农村合作医疗资金", "粮食直补资金", "乡镇财政收支"],
        "land": ["土地利用总体规划", "征地补偿安置", "集体建设用地", "宅基地审批"],
        "relief": ["农村低保", "五保供养", "优抚对象补助", "救灾物资发放"],
        "family-planning": ["计划生育奖励扶助", "独生子女父母奖励", "计划生育服务", "流动人口计划生育"],
    ]
    private static let kinds = ["通知", "实施意见", "工作方案", "情况通报", "管理办法", "公示", "报告"]

    /// A record's subject, as fits its class and its unit: what the unit does, what it licenses, and
    /// no earthquake before the Wenchuan earthquake of 2008-05-12.
    static func subject(of contentClass: String, unitName: String, created: Day, pick: Int) -> String {
        let function = UnitFunction.of(name: unitName)
        if contentClass == "emergencies" && created >= Day("2008-05-12")! && pick % 3 == 0 { return "抗震救灾" }
        let list: [String] = switch contentClass {
        case function?.contentClass.id: function!.subjects
        case "licensing" where !(function?.licenses.isEmpty ?? true): function!.licenses
        default: subjects[contentClass] ?? ["政务"]
        }
        return list[pick % list.count]
    }

    static func title(unit: String, subject: String, year: Int, pick: Int) -> String {
        "\(unit)关于\(year)年度\(subject)的\(kinds[pick / 4 % kinds.count])"
    }

    /// Every catalogue entry has a summary, as the guide promises.
    static func summary(subject: String, className: String, created: Day) -> String {
        "\(created.year)年\(created.components.month)月形成，涉及\(subject)，属\(className)类信息。"
    }

    /// The issuer's prefix of a document number (文号), as the city's offices write them: 成办发 for
    /// the general office, 成府发 and 锦府发 for governments, 锦建发 for a district's construction bureau.
    static func issuerPrefix(name: String, kind: Unit.Kind, parentName: String?) -> String {
        let place = String(name.prefix(1))
        // The parent government's place name (锦江区, 龙泉驿区), which a unit's own name repeats.
        let parentPlace = parentName?.replacingOccurrences(of: "人民政府", with: "") ?? "∅"
        switch kind {
        case .cityGovernment, .districtGovernment: return place + "府发"
        case .generalOffice: return place + "办发"
        case .township, .subDistrict:
            let own = name.hasPrefix(parentPlace) ? String(name.dropFirst(parentPlace.count)) : name
            return String(own.prefix(2)) + (kind == .township ? "府发" : "街发")
        case .department:
            if name.hasSuffix("人民政府办公室") { return place + "府办发" }
            var core = name
            for prefix in ["成都市", parentPlace] where core.hasPrefix(prefix) { core = String(core.dropFirst(prefix.count)) }
            return place + String(core.prefix(1)) + "发"
        }
    }

    /// The unit's office: the city's name first, unless the unit's own name begins with it (成都市商务局).
    static func address(for unit: String) -> String { (unit.hasPrefix("成都市") ? "" : "成都市") + unit + "政务服务中心" }

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

    static func applicant(_ n: Int) -> String { "\(["张", "李", "王", "刘", "陈"][n % 5])先生（来信登记号\(1000 + n)）" }

    /// The answer to request `id`: its outcome (`outcome`), with what a written reply needs besides: the
    /// basis of what a partial disclosure withholds, the reasons of a refusal, and for an answer that
    /// the request is for another body, that body where the unit knows it (two in three). Read off the
    /// same roll, so the scenario draws no more numbers than before.
    static func answer(_ id: String, on day: Day, roll: Int, afterCorrection: Bool) -> RequestStep {
        let outcome = outcome(roll, afterCorrection: afterCorrection)
        var step = RequestStep(kind: .answered, at: day, request: id, outcome: outcome)
        switch outcome {
        case "partly-disclosed":
            step.basis = roll % 2 == 0 ? "personal-privacy" : "commercial-secret"
            step.note = roll % 2 == 0 ? "名单中的身份证号码、住址等个人信息已作区分处理" : "投标人报价构成属商业秘密，已作区分处理"
        case let refusal where refusal.hasPrefix("not-disclosed/"):
            step.note = ["state-secret": "该文件已定密，属国家秘密", "commercial-secret": "涉及企业商业秘密，第三方不同意公开", "personal-privacy": "涉及他人个人隐私，权利人不同意公开"][String(refusal.dropFirst("not-disclosed/".count))]
        case "not-this-body" where roll % 3 != 0:
            step.competentBody = ["成都市国土资源局（028-12345601）", "成都市建设委员会（028-12345602）", "成都市环境保护局（028-12345603）"][roll % 3 == 1 ? 0 : roll % 9 < 5 ? 1 : 2]
        default:
            break
        }
        return step
    }

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
