import Foundation
import TimeSeriesCore

/// A fan chart: the observed history, the median forecast and its 80% and 95% bands, drawn as a
/// standalone SVG (Bank of England style fan, as used in JRC MARS and WFP market bulletins).
///
/// The output is deterministic: fixed layout, coordinates printed with one decimal, numbers
/// formatted by `NumberText`, text NFC-normalised and escaped. Missing history values break
/// the line instead of being joined across the gap.
public struct FanChart: Sendable, Equatable {
    /// One step of the forecast.
    public struct Step: Sendable, Equatable {
        public var date: PeriodDate
        public var median: Double
        /// Bands by level (80, 95), when computed.
        public var lower80, upper80, lower95, upper95: Double?

        public init(
            date: PeriodDate, median: Double, lower80: Double? = nil, upper80: Double? = nil,
            lower95: Double? = nil, upper95: Double? = nil
        ) {
            (self.date, self.median, self.lower80, self.upper80) = (date, median, lower80, upper80)
            (self.lower95, self.upper95) = (lower95, upper95)
        }
    }

    public var title: String
    /// The unit shown above the value axis: `đồng/kg`, `tấn/ha`.
    public var unit: String
    /// A line under the plot: data source and model.
    public var note: String?
    public var history: [(date: PeriodDate, value: Double)]
    public var steps: [Step]
    public var language: Language
    /// Decimals of the value-axis labels (nil: chosen from the tick spacing).
    public var decimals: Int?
    public var width: Int = 800
    public var height: Int = 400
    /// The small layout of a phone page (`FanChart.compact`): no title line and no legend (the
    /// page says in words what the line and the band are), narrow margins, at most four dates.
    public var isCompact = false

    public init(
        title: String, unit: String, note: String? = nil,
        history: [(date: PeriodDate, value: Double)], steps: [Step],
        language: Language = .vi, decimals: Int? = nil
    ) {
        (self.title, self.unit, self.note, self.history, self.steps) = (title, unit, note, history, steps)
        (self.language, self.decimals) = (language, decimals)
    }

    public static func == (a: FanChart, b: FanChart) -> Bool {
        a.title == b.title && a.unit == b.unit && a.note == b.note && a.steps == b.steps
            && a.language == b.language && a.decimals == b.decimals && a.width == b.width
            && a.height == b.height && a.isCompact == b.isCompact && a.history.count == b.history.count
            && zip(a.history, b.history).allSatisfy { $0.date == $1.date && $0.value.bitPattern == $1.value.bitPattern }
    }

    /// The chart small enough for a 360-pixel phone screen: `width` × `height` (e.g. 320 × 200),
    /// no title line or legend, at most four dates on the time axis.
    public func compact(width: Int = 320, height: Int = 200) -> FanChart {
        var chart = self
        (chart.width, chart.height, chart.isCompact) = (width, height, true)
        return chart
    }

    /// The same chart in `language`.
    public func `in`(_ language: Language) -> FanChart {
        var chart = self
        chart.language = language
        return chart
    }

    // MARK: - Words

    struct Words {
        var history, median, band80, band95, forecastStart: String
    }

    var words: Words {
        switch language {
        case .vi:
            Words(
                history: "Thực tế", median: "Dự báo (trung vị)", band80: "Khoảng 80%",
                band95: "Khoảng 95%", forecastStart: "Dự báo")
        case .en:
            Words(
                history: "Observed", median: "Forecast (median)", band80: "80% range",
                band95: "95% range", forecastStart: "Forecast")
        }
    }

    // MARK: - Layout

    static let colors = (
        history: "#262626", median: "#08519c", band80: "#6baed6", band95: "#c6dbef",
        grid: "#d9d9d9", axis: "#737373", text: "#262626", muted: "#595959"
    )

