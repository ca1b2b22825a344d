import Clearance
import EventLog
import Foundation
import Testing
import TestSupport

@testable import Projections

/// The office's papers on a fixed scenario (simulated clock), compared with files kept beside the
/// tests as `RendererSnapshotTests` does (re-record on purpose with `RECORD_SNAPSHOTS=1`): the
/// progress notice, a reply notice, an annual report and the assessment, as text and as an A4 page.
@Suite struct PaperSnapshotTests {
    /// The funnel scenario with Q-1 partly disclosed and an inspection finding never remedied.
    static func scenario() throws -> (TemporaryDirectory, ClearanceState) {
        let directory = try AsOfTests.log()
        let service = ClearanceService(directory: directory.path)
        let day = AsOfTests.day
        try service.append { _ in
            [
                RequestReceived(at: day, request: "Q-1", unit: "jinjiang-jsj", applicant: "张三", description: "道路维修资金").entry(actor: "clerk.wang"),
                RequestStep(kind: .extended, at: day, request: "Q-1", approvedBy: "主任", note: "需征求第三方意见").entry(actor: "clerk.wang"),
                RequestStep(kind: .answered, at: day, request: "Q-1", outcome: "partly-disclosed", note: "投标人报价属商业秘密，已作区分处理", basis: "commercial-secret")
                    .entry(actor: "clerk.wang"),
                InspectionFinding(at: day, finding: "DC-1", unit: "jinjiang-jsj", about: "公开指南缺少传真号码", remedyBy: day).entry(actor: "office.chen"),
            ]
        }
        return (directory, try service.load().state)
    }

    @Test func noticeRenderers() throws {
        let (_, state) = try Self.scenario()
        let notice = ProgressNotice(state: state, units: ["jinjiang-jsj", "cd-bgt", "cd"], on: Day("2008-01-05")!, stage: nil, number: 1, issued: Day("2008-01-07")!, scope: "全市")
        try RendererSnapshotTests.check("notice.txt", Array(PaperText.render(notice.paper(.zh)).utf8))
        try RendererSnapshotTests.check("notice-en.txt", Array(PaperText.render(notice.paper(.en)).utf8))
        try RendererSnapshotTests.check("notice.html", Array(PaperHTML.render(notice.paper(.zh)).utf8))
    }

    @Test func replyRenderers() throws {
        let (_, state) = try Self.scenario()
        let reply = try #require(ReplyNotice(request: "Q-1", in: state))
        try RendererSnapshotTests.check("reply.txt", Array(reply.papers(.zh).map(PaperText.render).joined(separator: "\n").utf8))
        try RendererSnapshotTests.check("reply.json", JSONWriter.bytes(reply.json(.zh)))
    }

    @Test func annualReportRenderers() throws {
        let (_, state) = try Self.scenario()
        let report = AnnualReport(unit: "jinjiang-jsj", year: 2007, state: state)
        try RendererSnapshotTests.check("annual-report.txt", Array(PaperText.render(report.paper(.zh)).utf8))
        try RendererSnapshotTests.check("annual-report.json", JSONWriter.bytes(report.json))
    }

    @Test func assessmentRenderers() throws {
        let (directory, state) = try Self.scenario()
        let assessment = Assessment(year: 2008, on: Day("2009-03-31")!, units: ["jinjiang-jsj", "cd-bgt"], state: state)
        let seqs = try SeqIndex(refs: assessment.refs, reader: LogReader(directory: directory.path), through: state.seq)
        try RendererSnapshotTests.check("assessment.txt", Array(PaperText.render(assessment.paper(.zh, seqs: seqs, scope: "全部单位")).utf8))
        try RendererSnapshotTests.check("assessment.json", JSONWriter.bytes(assessment.json(seqs: seqs)))
        try RendererSnapshotTests.check("assessment.html", Array(PaperHTML.render(assessment.paper(.zh, seqs: seqs, scope: "全部单位")).utf8))
    }

    @Test func worksheetAndWorklistRenderers() throws {
        let (directory, _) = try Self.scenario()
        let (state, head) = try ClearanceService(directory: directory.path).load()
        let worksheet = try InspectionWorksheet(
            unit: "jinjiang-jsj", state: state, head: head, on: Day("2008-01-05")!, sample: 3, seed: 1, reader: LogReader(directory: directory.path))
        try RendererSnapshotTests.check("worksheet.txt", Array(PaperText.render(worksheet.paper(.zh)).utf8))
        try RendererSnapshotTests.check("worksheet.json", JSONWriter.bytes(worksheet.json))
        let worklist = Worklist(state: state, units: ["jinjiang-jsj"], on: Day("2008-01-05")!)
        try RendererSnapshotTests.check("worklist.html", Array(PaperHTML.render(worklist.paper(.zh, scope: "锦江区建设局")).utf8))
    }
}
