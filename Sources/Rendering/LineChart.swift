import Foundation

/// A plain line chart as a standalone SVG: a few named lines over a shared x axis (a period
/// index), used by the rendered analyses for sparklines, observed-against-predicted plots and
/// error plots. Missing values (NaN) break a line instead of joining across the gap.
///
/// The output is deterministic: fixed layout, coordinates with one decimal, labels escaped.
public struct LineChart: Sendable, Equatable {
    /// One line: a name for the legend, a colour, and a y value per x position (NaN = none).
    public struct Line: Sendable, Equatable {
        public var name: String
        public var color: String
        public var values: [Double]
        /// Dashed (for predictions) rather than solid (for observations).
        public var dashed: Bool

        public init(name: String, color: String, values: [Double], dashed: Bool = false) {
            (self.name, self.color, self.values, self.dashed) = (name, color, values, dashed)
        }
    }

    public var title: String
    /// The label of each x position (period dates as text); only a few are drawn.
    public var labels: [String]
    public var lines: [Line]
    public var unit: String
    public var width = 720
    public var height = 300
    /// A sparkline: no axes, no title, no legend.
    public var compact = false

    public init(title: String, unit: String, labels: [String], lines: [Line]) {
        (self.title, self.unit, self.labels, self.lines) = (title, unit, labels, lines)
    }

    /// A small chart of one series (no axes or text).
    public static func sparkline(_ values: [Double], color: String = "#1f5fa8") -> LineChart {
        var chart = LineChart(
            title: "", unit: "", labels: values.indices.map(String.init),
            lines: [Line(name: "", color: color, values: values)])
        chart.width = 160
        chart.height = 32
        chart.compact = true
        return chart
    }

    public func svg() -> String {
        let n = max(labels.count, lines.map(\.values.count).max() ?? 0)
        let finite = lines.flatMap(\.values).filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            lo -= 1
            hi += 1
        }
        let left = compact ? 2.0 : 64.0
        let right = compact ? 2.0 : 16.0
        let top = compact ? 2.0 : 36.0
        let bottom = compact ? 2.0 : (lines.count > 1 ? 56.0 : 32.0)
        let w = Double(width)
        let h = Double(height)
        let plotW = w - left - right
        let plotH = h - top - bottom
        func x(_ i: Int) -> Double { left + (n > 1 ? Double(i) / Double(n - 1) : 0.5) * plotW }
        func y(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * plotH }
        var svg = SVGCanvas(
            width: width, height: height, numbers: .printf, escaping: .xmlKeepingApostrophes,
            attributes: ["font-family": "sans-serif", "font-size": "11"])
        if !compact {
            svg.element("rect", ["x": "0", "y": "0", "width": "\(width)", "height": "\(height)", "fill": "#ffffff"])
            svg.text(x: left, y: "16", ["font-size": "13", "font-weight": "bold"], title)
            svg.text(x: left, y: "30", ["fill": "#555555"], unit)
            // Five value ticks at round steps.
            let ticks = Ticks.within(lo: lo, hi: hi)
            svg.valueGrid(
                ticks.values.map { (y($0), String(format: "%.\(ticks.decimals)f", $0 == 0 ? 0 : $0)) },
                left: left, right: w - right, gap: 4, line: ["stroke": "#e4e4e4"])
            // At most six date labels, evenly spread, the last one included.
            if n > 0 {
                let count = min(6, n)
                var shown: [Int] = []
                for k in 0..<count {
                    let i = count == 1 ? n - 1 : Int((Double(k) * Double(n - 1) / Double(count - 1)).rounded())
                    if !shown.contains(i) { shown.append(i) }
                }
                for i in shown where i < labels.count {
                    // The end labels are anchored inside the frame so that they are never cut.
                    let anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle"
                    svg.text(x: x(i), y: top + plotH + 16, ["text-anchor": anchor], labels[i])
                }
            }
            svg.element(
                "rect",
                [
                    "x": svg.n(left), "y": svg.n(top), "width": svg.n(plotW), "height": svg.n(plotH), "fill": "none",
                    "stroke": "#999999",
                ])
        }
        for line in lines {
            let dash = line.dashed ? "5,3" : nil
            let runs = SVGCanvas.runs(Array(line.values.enumerated())) {
                $0.element.isFinite ? (x($0.offset), y($0.element)) : nil
            }
            for points in runs {
                if points.count == 1 {
                    svg.element(
                        "circle", ["cx": svg.n(points[0].x), "cy": svg.n(points[0].y), "r": "1.5", "fill": line.color])
                } else {
                    svg.element(
                        "polyline",
                        [
                            "fill": "none", "stroke": line.color, "stroke-width": compact ? "1.2" : "1.6",
                            "stroke-dasharray": dash, "points": svg.points(points),
                        ])
                }
            }
        }
        if !compact && lines.count > 1 {
            var lx = left
            let ly = h - 14
            for line in lines {
                svg.line(
                    x1: lx, y1: ly - 4, x2: lx + 18, y2: ly - 4,
                    ["stroke": line.color, "stroke-width": "2", "stroke-dasharray": line.dashed ? "5,3" : nil])
                svg.text(x: lx + 22, y: ly, [:], line.name)
                lx += 30 + Double(line.name.count) * 6.2
            }
        }
        return svg.finished()
    }
}
