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
            self.date = date
            self.median = median
            self.lower80 = lower80
            self.upper80 = upper80
            self.lower95 = lower95
            self.upper95 = upper95
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

    public init(
        title: String, unit: String, note: String? = nil,
        history: [(date: PeriodDate, value: Double)], steps: [Step],
        language: Language = .vi, decimals: Int? = nil
    ) {
        self.title = title
        self.unit = unit
        self.note = note
        self.history = history
        self.steps = steps
        self.language = language
        self.decimals = decimals
    }

    public static func == (a: FanChart, b: FanChart) -> Bool {
        a.title == b.title && a.unit == b.unit && a.note == b.note && a.steps == b.steps
            && a.language == b.language && a.decimals == b.decimals && a.width == b.width
            && a.height == b.height && a.history.count == b.history.count
            && zip(a.history, b.history).allSatisfy { $0.date == $1.date && $0.value.bitPattern == $1.value.bitPattern }
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
        let left = 74.0
        let right = w - 24
        let top = 74.0
        let bottom = h - (note == nil ? 42 : 58)
        let ordinals = history.map { $0.date.ordinal } + steps.map { $0.date.ordinal }
        let values =
            history.map(\.value).filter(\.isFinite)
            + steps.flatMap { [$0.median, $0.lower95 ?? $0.lower80, $0.upper95 ?? $0.upper80].compactMap { $0 } }
            .filter(\.isFinite)
        var out = ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(Markup.escape(title))\" "
        out += "font-family=\"'Noto Sans', 'DejaVu Sans', Arial, sans-serif\">\n"
        out += "<title>\(Markup.escape(title))</title>\n"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out +=
            "<text x=\"\(f(left))\" y=\"24\" font-size=\"17\" font-weight=\"700\" fill=\"\(Self.colors.text)\">\(Markup.escape(title))</text>\n"
        out += legend(x: left, y: 46)
        guard let minOrdinal = ordinals.min(), let maxOrdinal = ordinals.max(),
            let lo = values.min(), let hi = values.max()
        else {
            out +=
                "<text x=\"\(f(w / 2))\" y=\"\(f(h / 2))\" text-anchor=\"middle\" fill=\"\(Self.colors.muted)\">–</text>\n</svg>\n"
            return out
        }
        let ticks = Self.niceTicks(lo: lo, hi: hi)
        let yMin = ticks.first ?? lo
        let yMax = ticks.last ?? hi
        let span = Double(max(1, maxOrdinal - minOrdinal))
        let plot = Plot(
            left: left, right: right, top: top, bottom: bottom, minOrdinal: minOrdinal, span: span,
            yMin: yMin, yMax: yMax)
        out += axes(plot, ticks: ticks, minOrdinal: minOrdinal, maxOrdinal: maxOrdinal)
        out += marks(plot, width: w)
        if let note {
            out +=
                "<text x=\"\(f(left))\" y=\"\(f(h - 12))\" font-size=\"11\" fill=\"\(Self.colors.muted)\">\(Markup.escape(note))</text>\n"
        }
        out += "</svg>\n"
        return out
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
    func axes(_ plot: Plot, ticks: [Double], minOrdinal: Int, maxOrdinal: Int) -> String {
        let left = plot.left
        let right = plot.right
        let top = plot.top
        let bottom = plot.bottom
        var out = ""
        let decimals = self.decimals ?? Self.decimals(for: ticks)
        out += "<g font-size=\"12\" fill=\"\(Self.colors.muted)\">\n"
        out += "<text x=\"\(f(left - 8))\" y=\"\(f(top - 10))\" text-anchor=\"end\">\(Markup.escape(unit))</text>\n"
        for t in ticks {
            out +=
                "<line x1=\"\(f(left))\" y1=\"\(f(plot.y(t)))\" x2=\"\(f(right))\" y2=\"\(f(plot.y(t)))\" stroke=\"\(Self.colors.grid)\" stroke-width=\"1\"/>\n"
            out +=
                "<text x=\"\(f(left - 8))\" y=\"\(f(plot.y(t) + 4))\" text-anchor=\"end\">\(NumberText.format(t, decimals: decimals, language: language))</text>\n"
        }
        // Time axis.
        out +=
            "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"\(Self.colors.axis)\" stroke-width=\"1\"/>\n"
        let sample = history.first?.date ?? steps[0].date
        let timeTicks = Self.timeTicks(from: minOrdinal, to: maxOrdinal, sample: sample)
        let yearly = timeTicks.count >= 2 && (timeTicks[1] - timeTicks[0]) % Self.periodsPerYear(sample) == 0
        for o in timeTicks {
            let d = Self.date(ordinal: o, like: sample)
            out +=
                "<line x1=\"\(f(plot.x(o)))\" y1=\"\(f(bottom))\" x2=\"\(f(plot.x(o)))\" y2=\"\(f(bottom + 5))\" stroke=\"\(Self.colors.axis)\" stroke-width=\"1\"/>\n"
            out +=
                "<text x=\"\(f(plot.x(o)))\" y=\"\(f(bottom + 19))\" text-anchor=\"middle\">\(Markup.escape(Self.tickLabel(d, yearly: yearly, language: language)))</text>\n"
        }
        out += "</g>\n"
        return out
    }

    /// The bands, the start of the forecast, the history and the median.
    func marks(_ plot: Plot, width w: Double) -> String {
        let top = plot.top
        let bottom = plot.bottom
        var out = ""
        // Bands, from the last observation (zero width) out to the horizon.
        let anchor = history.last(where: { $0.value.isFinite })
        func band(_ lower: KeyPath<Step, Double?>, _ upper: KeyPath<Step, Double?>, fill: String) -> String {
            let s = steps.filter { $0[keyPath: lower] != nil && $0[keyPath: upper] != nil }
            guard !s.isEmpty else { return "" }
            var pts: [(Double, Double)] = []
            if let a = anchor { pts.append((plot.x(a.date.ordinal), plot.y(a.value))) }
            pts += s.map { (plot.x($0.date.ordinal), plot.y($0[keyPath: upper] ?? 0)) }
            pts += s.reversed().map { (plot.x($0.date.ordinal), plot.y($0[keyPath: lower] ?? 0)) }
            return
                "<polygon points=\"\(pts.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))\" fill=\"\(fill)\" stroke=\"none\"/>\n"
        }
        out += band(\.lower95, \.upper95, fill: Self.colors.band95)
        out += band(\.lower80, \.upper80, fill: Self.colors.band80)

        // Where the forecast starts.
        if let a = anchor, !steps.isEmpty {
            let xa = plot.x(a.date.ordinal)
            out +=
                "<line x1=\"\(f(xa))\" y1=\"\(f(top - 16))\" x2=\"\(f(xa))\" y2=\"\(f(bottom))\" stroke=\"\(Self.colors.axis)\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n"
            // Above the plot area, where no data can be drawn over it; left of the line when the
            // forecast starts too near the right edge for the label.
            let label = words.forecastStart + " →"
            let fits = xa + 4 + Self.textWidth(label, size: 11) <= w - 4
            out += "<text x=\"\(f(fits ? xa + 4 : xa - 4))\" y=\"\(f(top - 6))\" font-size=\"11\" "
            out +=
                "text-anchor=\"\(fits ? "start" : "end")\" fill=\"\(Self.colors.muted)\">\(Markup.escape(label))</text>\n"
        }

        // History: one path, a new subpath after each gap.
        var d = ""
        var pen = false
        for p in history {
            guard p.value.isFinite else {
                pen = false
                continue
            }
            d += (pen ? " L" : (d.isEmpty ? "M" : " M")) + "\(f(plot.x(p.date.ordinal))),\(f(plot.y(p.value)))"
            pen = true
        }
        if !d.isEmpty {
            out +=
                "<path d=\"\(d)\" fill=\"none\" stroke=\"\(Self.colors.history)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n"
        }
        // Median, joined to the last observation.
        if !steps.isEmpty {
            var m = anchor.map { "M\(f(plot.x($0.date.ordinal))),\(f(plot.y($0.value)))" } ?? ""
            for s in steps where s.median.isFinite {
                m += (m.isEmpty ? "M" : " L") + "\(f(plot.x(s.date.ordinal))),\(f(plot.y(s.median)))"
            }
            out +=
                "<path d=\"\(m)\" fill=\"none\" stroke=\"\(Self.colors.median)\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n"
        }
        return out
    }

    func legend(x: Double, y: Double) -> String {
        var out = "<g font-size=\"12\" fill=\"\(Self.colors.text)\">\n"
        var cx = x
        func item(_ label: String, _ swatch: (Double) -> String) {
            out += swatch(cx)
            out += "<text x=\"\(f(cx + 28))\" y=\"\(f(y + 4))\">\(Markup.escape(label))</text>\n"
            cx += 28 + Self.textWidth(label, size: 12) + 20
        }
        func line(_ color: String, _ width: String) -> (Double) -> String {
            {
                "<line x1=\"\(f($0))\" y1=\"\(f(y))\" x2=\"\(f($0 + 22))\" y2=\"\(f(y))\" stroke=\"\(color)\" stroke-width=\"\(width)\"/>\n"
            }
        }
        func box(_ color: String) -> (Double) -> String {
            { "<rect x=\"\(f($0))\" y=\"\(f(y - 6))\" width=\"22\" height=\"12\" fill=\"\(color)\"/>\n" }
        }
        item(words.history, line(Self.colors.history, "2"))
        item(words.median, line(Self.colors.median, "2.5"))
        item(words.band80, box(Self.colors.band80))
        item(words.band95, box(Self.colors.band95))
        return out + "</g>\n"
    }

    /// A rough advance width for sans-serif text (legend spacing only).
    static func textWidth(_ s: String, size: Double) -> Double {
        Double(s.count) * size * 0.56
    }

    // MARK: - Scales

    /// 4–7 round ticks (1, 2, 2.5 or 5 × 10^k) covering [lo, hi].
    static func niceTicks(lo: Double, hi: Double) -> [Double] {
        var lo = lo
        var hi = hi
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = max(abs(hi) * 0.05, 1)
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        // A little slack, so that 5.6 / 0.2 = 27.999… still starts at 28.
        let first = (lo / step + 1e-9).rounded(.down)
        let last = (hi / step - 1e-9).rounded(.up)
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    static func decimals(for ticks: [Double]) -> Int {
        guard ticks.count >= 2 else { return 0 }
        let step = ticks[1] - ticks[0]
        var d = 0
        while d < 6 && abs((step * pow(10, Double(d))).rounded() - step * pow(10, Double(d))) > 1e-6 { d += 1 }
        return d
    }

    /// Tick positions on the time axis: whole years for long spans, otherwise every 1, 2, 3 or
    /// 6 periods, aligned to the start of the year, at most about eight ticks.
    static func timeTicks(from a: Int, to b: Int, sample: PeriodDate) -> [Int] {
        let perYear = periodsPerYear(sample)
        let span = b - a
        let candidates =
            perYear == 1
            ? [1, 2, 5, 10, 20, 50]
            : [1, 2, 3, 6].filter { perYear % $0 == 0 && $0 < perYear }
                + [1, 2, 5, 10, 20].map { $0 * perYear }
        let step = candidates.first { span / $0 <= 8 } ?? (candidates.last ?? 1)
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

/// SVG coordinates with one decimal, formatted without locale.
private func f(_ v: Double) -> String {
    NumberText.format(v, decimals: 1, language: .en, grouping: false)
}
