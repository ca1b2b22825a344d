import Clearance
import EventLog

/// The inspection worksheet (督查工作底稿) an inspector of the general office takes to a unit: what its
/// guide lacks; its catalogue checked against its records (every published record listed, index
/// numbers without gaps, withdrawn and corrected entries shown as such); a reproducible random sample
/// of its records, each with its whole trail and whether it was published on time; its exemptions and
/// their bases; feedback and requests past their deadline; its open inspection findings; and the log
/// entry it was drawn from. An internal paper: it names people and withheld titles.
///
/// Every judgement is another view's: the guide's gaps (`GuideProjection`), the catalogue's rows
/// (`CatalogueRows`), the trail (`AuditTrail`), deadlines (`PublicationClock`, `FunnelProjection`).
public struct InspectionWorksheet: Sendable {
    /// The sample drawn: how many were asked for, from how many records, with which seed.
    public struct Sample: Sendable {
        public let seed: UInt64
        public let asked: Int
        public let population: Int
        /// The records drawn, by record id.
        public let trails: [RecordTrail]
    }

    /// A withheld record and the basis it is withheld on.
    public struct Exemption: Sendable {
        public let record: RecordState
        /// The basis id: the latest reassessment's that kept it withheld on another one, else its classification's.
        public let basis: String
        /// The basis as replies print it (国家秘密), and the article of the rules in force when it was classified.
        public let basisTitle: String?
        public let article: String?
    }

    /// Feedback or a request past its reply deadline, with the day it came and (a request) who asked.
    public struct LateReply: Sendable {
        public let item: PastDeadline
        public let received: Day?
        public let applicant: String?
    }

    public let unit: String
    public let name: String
    /// The day judged.
    public let day: Day
    /// `SEQ:HASH` of the log entry the state was loaded at (nil: an empty log).
    public let anchor: String?
    public let guideGaps: [GuideGap]
    public let catalogue: CatalogueCheck
    public let sample: Sample
    public let exemptions: [Exemption]
    /// Feedback and requests past their deadline, by due day.
    public let lateReplies: [LateReply]
    /// The funnel's other items past their deadline: publications and reassessments.
    public let latePublications: Int
    public let overdueReassessments: Int
    /// Findings open on `day`, in the order found, and how many of the unit's were remedied by then.
    public let openFindings: [Supervision.Finding]
    public let remediedFindings: Int

    /// The sample's default size and seed.
    public static let defaultSample = 10
    public static let defaultSeed: UInt64 = 1

    /// Draws the worksheet of `unit` from `state` (loaded at `head`, with its profiles, feedback,
    /// requests and supervision), judged on `day`; the trails are read from `reader` up to `head`.
    /// Throws what reading the log throws.
    public init(unit: String, state: ClearanceState, head: LogHead?, on day: Day, sample size: Int, seed: UInt64, reader: LogReader) throws {
        (self.unit, self.day, anchor) = (unit, day, head?.anchor)
        name = state.reference.units[unit]?.name ?? unit
        guideGaps = GuideProjection.gaps(of: unit, in: state)
        var records: [RecordState] = []
        state.records.forEach(inUnits: [unit]) { records.append($0) }
        // The population's order is the records' ids: the same log and seed draw the same sample.
        records.sort { $0.registration.record < $1.registration.record }
        let steps = try head.map { try AuditTrail.recordSteps(ofUnit: unit, reader: reader, through: $0.seq) } ?? [:]
        catalogue = CatalogueCheck(unit: unit, records: records, entries: CatalogueRows(units: [unit], state: state).entries(ofUnits: [unit]), steps: steps)

        let calendar = try? state.reference.calendar()
        let drawn = SeededSample.positions(size, of: records.count, seed: seed).sorted()
        sample = Sample(seed: seed, asked: size, population: records.count, trails: drawn.map { position in
            let record = records[position]
            return RecordTrail(record, steps: steps[record.registration.record] ?? [], state: state, calendar: calendar, on: day)
        })

        exemptions = records.compactMap { record in
            guard let classification = record.classification, classification.disclosure == .exempt else { return nil }
            let kept = (steps[record.registration.record] ?? []).reversed().lazy.compactMap { step -> String? in
                if case .recordReassessed(let e) = step.event, e.conclusion == .keepWithheld { return e.basis } else { return nil }
            }.first
            let basis = kept ?? classification.basis ?? ""
            return Exemption(
                record: record, basis: basis, basisTitle: state.reference.exemptionTitles[basis],
                article: state.reference.ruleSet(on: classification.at)?.exemptionArticles[basis])
        }

        let funnel = FunnelProjection(state: state, units: [unit], on: day)
        lateReplies = funnel.pastDeadline.compactMap { item in
            switch item.kind {
            case .feedback: LateReply(item: item, received: state.feedback[item.item]?.received.at, applicant: nil)
            case .request:
                LateReply(item: item, received: state.requests[item.item]?.received.at, applicant: state.requests[item.item]?.received.applicant)
            case .publication, .reassessment: nil
            }
        }
        latePublications = funnel.pastDeadline.filter { $0.kind == .publication }.count
        overdueReassessments = funnel.pastDeadline.filter { $0.kind == .reassessment }.count

        let findings = state.supervision.findings(at: unit)
        openFindings = findings.filter { $0.isOpen(on: day) }
        remediedFindings = findings.filter { $0.remedied.map { $0.at <= day } ?? false }.count
    }

    /// Whether an open finding's remedy day has passed on the worksheet's day.
    public func isOverdue(_ finding: Supervision.Finding) -> Bool { finding.found.remedyBy < day }
}
