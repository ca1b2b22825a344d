import Clearance
import EventLog
import Projections

/// The general office's side of the year, as the plan's safeguards (组织保障, 督促检查) and the
/// Regulations have it: a progress notice after each stage deadline and at the year's end, an
/// inspection round in May 2008 whose findings most units remedy, a few reconsiderations and lawsuits
/// over refusals, and every unit's 2008 annual report filed (most by 2009-03-20, some late, a few
/// stalled units never) and published by 2009-03-31 (a few not). Choices are read off a stable hash of
/// the ids, so the units' own stories draw no more numbers than before.
extension CityScenario {
    /// FNV-1a of the text: the same on every machine and run (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    mutating func planOfficeYear(_ units: [String], _ tempers: [String: Temper], _ staff: [String: Staff]) {
        planNotices()
        planInspections(units, staff)
        planRemedyCases(staff)
        planAnnualReports(units, tempers, staff)
    }

    /// A notice the working day after each stage deadline, one at the year's end, and a closing one on
    /// the reports' deadline, the demo's last day.
    private mutating func planNotices() {
        let deadlines = Set(reference.stages.values.compactMap(\.deadline)).sorted() + [Day("2008-12-31")!]
        for (judged, issued) in deadlines.map({ ($0, workingDay(onOrAfter: $0.advanced(by: 1))) }) + [(Self.end, Self.end)] {
            plan.office(issued) { state, directory in
                let (event, _) = try NoticeIssuing.issue(
                    in: state, logDirectory: directory, actor: Self.office, judged: judged, issued: issued, stage: nil, district: nil, language: .zh)
                return [event.entry(actor: Self.office)]
            }
        }
    }

    /// In May 2008 the office inspects the units still behind on stage 6 and those whose guide lacks
    /// something, one in three of them: a finding each, to be remedied within 20 working days; four in
    /// five remedy it (one in four of those late), the rest never.
    private mutating func planInspections(_ units: [String], _ staff: [String: Staff]) {
        let day = Day("2008-05-20")!
        let remedyBy = adding(20, to: day)
        let calendar = self.calendar
        plan.office(day) { state, _ in
            let progress = ProgressProjection(state: state, units: Set(units), on: day)
            let behind = Set(progress.stages.first { $0.number == 6 }?.behind.map(\.unit) ?? [])
            return units.filter { behind.contains($0) && Self.stableHash("inspect/" + $0) % 3 == 0 }.map { unit in
                let gaps = GuideProjection.gaps(of: unit, in: state)
                let about = gaps.isEmpty ? "存量信息尚未全部清理、发布，公开目录不完整" : "公开指南缺少：\(gaps.map(\.zh).joined(separator: "、"))"
                return InspectionFinding(at: day, finding: "DC-2008-\(unit)", unit: unit, about: about, remedyBy: remedyBy).entry(actor: Self.office)
            }
        }
        for unit in units where staff[unit] != nil {
            let hash = Self.stableHash("remedy/" + unit)
            guard hash % 5 != 0 else { continue }
            let late = hash % 4 == 0
            let on = (try? calendar.adding(workingDays: late ? 22 + Int(hash % 15) : 3 + Int(hash % 16), to: day).due) ?? remedyBy
            let clerk = staff[unit]!.clerk
            plan.office(on) { state, _ in
                guard state.supervision.findings["DC-2008-\(unit)"]?.remedied == nil, state.supervision.findings["DC-2008-\(unit)"] != nil else { return [] }
                return [InspectionRemedied(at: on, finding: "DC-2008-\(unit)", note: "已补充完善并在门户网站更新").entry(actor: clerk)]
            }
        }
    }

    /// Late in 2008 one in four applicants refused information asks for a reconsideration, and one in
    /// twenty sues; early in 2009 most reconsiderations are decided, most upholding the refusal.
    private mutating func planRemedyCases(_ staff: [String: Staff]) {
        let filed = Day("2008-12-15")!, decided = Day("2009-02-16")!
        plan.office(filed) { state, _ in
            state.requests.keys.sorted().compactMap { id -> NewEntry? in
                guard let request = state.requests[id], let answer = request.answered, answer.outcome?.hasPrefix("not-disclosed") == true,
                    let clerk = staff[request.received.unit]?.clerk
                else { return nil }
                let hash = Self.stableHash("case/" + id)
                guard hash % 4 == 0 || hash % 20 == 1 else { return nil }
                let kind: RemedyFiled.Kind = hash % 4 == 0 ? .reconsideration : .litigation
                return RemedyFiled(at: filed, remedyCase: "FY-\(id)", kind: kind, unit: request.received.unit, request: id, route: kind == .litigation ? .direct : nil)
                    .entry(actor: clerk)
            }
        }
        plan.office(decided) { state, _ in
            state.supervision.remedyCases.keys.sorted().compactMap { id -> NewEntry? in
                guard let item = state.supervision.remedyCases[id], let clerk = staff[item.filed.unit]?.clerk else { return nil }
                let hash = Self.stableHash("decided/" + id)
                guard hash % 3 != 0 else { return nil }
                return RemedyDecided(at: decided, remedyCase: id, outcome: hash % 5 == 0 ? .corrected : hash % 7 == 0 ? .other : .upheld).entry(actor: clerk)
            }
        }
    }

    /// Every unit files its report on 2008 with the figures the log gives, most by 2009-03-20, the late
    /// ones after it, half the stalled never; each publishes a few working days after filing, by the
    /// end of March, one in fifteen not by then.
    private mutating func planAnnualReports(_ units: [String], _ tempers: [String: Temper], _ staff: [String: Staff]) {
        let from = Day("2009-02-16")!
        for unit in units {
            guard let clerk = staff[unit]?.clerk, let temper = tempers[unit] else { continue }
            let hash = Self.stableHash("report/" + unit)
            if temper == .stalled && hash % 2 == 0 { continue }
            let late = temper == .late || temper == .stalled || hash % 25 == 0
            let filed = late ? adding(24 + Int(hash % 5), to: from) : adding(Int(hash % 24), to: from)
            let published = adding(2 + Int(hash % 5), to: filed)
            let name = reference.units[unit]?.name ?? unit
            plan.office(filed) { state, _ in
                let figures = AnnualFigures(unit: unit, year: 2008, state: state)
                let narrative = [
                    "overview": "\(name)认真贯彻《中华人民共和国政府信息公开条例》，按照全市统一部署完成政府信息公开指南和目录编制工作。",
                    "staff-and-funding": "本单位政府信息公开工作由办公室归口管理。",
                    "problems": "信息更新不够及时，部分栏目内容有待充实；下一步将完善审核机制，提高公开时效。",
                    "notes": "本报告所列数据统计期限为2008年1月1日至2008年12月31日。",
                ]
                return [ReportFiled(
                    at: filed, unit: unit, year: 2008, figures: figures, narrative: narrative, feesCharged: 0, feesWaived: 0,
                    staffFullTime: Int(hash % 3), staffPartTime: 1 + Int(hash % 4), funding: 5000 * (1 + Int(hash % 8))
                ).entry(actor: clerk)]
            }
            guard hash % 15 != 7 else { continue }
            plan.office(published) { state, _ in
                guard state.supervision.reports[Supervision.reportKey(unit, 2008)] != nil else { return [] }
                return [ReportPublished(at: published, unit: unit, year: 2008).entry(actor: clerk)]
            }
        }
    }
}
