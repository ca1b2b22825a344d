import Testing

@testable import Projections

@Suite struct SVGBarChartTests {
    static let series = [SVGBarChart.Series("on time", colour: "#009E73"), SVGBarChart.Series("overdue", colour: "#D55E00")]

    /// The `width="…"` of every segment drawn in `colour`, in order.
    static func widths(_ svg: String, colour: String) -> [String] {
        svg.components(separatedBy: "<rect ").filter { $0.contains(#"fill="\#(colour)">"#) }.compactMap { rect in
            rect.components(separatedBy: #"width=""#).dropFirst().first?.components(separatedBy: "\"").first
        }
    }

    @Test(arguments: [
        ([1, 3], 4, [0, 1000, 1000, 3000]),
        ([1, 1, 1], 3, [0, 1333, 1333, 1334, 2667, 1333]),  // rounding never moves the end off 400 px
        ([0, 5], 5, [0, 0, 0, 4000]),
        ([2], 4, [0, 2000]),  // a shared maximum: half as long as the longest bar
        ([0, 0], 0, [0, 0, 0, 0]),  // nothing to draw: no division by zero
    ])
    func segmentsAreProportionalToTheirValues(values: [Int], scaleTotal: Int, expected: [Int]) {
        let segments = SVGBarChart.segments(values, scaleTotal: scaleTotal, width: 400)
        #expect(segments.flatMap { [$0.x, $0.width] } == expected)
    }

    @Test func eachBarFillsTheWidthWithItsShares() {
        let chart = SVGBarChart(
            title: "stages", series: Self.series, bars: [.init("1", values: [1, 3]), .init("2", values: [9, 0])], scale: .shareOfEachBar)
        #expect(Self.widths(chart.svg, colour: "#009E73") == ["100.0", "400.0"])
        #expect(Self.widths(chart.svg, colour: "#D55E00") == ["300.0"], "a zero segment is not drawn")
        #expect(chart.svg.contains(">1 / 3</text>") && chart.svg.contains(">9 / 0</text>"), "the numbers as text, for readers without colour")
        #expect(chart.svg.contains(">on time / overdue</text>"), "the numbers' order is written over them")
    }

    @Test func aSharedMaximumMakesBarsAsLongAsTheirTotals() {
        let chart = SVGBarChart(
            title: "records", series: Self.series, bars: [.init("a", values: [2, 2]), .init("b", values: [1, 0])], scale: .sharedMaximum)
        #expect(Self.widths(chart.svg, colour: "#009E73") == ["200.0", "100.0"])
        #expect(Self.widths(chart.svg, colour: "#D55E00") == ["200.0"])
    }

    @Test(arguments: [SVGBarChart.Scale.shareOfEachBar, .sharedMaximum])
    func zeroTotalsDrawAnEmptyTrack(scale: SVGBarChart.Scale) {
        let chart = SVGBarChart(title: "none", series: Self.series, bars: [.init("empty", values: [0, 0], note: "共 0 个单位")], scale: scale)
        #expect(Self.widths(chart.svg, colour: "#009E73").isEmpty && Self.widths(chart.svg, colour: "#D55E00").isEmpty)
        #expect(chart.svg.contains(##"width="400" height="14" fill="#eeeeee""##))
        #expect(chart.svg.contains(">0 / 0 · 共 0 个单位</text>"))
        #expect(!chart.svg.contains("nan") && !chart.svg.contains("inf"))
        #expect(SVGBarChart(title: "no bars", series: Self.series, bars: [], scale: scale).svg.hasSuffix("</svg>"))
    }

    @Test func everyTextIsEscaped() {
        let chart = SVGBarChart(
            title: "<script>", series: [.init("a<b", colour: "\"red")], bars: [.init(#"R&D "x" <i>"#, values: [1], note: "<note>")],
            scale: .shareOfEachBar)
        let svg = chart.svg
        for raw in ["<script>", "a<b", "<i>", "<note>", #""red"#] { #expect(!svg.contains(raw), "\(raw) is not escaped") }
        #expect(svg.contains("<title>&lt;script&gt;</title>") && svg.contains("R&amp;D &quot;x&quot; &lt;i&gt;") && svg.contains("a&lt;b"))
    }

    @Test func longLabelsAreCutButKeptWhole() {
        let long = String(repeating: "政府信息公开", count: 10)
        let svg = SVGBarChart(title: "t", series: Self.series, bars: [.init(long, values: [1, 1])], scale: .shareOfEachBar).svg
        #expect(svg.contains("<title>\(long)</title>") && svg.contains("…</text>"))
        #expect(SVGBarChart.textWidth("ab") == 14 && SVGBarChart.textWidth("政府") == 24)
    }
}
