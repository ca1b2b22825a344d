import Clearance
import EventLog
import Foundation
import Testing
import TestSupport

@testable import Projections

/// The renderers' output on a fixed scenario (simulated clock), compared with files kept beside the
/// tests. To re-record them on purpose: `RECORD_SNAPSHOTS=1 swift test --filter RendererSnapshotTests`,
/// then read the diff.
@Suite struct RendererSnapshotTests {
    static func folder(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static func check(_ name: String, _ bytes: [UInt8]) throws {
        let url = folder().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try Data(bytes).write(to: url)
            return
        }
        let expected = try Array(Data(contentsOf: url))
        guard bytes != expected else { return }
        // The first line that differs, not two arrays of bytes: snapshots run to kilobytes.
        let got = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let want = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        func shown(_ lines: [ArraySlice<UInt8>]) -> String {
            line < lines.count ? String(decoding: lines[line].prefix(400), as: UTF8.self) : "(end of file)"
        }
        Issue.record("""
            \(name) differs from its snapshot at line \(line + 1) (re-record on purpose if the change is intended):
              got:      \(shown(got))
              expected: \(shown(want))
            """)
    }

    static func state() throws -> ClearanceState {
        let directory = try AsOfTests.log()
        let service = ClearanceService(directory: directory.path)
        try service.append { _ in
            [UnitProfileSet(at: AsOfTests.day, unit: "jinjiang-jsj", values: [
                "office": "锦江区建设局办公室", "address": "成都市锦江区东大街1号", "hours": "工作日 9:00–17:00", "phone": "028-12345678",
            ]).entry(actor: "clerk.wang")]
        }
        return try service.load().state
    }

    @Test func catalogueRenderers() throws {
        let catalogue = CatalogueProjection(title: "锦江区建设局 政府信息公开目录", units: ["jinjiang-jsj"], state: try Self.state())
        try Self.check("catalogue.csv", catalogue.csv)
        try Self.check("catalogue.json", JSONWriter.bytes(catalogue.json))
        try Self.check("catalogue.html", Array(catalogue.html.utf8))
    }

    @Test func guideRenderers() throws {
        let guide = GuideProjection(unit: "jinjiang-jsj", state: try Self.state(), on: AsOfTests.day)
        try Self.check("guide.md", Array(guide.markdown.utf8))
        try Self.check("guide.html", Array(guide.html.utf8))
    }

    /// The audit trail of the scenario, with what an inspection looks for: someone holding two roles,
    /// an exemption and its basis, a return at review, a correction and a withdrawal
    /// after publication, and an entry recorded days after its business date.
    @Test func auditRenderers() throws {
        let directory = try Self.auditScenario()
        // The seed's reference entries (over 900) are left out: their rows are all alike.
        var filter = AuditTrail.Filter()
        filter.types = ["role.*", "norm.*", "record.*"]
        let trail = try AuditTrail(reader: LogReader(directory: directory.path), filter: filter)
        try Self.check("audit.csv", trail.csv)
        try Self.check("audit.html", Array(trail.html(chain: "chain status (the audit command checks the log and says it here)").utf8))
    }

    /// The scenario's log with those entries added.
    static func auditScenario() throws -> TemporaryDirectory {
        let directory = try AsOfTests.log()
        let service = ClearanceService(directory: directory.path)
        let day = AsOfTests.day
        try service.append { _ in
            [
                RoleGranted(at: day, person: "clerk.wang", role: .reviewer, units: ["jinjiang-jsj"]).entry(actor: "office.chen"),
                RecordRegistered(at: day.advanced(by: -3), record: "R-X", unit: "jinjiang-jsj", title: "涉密文件", created: day.advanced(by: -30), summary: "")
                    .entry(actor: "clerk.wang"),
                RecordClassified(at: day, record: "R-X", contentClass: "plans", keyItem: "11-01", disclosure: .exempt, basis: "state-secret")
                    .entry(actor: "clerk.wang"),
                RecordCorrected(at: day, record: "R-0", title: "通知0（修订）", before: .init(title: "通知0"), reason: "原标题文号有误").entry(actor: "clerk.wang"),
                RecordWithdrawn(at: day, record: "R-1", reason: "该文件已被新文件替代").entry(actor: "publisher.li"),
            ]
        }
        return directory
    }

    /// The scenario with feedback and requests: one of each answered the day it came, one never answered
    /// (past its deadline by the end of February).
    static func funnelState() throws -> ClearanceState {
        let directory = try AsOfTests.log()
        let service = ClearanceService(directory: directory.path)
        let day = AsOfTests.day
        try service.append { _ in
            [
                FeedbackReceived(at: day, feedback: "F-1", unit: "jinjiang-jsj", record: "R-0", text: "能否公开附件？").entry(actor: "clerk.wang"),
                FeedbackReceived(at: day, feedback: "F-2", unit: "jinjiang-jsj", text: "网站无法访问").entry(actor: "clerk.wang"),
                RequestReceived(at: day, request: "Q-1", unit: "jinjiang-jsj", applicant: "张三", description: "道路维修资金").entry(actor: "clerk.wang"),
                RequestReceived(at: day, request: "Q-2", unit: "jinjiang-jsj", applicant: "李四", description: "拆迁补偿标准").entry(actor: "clerk.wang"),
            ]
        }
        try service.append { _ in
            [
                FeedbackAnswered(at: day, feedback: "F-2", answer: "已修复").entry(actor: "clerk.wang"),
                RequestStep(kind: .answered, at: day, request: "Q-2", outcome: "disclosed").entry(actor: "clerk.wang"),
            ]
        }
        return try service.load().state
    }

    @Test func progressRenderer() throws {
        let progress = ProgressProjection(state: try Self.state(), units: ["jinjiang-jsj", "cd-bgt", "cd"], on: Day("2008-01-05")!)
        try Self.check("progress.json", JSONWriter.bytes(progress.json))
        try Self.check("progress.html", Array(progress.html(scope: "全部单位").utf8))
        // Stage 4 on the scenario with backlogs cleared newest first, cleared out of order, and half cleared.
        let backlogs = ProgressProjection(
            state: try ProgressProjectionTests.backlogs(), units: ["jinjiang-jsj", "cd", "cd-fgw", "cd-jyj", "cd-jtw"], on: Day("2008-01-05")!)
        try Self.check("progress-stage-4.html", Array(backlogs.only(stage: 4).html(scope: "全部单位").utf8))
    }

    @Test func funnelRenderer() throws {
        let funnel = FunnelProjection(state: try Self.funnelState(), units: ["jinjiang-jsj", "cd-bgt"], on: Day("2008-02-29")!)
        var json: [UInt8] = []
        funnel.writeJSON { json += $0 }
        try Self.check("funnel.json", json)
        try Self.check("funnel.html", Array(funnel.html(scope: "锦江区建设局").utf8))
    }
}