    /// The SVG document (UTF-8 text, no XML declaration needed; one ends with a newline).
    public func svg() -> String {
        let w = Double(width)
        let h = Double(height)
        let left = isCompact ? 48.0 : 74.0
        let right = w - (isCompact ? 12 : 24)
        let top = isCompact ? 30.0 : 74.0
        let bottom = h - (note == nil ? (isCompact ? 26 : 42) : 58)
        let ordinals = history.map { $0.date.ordinal } + steps.map { $0.date.ordinal }
        let values =
            history.map(\.value).filter(\.isFinite)
            + steps.flatMap { [$0.median, $0.lower95 ?? $0.lower80, $0.upper95 ?? $0.upper80].compactMap { $0 } }
            .filter(\.isFinite)
        var svg = SVGCanvas(
            width: width, height: height, numbers: .numberText, escaping: .xml,
            attributes: [
                "role": "img", "aria-label": Markup.escape(title),
                "font-family": "'Noto Sans', 'DejaVu Sans', Arial, sans-serif",
            ])
        svg.element("title", content: title)
        svg.element("rect", ["width": "\(width)", "height": "\(height)", "fill": "#ffffff"])
        if !isCompact {
            svg.text(x: left, y: "24", ["font-size": "17", "font-weight": "700", "fill": Self.colors.text], title)
            legend(&svg, x: left, y: 46)
        }
        guard let minOrdinal = ordinals.min(), let maxOrdinal = ordinals.max(),
            let lo = values.min(), let hi = values.max()
        else {
            svg.text(x: w / 2, y: h / 2, ["text-anchor": "middle", "fill": Self.colors.muted], "–")
            return svg.finished()
        }
        let ticks = Ticks.covering(lo: lo, hi: hi)
        let yMin = ticks.first ?? lo
        let yMax = ticks.last ?? hi
        let span = Double(max(1, maxOrdinal - minOrdinal))
        let plot = Plot(
            left: left, right: right, top: top, bottom: bottom, minOrdinal: minOrdinal, span: span,
            yMin: yMin, yMax: yMax)
        axes(&svg, plot, ticks: ticks, minOrdinal: minOrdinal, maxOrdinal: maxOrdinal)
        marks(&svg, plot, width: w)
        if let note {
            svg.text(x: left, y: h - 12, ["font-size": "11", "fill": Self.colors.muted], note)
        }
        return svg.finished()
    }

    /// Where a value and a period fall in the plot area.
    struct Plot {
        var left, right, top, bottom: Double
        var minOrdinal: Int
        var span: Double
        var yMin, yMax: Double
        func x(_ o: Int) -> Double { left + 8 + (right - left - 16) * Double(o - minOrdinal) / span }
        func y(_ v: Double) -> Double { bottom - (bottom - top) * (v - yMin) / max(yMax - yMin, 1e-12) }
    }

