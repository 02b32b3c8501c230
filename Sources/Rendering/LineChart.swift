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
            self.name = name
            self.color = color
            self.values = values
            self.dashed = dashed
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
        self.title = title
        self.unit = unit
        self.labels = labels
        self.lines = lines
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
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"11\">\n"
        if !compact {
            out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
            out +=
                "<text x=\"\(f(left))\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(Self.escape(title))</text>\n"
            out += "<text x=\"\(f(left))\" y=\"30\" fill=\"#555555\">\(Self.escape(unit))</text>\n"
            // Five value ticks at round steps.
            let step = Self.niceStep((hi - lo) / 4)
            var tick = (lo / step).rounded(.up) * step
            let decimals = max(0, -Int((log10(step)).rounded(.down)))
            while tick <= hi + step * 1e-9 {
                let ty = y(tick)
                out +=
                    "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(w - right))\" y2=\"\(f(ty))\" stroke=\"#e4e4e4\"/>\n"
                out +=
                    "<text x=\"\(f(left - 4))\" y=\"\(f(ty + 4))\" text-anchor=\"end\">"
                    + String(format: "%.\(decimals)f", tick == 0 ? 0 : tick) + "</text>\n"
                tick += step
            }
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
                    out +=
                        "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"\(anchor)\">\(Self.escape(labels[i]))</text>\n"
                }
            }
            out +=
                "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"#999999\"/>\n"
        }
        for line in lines {
            var segments: [[String]] = [[]]
            for (i, v) in line.values.enumerated() {
                if v.isFinite {
                    segments[segments.count - 1].append("\(f(x(i))),\(f(y(v)))")
                } else if !(segments.last?.isEmpty ?? true) {
                    segments.append([])
                }
            }
            let dash = line.dashed ? " stroke-dasharray=\"5,3\"" : ""
            for points in segments where !points.isEmpty {
                if points.count == 1 {
                    let xy = points[0].split(separator: ",")
                    out += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"1.5\" fill=\"\(line.color)\"/>\n"
                } else {
                    out +=
                        "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"\(compact ? "1.2" : "1.6")\"\(dash) "
                        + "points=\"\(points.joined(separator: " "))\"/>\n"
                }
            }
        }
        if !compact && lines.count > 1 {
            var lx = left
            let ly = h - 14
            for line in lines {
                let dash = line.dashed ? " stroke-dasharray=\"5,3\"" : ""
                out +=
                    "<line x1=\"\(f(lx))\" y1=\"\(f(ly - 4))\" x2=\"\(f(lx + 18))\" y2=\"\(f(ly - 4))\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash)/>\n"
                out += "<text x=\"\(f(lx + 22))\" y=\"\(f(ly))\">\(Self.escape(line.name))</text>\n"
                lx += 30 + Double(line.name.count) * 6.2
            }
        }
        out += "</svg>\n"
        return out
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
        return 10 * power
    }

    static func escape(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
