/// A horizontal bar chart as inline SVG, for pages that must stand alone (no scripts, styles or fonts
/// from elsewhere). Each bar is split into segments, one per series, whose widths are proportional to
/// their values. Beside each bar its numbers are written out, in the legend's order, so the chart
/// reads without colour; every piece of text is escaped.
public struct SVGBarChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        /// A CSS colour, e.g. `#009E73`.
        public let colour: String

        public init(_ name: String, colour: String) { (self.name, self.colour) = (name, colour) }
    }

    public struct Bar: Sendable {
        public let label: String
        /// One value per series, none negative.
        public let values: [Int]
        /// Written after the numbers, e.g. a share done.
        public let note: String

        public init(_ label: String, values: [Int], note: String = "") { (self.label, self.values, self.note) = (label, values, note) }
    }

    public enum Scale: Sendable {
        /// Every bar fills the width: segments are shares of that bar's total (a stage's units).
        case shareOfEachBar
        /// Bars are as long as their totals, the longest filling the width (records per unit).
        case sharedMaximum
    }

    public let title: String
    public let series: [Series]
    public let bars: [Bar]
    public let scale: Scale
    /// Pixels the bars may span.
    public var barWidth = 400

    public init(title: String, series: [Series], bars: [Bar], scale: Scale) {
        (self.title, self.series, self.bars, self.scale) = (title, series, bars, scale)
    }

    static let rowHeight = 22
    static let barHeight = 14
    static let legendHeight = 24
    static let fontSize = 12
    /// Longer labels are cut with `…` (the full label stays in a tooltip).
    static let maximumLabelWidth = 260

    /// Where each segment of a bar starts and how wide it is, in tenths of a pixel. Positions come from
    /// running totals, so rounding never lets a bar end anywhere but at its own length; a scale of 0
    /// (nothing to draw) gives zero-width segments.
    static func segments(_ values: [Int], scaleTotal: Int, width: Int) -> [(x: Int, width: Int)] {
        var running = 0
        var start = 0
        return values.map { value in
            running += max(value, 0)
            let end = scaleTotal <= 0 ? 0 : Int((Double(running) * Double(width * 10) / Double(scaleTotal)).rounded())
            defer { start = end }
            return (start, end - start)
        }
    }

    public var svg: String {
        let labelWidth = min(bars.map { Self.textWidth($0.label) }.max() ?? 0, Self.maximumLabelWidth) + 8
        let maximum = bars.map { $0.values.reduce(0, +) }.max() ?? 0
        let numbers = bars.map { $0.values.map(String.init).joined(separator: " / ") + ($0.note.isEmpty ? "" : " · " + $0.note) }
        // The legend, then over the numbers' column the series' names in the numbers' order.
        var legend = ""
        var x = 0
        for item in series {
            legend += #"<rect x="\#(x)" y="4" width="12" height="12" fill="\#(HTML.escape(item.colour))"/>"#
            legend += #"<text x="\#(x + 16)" y="14">\#(HTML.escape(item.name))</text>"# + "\n"
            x += 16 + Self.textWidth(item.name) + 16
        }
        let caption = series.map(\.name).joined(separator: " / ")
        let numbersX = labelWidth + barWidth + 8
        let captionX = max(numbersX, x + 16)
        legend += #"<text x="\#(captionX)" y="14">\#(HTML.escape(caption))</text>"# + "\n"
        let width = max(numbersX + (numbers.map(Self.textWidth).max() ?? 0), captionX + Self.textWidth(caption)) + 8
        let height = Self.legendHeight + bars.count * Self.rowHeight + 4
        var out = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="sans-serif" font-size="\#(Self.fontSize)">"#
        out += "\n<title>\(HTML.escape(title))</title>\n" + legend
        for (row, bar) in bars.enumerated() {
            let top = Self.legendHeight + row * Self.rowHeight
            let label = Self.cut(bar.label, to: labelWidth - 8)
            out += #"<text x="0" y="\#(top + 12)"><title>\#(HTML.escape(bar.label))</title>\#(HTML.escape(label))</text>"#
            out += ##"<rect x="\##(labelWidth)" y="\##(top)" width="\##(barWidth)" height="\##(Self.barHeight)" fill="#eeeeee"/>"##
            let scaleTotal = scale == .shareOfEachBar ? bar.values.reduce(0, +) : maximum
            for (index, segment) in Self.segments(bar.values, scaleTotal: scaleTotal, width: barWidth).enumerated()
            where segment.width > 0 && index < series.count {
                let item = series[index]
                out += #"<rect x="\#(Self.pixels(labelWidth * 10 + segment.x))" y="\#(top)" width="\#(Self.pixels(segment.width))" height="\#(Self.barHeight)" fill="\#(HTML.escape(item.colour))">"#
                out += "<title>\(HTML.escape(item.name)): \(bar.values[index])</title></rect>"
            }
            out += #"<text x="\#(numbersX)" y="\#(top + 12)">\#(HTML.escape(numbers[row]))</text>"# + "\n"
        }
        return out + "</svg>"
    }

    /// Tenths of a pixel written as pixels: 1234 -> "123.4".
    static func pixels(_ tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }

    /// About how wide text is drawn at the chart's font size: CJK characters take a full em, others about
    /// half. An estimate is enough to lay out labels and the legend without measuring fonts.
    static func textWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? fontSize : fontSize * 6 / 10) }
    }

    static func cut(_ text: String, to width: Int) -> String {
        guard textWidth(text) > width else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if textWidth(out) + textWidth(String(scalar)) + fontSize > width { break }
            out.unicodeScalars.append(scalar)
        }
        return out + "…"
    }
}
