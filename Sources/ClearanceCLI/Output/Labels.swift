/// The words of tables and views in Chinese or English (`--lang zh|en`, by default from `LANG`).
/// JSON output keeps its English keys and values: it is for programs, not people.
struct Labels: Sendable {
    enum Language: String, Sendable { case zh, en }

    let language: Language

    /// `--lang` if given (a usage error if not zh or en), else Chinese when `LANG` starts with `zh`.
    init(option: String?, environment: [String: String]) throws {
        if let option {
            guard let language = Language(rawValue: option) else { throw UsageError("--lang takes zh or en, not '\(option)'") }
            self.language = language
        } else {
            self.language = (environment["LC_ALL"] ?? environment["LANG"] ?? "").hasPrefix("zh") ? .zh : .en
        }
    }

    /// The word for `key` (an English label or value) in the chosen language.
    func callAsFunction(_ key: String) -> String {
        language == .zh ? Self.chinese[key] ?? key : key
    }

    static let chinese: [String: String] = [
        // Table headers and field names.
        "RECORD": "记录", "UNIT": "单位", "STATUS": "状态", "DISCLOSURE": "公开属性", "TITLE": "信息名称",
        "TIER": "层级", "KIND": "类型", "DISTRICT": "区（市）县", "NAME": "名称", "STAGE": "阶段", "DEADLINE": "完成时间",
        "RESPONSIBLE": "责任单位", "MILESTONES": "已完成", "PERSON": "人员", "ROLE": "角色", "UNITS": "单位",
        "REQUEST": "申请", "RECEIVED": "收到日期", "DUE": "答复期限", "EXTENDED": "已延期", "ANSWERED": "答复日期",
        "OUTCOME": "答复结果", "FEEDBACK": "意见", "TEXT": "内容", "CLASS": "类别", "KEY ITEMS": "关键条目", "LIMIT": "时限",
        "REVIEW": "审核", "OFFICE": "负责科室", "INDEX NUMBER": "索引号", "CREATED": "生成日期", "PUBLISHED": "发布日期", "DOC": "文号", "SEQ": "序号", "RECORDED": "记录时间", "AT": "业务日期", "ACTOR": "操作人", "TYPE": "事件类型", "SUBJECT": "对象", "CHANGE": "变化", "FLAGS": "提示", "GROUP": "分组", "ON TIME": "按时完成", "LATE": "逾期完成", "OPEN": "进行中", "OVERDUE": "已逾期", "DONE": "完成率", "NEWEST FIRST": "由近及远", "DUE DAY": "期限", "DONE ON": "完成日期", "ITEM": "事项",
        "record": "记录", "unit": "单位", "title": "信息名称", "status": "状态", "created": "生成日期",
        "registeredBy": "登记人", "documentNumber": "文号", "summary": "内容概述", "class": "类别", "keyItem": "关键条目",
        "disclosure": "公开属性", "basis": "不予公开依据", "classifiedBy": "定类人", "reviewLevels": "审核级次",
        "lastReturned": "最近退回", "publishBy": "公开时限", "indexNumber": "索引号", "published": "发布日期",
        // Values.
        "registered": "已登记", "classified": "已定类", "approved": "审核通过", "withdrawn": "已撤回",
        "proactive": "主动公开", "on-request": "依申请公开", "exempt": "不予公开", "yes": "是",
        "clerk": "经办人", "reviewer": "审核人", "publisher": "发布人", "general-office": "政府办公厅", "auditor": "审计检查",
        "open": "进行中", "overdue": "已逾期", "publication": "发布", "feedback": "意见", "request": "申请", "reassessment": "不予公开复核", "REASSESS": "复核逾期",
        // The worklist (todo).
        "TO DO": "待办", "due-soon": "即将到期", "pending": "待办理", "unknown": "暂无法确定", "due": "期限",
        "classify": "定类", "review": "审核", "publish": "发布", "remedy": "整改", "file": "报送年报", "publish-report": "公布年报", "answer feedback": "答复意见", "answer request": "答复申请",
        "(everywhere)": "（全部单位）", "one-level": "一级审核", "two-level": "两级审核",
    ]
}
