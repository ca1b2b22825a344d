import Clearance

/// What a department does, read off its name: the class its norm adds for the key items that fit it
/// (an education bureau discloses education policy, 10-09; an environment bureau its inspections,
/// 10-11), what its records are about, and what it licenses, if anything (a commerce bureau issues no
/// pollutant-discharge permits). Departments whose name fits none keep the common classes.
struct UnitFunction {
    let keywords: [String]
    let contentClass: NormAdopted.ContentClass
    let subjects: [String]
    /// What it licenses; empty: it has no licensing class.
    let licenses: [String]

    static func of(name: String) -> UnitFunction? {
        all.first { function in function.keywords.contains { name.contains($0) } }
    }

    private static func make(
        _ keywords: [String], _ id: String, _ name: String, _ items: [String], _ subjects: [String], licenses: [String] = [], office: String
    ) -> UnitFunction {
        UnitFunction(
            keywords: keywords,
            contentClass: .init(id: id, name: name, keyItems: items, form: "门户网站", timeLimitDays: 20, review: .oneLevel, office: office),
            subjects: subjects, licenses: licenses)
    }

    /// In order: the first whose keyword the name contains (食品药品 before 卫生 would matter if both
    /// appeared in one name; none does in the seed).
    static let all: [UnitFunction] = [
        make(["教育"], "education", "教育事业", ["10-09"], ["义务教育经费保障", "中小学招生入学", "家庭经济困难学生资助", "中小学校舍安全"],
            licenses: ["民办学校设立审批", "教师资格认定"], office: "教育科"),
        make(["食品药品"], "food-drugs", "食品药品监督", ["10-11"], ["食品安全专项整治", "药品质量抽验", "药品经营企业监督检查", "保健食品市场检查"],
            licenses: ["药品经营许可", "医疗器械经营许可"], office: "稽查科"),
        make(["卫生"], "health", "医疗卫生", ["10-09", "10-11"], ["新型农村合作医疗", "社区卫生服务", "公共场所卫生监督检查", "传染病防控"],
            licenses: ["医疗机构执业许可", "食品卫生许可"], office: "卫生监督所"),
        make(["环境保护", "环保"], "environment", "环境保护", ["10-11"], ["环境质量状况", "重点污染源监督检查", "建设项目环境影响评价", "饮用水源保护"],
            licenses: ["排污许可证核发", "建设项目环境影响评价审批"], office: "监察科"),
        make(["建设", "规划", "城市管理", "城管"], "construction", "城乡建设", ["10-08", "11-01"], ["城市道路建设", "旧城改造", "经济适用住房建设", "市政设施维护"],
            licenses: ["建筑工程施工许可", "建设工程规划许可"], office: "建设科"),
        make(["国土", "房产", "房管"], "land", "征地拆迁", ["11-03"], ["征地补偿安置", "国有土地使用权出让", "城市房屋拆迁补偿", "土地利用年度计划"],
            licenses: ["建设用地审批", "房屋拆迁许可"], office: "地籍科"),
        make(["民政"], "relief", "社会救助", ["10-09", "11-04"], ["城乡居民最低生活保障", "救灾款物发放", "社会捐赠款物管理", "优抚安置"],
            licenses: ["社会团体登记", "民办非企业单位登记"], office: "救灾救济科"),
        make(["劳动", "社会保障", "人事", "人力资源"], "employment", "就业和社会保障", ["10-09"], ["就业再就业", "城镇职工养老保险", "劳动保障监察", "职业技能培训"],
            licenses: ["职业介绍机构设立许可"], office: "就业科"),
        make(["物价"], "prices", "收费和价格", ["10-05"], ["行政事业性收费标准", "价格监督检查", "重要商品和服务价格", "收费许可证年审"],
            licenses: ["收费许可证核发"], office: "收费管理科"),
        make(["财政"], "fees", "行政事业性收费", ["10-05"], ["行政事业性收费项目", "财政预算执行", "专项资金管理", "政府非税收入"], office: "综合科"),
        make(["统计"], "statistics", "统计信息", ["10-03"], ["国民经济和社会发展统计公报", "统计月报", "经济普查", "统计执法检查"], office: "综合科"),
        make(["安全生产", "安监"], "safety", "安全生产", ["10-11"], ["安全生产大检查", "生产安全事故", "重大危险源监控", "烟花爆竹安全管理"],
            licenses: ["危险化学品经营许可", "烟花爆竹经营许可"], office: "监督科"),
        make(["质量技术监督", "质监"], "quality", "产品质量监督", ["10-11"], ["产品质量监督抽查", "计量器具检定", "特种设备安全监察", "标准化管理"],
            licenses: ["工业产品生产许可", "特种设备作业人员考核"], office: "质量科"),
        make(["发展和改革", "发展改革", "发改"], "development", "发展规划和重大项目", ["10-02", "10-08"], ["国民经济和社会发展计划", "重大建设项目", "城乡统筹发展", "服务业发展"],
            licenses: ["企业投资项目核准"], office: "规划科"),
        make(["公安"], "security", "公安管理", ["10-07"], ["户籍管理", "出入境证件办理", "机动车登记", "社会治安"],
            licenses: ["户口迁移审批", "出入境证件签发"], office: "法制科"),
        make(["商务"], "commerce", "商贸流通", ["10-02"], ["商贸流通发展", "外商投资促进", "市场运行监测", "酒类流通管理"],
            licenses: ["酒类流通备案登记", "外商投资企业设立审批"], office: "市场科"),
        make(["农业", "农村", "林业", "水务", "水利"], "agriculture", "农村工作", ["10-09", "11-02"], ["粮食直补资金", "农业综合开发", "农村饮水安全", "防汛抗旱"],
            licenses: ["取水许可", "林木采伐许可"], office: "农经科"),
        make(["交通"], "transport", "交通建设", ["10-08"], ["公路建设", "公交线网优化", "道路运输管理", "交通安全整治"],
            licenses: ["道路运输经营许可"], office: "建设科"),
        make(["工商"], "market", "市场监管", ["10-11"], ["企业年度检验", "消费者权益保护", "市场专项整治", "商标管理"],
            licenses: ["企业登记注册"], office: "企业科"),
    ]
}
