import Clearance
import EventLog

/// Batches of a city-sized clearance for benchmarks: every unit of the seed with roles, a norm and a
/// profile, then records registered, classified (mostly proactive, some on request, a few exempt with
/// a basis), reviewed (some returned and classified again), most proactive ones published, a few
/// corrected or withdrawn, with feedback and requests. Deterministic for a seed. The events are in
/// rule order but are not put through the rules: checking millions is not what is measured.
struct CityLog: Sequence, IteratorProtocol {
    static let batchSize = 10_000
    static let subjects = ["城市道路维修", "社区卫生服务", "农村低保资金", "政府采购目录", "建设项目审批", "食品安全检查", "义务教育经费", "防汛应急预案", "征地补偿标准", "行政事业性收费"]
    static let kinds = ["通知", "公告", "实施意见", "工作方案", "情况通报", "管理办法"]
    static let bases = ["state-secret", "commercial-secret", "personal-privacy"]
    /// Answers under the 2007 Regulations, which govern the log's years (request-outcomes.json).
    static let outcomes = ["disclosed", "partly-disclosed", "not-disclosed/state-secret", "not-this-body", "not-exist", "unclear"]

    private let units: [(id: String, name: String, classes: [NormAdopted.ContentClass])]
    /// Cumulative weights: a city department registers more than a township.
    private let weights: [Int]
    private let events: Int
    private let start: Day
    private var random: SplitMix64
    private var emitted = 0
    private var setUpDone = false
    private var serials: [String: Int] = [:]
    private var record = 0

    init(reference: ReferenceData, events: Int, start: Day, seed: UInt64) {
        units = reference.unitOrder.map {
            ($0, reference.units[$0]?.name ?? $0, CityTexts.classes(tier: reference.unitTier($0) ?? 2))
        }
        var total = 0
        weights = reference.unitOrder.map { id in
            total += 4 - (reference.units[id]?.tier ?? 3)
            return total
        }
        self.events = events
        self.start = start
        random = SplitMix64(seed: seed)
    }

    mutating func next() -> [NewEntry]? {
        if !setUpDone {
            setUpDone = true
            return setUp()
        }
        guard emitted < events else { return nil }
        var batch: [NewEntry] = []
        batch.reserveCapacity(Self.batchSize + 16)
        while batch.count < Self.batchSize && emitted + batch.count < events { batch += lifecycle() }
        emitted += batch.count
        return batch
    }

    /// Roles, a norm and a profile for every unit, as of the first day.
    private mutating func setUp() -> [NewEntry] {
        units.flatMap { unit, name, classes in
            [
                RoleGranted(at: start, person: "clerk.\(unit)", role: .clerk, units: [unit]).entry(actor: "office.chen"),
                RoleGranted(at: start, person: "reviewer.\(unit)", role: .reviewer, units: [unit]).entry(actor: "office.chen"),
                RoleGranted(at: start, person: "publisher.\(unit)", role: .publisher, units: [unit]).entry(actor: "office.chen"),
                NormAdopted(at: start.advanced(by: Int(random.next() % 60)), unit: unit, classes: classes, feedbackDays: 15).entry(actor: "clerk.\(unit)"),
                UnitProfileSet(at: start, unit: unit, values: [
                    "office": "\(name)办公室", "address": "成都市\(name)", "hours": "工作日 9:00-17:00", "phone": "028-8000\(unit.count)",
                ]).entry(actor: "clerk.\(unit)"),
            ]
        }
    }

    /// One record's events from registration on, and now and then a piece of feedback or a request.
    private mutating func lifecycle() -> [NewEntry] {
        record += 1
        let pick = Int(random.next() % UInt64(weights.last!))
        let unit = units[weights.firstIndex { pick < $0 }!]
        let (clerk, reviewer, publisher) = ("clerk.\(unit.id)", "reviewer.\(unit.id)", "publisher.\(unit.id)")
        // Business days move from the start through about fifteen months as the log grows.
        let day = start.advanced(by: 450 * emitted / Swift.max(events, 1))
        let id = "R\(record)"
        let roll = random.next() % 100
        let title = "\(unit.name)关于\(2006 + Int(roll % 3))年度\(Self.subjects[Int(roll % 10)])的\(Self.kinds[Int(random.next() % 6)])"
        var out = [RecordRegistered(
            at: day, record: id, unit: unit.id, title: title, documentNumber: roll % 3 == 0 ? "〔2007〕\(record % 500)号" : nil,
            created: day.advanced(by: -Int(roll % 40)), summary: roll % 4 == 0 ? "关于\(Self.subjects[Int(roll % 10)])的有关事项" : "", term: "2007-2011"
        ).entry(actor: clerk)]
        let disclosure: Disclosure = roll < 72 ? .proactive : roll < 95 ? .onRequest : .exempt
        let contentClass = unit.classes[Int(roll) % unit.classes.count]
        let classified = RecordClassified(
            at: day.advanced(by: 2), record: id, contentClass: contentClass.id, keyItem: contentClass.keyItems.first,
            disclosure: disclosure, basis: disclosure == .exempt ? Self.bases[Int(roll % 3)] : nil)
        out.append(classified.entry(actor: clerk))
        if random.next() % 100 < 8 {
            out.append(RecordReviewed(at: day.advanced(by: 4), record: id, level: 1, secrecy: .passed, accuracy: .failed, outcome: .returned, checked: "文号", grounds: "请核对文号").entry(actor: reviewer))
            out.append(classified.entry(actor: clerk))
        }
        for level in 1...contentClass.reviewLevels {
            out.append(RecordReviewed(at: day.advanced(by: 5 + level), record: id, level: level, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").entry(actor: reviewer))
        }
        if disclosure == .proactive && random.next() % 100 < 85 {
            let year = day.year
            let serial = (serials["\(unit.id)/\(year)"] ?? 0) + 1
            serials["\(unit.id)/\(year)"] = serial
            let published = day.advanced(by: 8 + Int(random.next() % 30))
            out.append(RecordPublished(at: published, record: id, indexNumber: IndexNumber(unit: unit.id, year: year, serial: serial).description, channel: "portal").entry(actor: publisher))
            let after = random.next() % 200
            if after == 0 { out.append(RecordWithdrawn(at: published.advanced(by: 30), record: id, reason: "内容已失效").entry(actor: publisher)) }
            if after == 1 { out.append(RecordCorrected(at: published.advanced(by: 10), record: id, title: title + "（更正）", before: .init(title: title), reason: "标题有误").entry(actor: clerk)) }
        }
        if record % 40 == 0 {
            out.append(FeedbackReceived(at: day, feedback: "F\(record)", unit: unit.id, record: id, text: "请补充公开相关附件").entry(actor: clerk))
            if random.next() % 10 != 0 { out.append(FeedbackAnswered(at: day.advanced(by: 10), feedback: "F\(record)", answer: "已补充").entry(actor: clerk)) }
        }
        if record % 60 == 0 {
            out.append(RequestReceived(at: day, request: "Q\(record)", unit: unit.id, applicant: "申请人\(record)", description: "申请公开\(title)").entry(actor: clerk))
            let outcome = Self.outcomes[Int(random.next() % UInt64(Self.outcomes.count))]
            out.append(RequestStep(kind: .answered, at: day.advanced(by: 12), request: "Q\(record)", outcome: outcome).entry(actor: clerk))
        }
        return out
    }
}