    /// The value axis (grid lines and labels, unit above) and the time axis.
    func axes(_ svg: inout SVGCanvas, _ plot: Plot, ticks: [Double], minOrdinal: Int, maxOrdinal: Int) {
        let decimals = self.decimals ?? Ticks.decimals(covering: ticks)
        let axis: KeyValuePairs<String, String?> = ["stroke": Self.colors.axis, "stroke-width": "1"]
        svg.open("g", ["font-size": "12", "fill": Self.colors.muted])
        // The compact layout's margin is narrower than the unit: it starts at the left edge.
        if isCompact {
            svg.text(x: 4, y: plot.top - 10, ["text-anchor": "start"], unit)
        } else {
            svg.text(x: plot.left - 8, y: plot.top - 10, ["text-anchor": "end"], unit)
        }
        svg.valueGrid(
            ticks.map { (plot.y($0), NumberText.format($0, decimals: decimals, language: language)) },
            left: plot.left, right: plot.right, gap: 8,
            line: ["stroke": Self.colors.grid, "stroke-width": "1"])
        // Time axis.
        svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, axis)
        let sample = history.first?.date ?? steps[0].date
        let timeTicks = Self.timeTicks(from: minOrdinal, to: maxOrdinal, sample: sample, most: isCompact ? 4 : 8)
        let yearly = timeTicks.count >= 2 && (timeTicks[1] - timeTicks[0]) % Self.periodsPerYear(sample) == 0
        for o in timeTicks {
            let d = Self.date(ordinal: o, like: sample)
            svg.line(x1: plot.x(o), y1: plot.bottom, x2: plot.x(o), y2: plot.bottom + 5, axis)
            svg.text(
                x: plot.x(o), y: plot.bottom + 19, ["text-anchor": "middle"],
                Self.tickLabel(d, yearly: yearly, language: language))
        }
        svg.close("g")
    }

    /// The bands, the start of the forecast, the history and the median.
    func marks(_ svg: inout SVGCanvas, _ plot: Plot, width w: Double) {
        // Bands, from the last observation (zero width) out to the horizon.
        let anchor = history.last(where: { $0.value.isFinite })
        let anchorPoint = anchor.map { (x: plot.x($0.date.ordinal), y: plot.y($0.value)) }
        for (lower, upper, fill) in [
            (\Step.lower95, \Step.upper95, Self.colors.band95), (\Step.lower80, \Step.upper80, Self.colors.band80),
        ] {
            let s = steps.filter { $0[keyPath: lower] != nil && $0[keyPath: upper] != nil }
            guard !s.isEmpty else { continue }
            let pts =
                (anchorPoint.map { [$0] } ?? [])
                + s.map { (x: plot.x($0.date.ordinal), y: plot.y($0[keyPath: upper] ?? 0)) }
                + s.reversed().map { (x: plot.x($0.date.ordinal), y: plot.y($0[keyPath: lower] ?? 0)) }
            svg.element("polygon", ["points": svg.points(pts), "fill": fill, "stroke": "none"])
        }

        // Where the forecast starts.
        if let a = anchor, !steps.isEmpty {
            let xa = plot.x(a.date.ordinal)
            svg.line(
                x1: xa, y1: plot.top - 16, x2: xa, y2: plot.bottom,
                ["stroke": Self.colors.axis, "stroke-width": "1", "stroke-dasharray": "3 3"])
            // Above the plot area, where no data can be drawn over it; left of the line when the
            // forecast starts too near the right edge for the label.
            let label = words.forecastStart + " →"
            let fits = xa + 4 + Self.textWidth(label, size: 11) <= w - 4
            svg.text(
                x: fits ? xa + 4 : xa - 4, y: plot.top - 6,
                ["font-size": "11", "text-anchor": fits ? "start" : "end", "fill": Self.colors.muted], label)
        }

        // History: one path, a new subpath after each gap.
        let d = svg.pathData(
            SVGCanvas.runs(history) { $0.value.isFinite ? (x: plot.x($0.date.ordinal), y: plot.y($0.value)) : nil })
        if !d.isEmpty {
            svg.element(
                "path",
                [
                    "d": d, "fill": "none", "stroke": Self.colors.history, "stroke-width": "2",
                    "stroke-linejoin": "round",
                ])
        }
        // Median, joined to the last observation.
        if !steps.isEmpty {
            let medians = steps.filter(\.median.isFinite).map { (x: plot.x($0.date.ordinal), y: plot.y($0.median)) }
            svg.element(
                "path",
                [
                    "d": svg.pathData([(anchorPoint.map { [$0] } ?? []) + medians]), "fill": "none",
                    "stroke": Self.colors.median, "stroke-width": "2.5", "stroke-linejoin": "round",
                ])
        }
    }

    func legend(_ svg: inout SVGCanvas, x: Double, y: Double) {
        svg.open("g", ["font-size": "12", "fill": Self.colors.text])
        var cx = x
        for (label, color, box, width) in [
            (words.history, Self.colors.history, false, "2"), (words.median, Self.colors.median, false, "2.5"),
            (words.band80, Self.colors.band80, true, ""), (words.band95, Self.colors.band95, true, ""),
        ] {
            if box {
                svg.element("rect", ["x": svg.n(cx), "y": svg.n(y - 6), "width": "22", "height": "12", "fill": color])
            } else {
                svg.line(x1: cx, y1: y, x2: cx + 22, y2: y, ["stroke": color, "stroke-width": width])
            }
            svg.text(x: cx + 28, y: y + 4, [:], label)
            cx += 28 + Self.textWidth(label, size: 12) + 20
        }
        svg.close("g")
    }

    /// A rough advance width for sans-serif text (legend spacing only).
    static func textWidth(_ s: String, size: Double) -> Double {
        Double(s.count) * size * 0.56
    }

    // MARK: - Scales

    /// Tick positions on the time axis: whole years for long spans, otherwise every 1, 2, 3 or
    /// 6 periods, aligned to the start of the year, at most about `most` ticks (eight).
    static func timeTicks(from a: Int, to b: Int, sample: PeriodDate, most: Int = 8) -> [Int] {
        let perYear = periodsPerYear(sample)
        let span = b - a
        let candidates =
            perYear == 1
            ? [1, 2, 5, 10, 20, 50]
            : [1, 2, 3, 6].filter { perYear % $0 == 0 && $0 < perYear }
                + [1, 2, 5, 10, 20].map { $0 * perYear }
        let step = candidates.first { span / $0 <= most } ?? (candidates.last ?? 1)
        let start = Int((Double(a) / Double(step)).rounded(.up)) * step
        return Array(stride(from: start, through: b, by: step))
    }

    static func date(ordinal: Int, like sample: PeriodDate) -> PeriodDate {
        switch sample {
        case .month: .month(year: 0, month: 1).advanced(by: ordinal)
        case .quarter: .quarter(year: 0, quarter: 1).advanced(by: ordinal)
        case .season(_, _, let k): .season(year: 0, season: 1, seasonsPerYear: k).advanced(by: ordinal)
        case .year: .year(ordinal)
        case .day: .day(year: 1970, month: 1, day: 1).advanced(by: ordinal)
        case .index: .index(ordinal)
        }
    }

    /// Axis labels: `01/2024` for a month, but just `2024` for January when ticks are yearly.
    static func tickLabel(_ d: PeriodDate, yearly: Bool, language: Language) -> String {
        switch d {
        case .month(let y, _) where yearly, .quarter(let y, _) where yearly, .season(let y, _, _) where yearly:
            String(y)
        default:
            NumberText.date(d, language: language)
        }
    }

    static func periodsPerYear(_ sample: PeriodDate) -> Int {
        switch sample {
        case .month: 12
        case .quarter: 4
        case .season(_, _, let k): k
        default: 1
        }
    }
}
