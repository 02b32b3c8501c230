import Foundation

/// The SVG kit the charts share: a document being written element by element, with one way of
/// printing numbers and one way of escaping text for the whole document, the value-axis grid,
/// round tick values and the path and point lists of broken lines.
///
/// The two charts were written apart and differ in small ways that show in their bytes; the
/// differences are kept as named options so that every committed chart stays the same:
///
/// | choice | `FanChart` (bulletin, forecasts) | `LineChart` (notebooks) |
/// |---|---|---|
/// | numbers | `.numberText`: NumberText, half away from zero, minus U+2212 | `.printf`: `%.1f` |
/// | escaping | `Markup.Escaping.xml` (NFC, `'` escaped) | `.xmlKeepingApostrophes` |
/// | value ticks | `Ticks.covering`: 1, 2, 2.5, 5 × 10ᵏ, 4–7 ticks enclosing the data | `Ticks.within`: 1, 2, 5 × 10ᵏ, about 5 ticks inside the data |
///
/// The fan chart's axis must enclose the bands (a reader looks for where a value falls), so its
/// ticks cover the data; a line chart in a notebook is read for shape and its frame already
/// bounds the data, so its ticks fall inside.
public struct SVGCanvas: Sendable {
    /// How numbers in attributes (coordinates, sizes) are printed: always one decimal.
    public enum Numbers: Sendable {
        /// `NumberText.format(v, decimals: 1)` in English without grouping: rounds half away
        /// from zero and writes negatives with U+2212 (the fan charts).
        case numberText
        /// C's `%.1f`: rounds the binary value, ASCII minus (the line charts).
        case printf
    }

    public var numbers: Numbers
    public var escaping: Markup.Escaping
    /// The document so far.
    public private(set) var text = ""

    /// Starts `<svg …>` of `width` × `height` (the view box the same), with `attributes` after
    /// the view box (values written as given: escape text with `escape`).
    public init(
        width: Int, height: Int, numbers: Numbers, escaping: Markup.Escaping,
        attributes: KeyValuePairs<String, String?> = [:]
    ) {
        self.numbers = numbers
        self.escaping = escaping
        text =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\"\(Self.attributes(attributes))>\n"
    }

    /// A number as this document prints it.
    public func n(_ v: Double) -> String {
        switch numbers {
        case .numberText: NumberText.format(v, decimals: 1, language: .en, grouping: false)
        case .printf: String(format: "%.1f", v)
        }
    }

    /// Text as this document escapes it.
    public func escape(_ s: String) -> String { Markup.escape(s, escaping) }

    /// `x,y`, each as `n` prints it.
    public func point(_ p: (x: Double, y: Double)) -> String { "\(n(p.x)),\(n(p.y))" }

    /// Points for `points="…"`: `x,y x,y …`.
    public func points(_ ps: [(x: Double, y: Double)]) -> String { ps.map(point).joined(separator: " ") }

    /// Path data for broken lines: each run a subpath `Mx,y Lx,y …`, runs separated by a space.
    public func pathData(_ runs: [[(x: Double, y: Double)]]) -> String {
        runs.filter { !$0.isEmpty }.map { "M" + $0.map(point).joined(separator: " L") }.joined(separator: " ")
    }

    /// `<name a="v" …/>` or, with `content` (escaped here), `<name …>content</name>`; a nil
    /// value leaves its attribute out.
    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], content: String? = nil
    ) {
        let open = "<" + name + Self.attributes(attributes)
        text += content.map { open + ">" + escape($0) + "</" + name + ">\n" } ?? open + "/>\n"
    }

    /// `<text x y …>content</text>`.
    public mutating func text(
        x: Double, y: Double, _ attributes: KeyValuePairs<String, String?>, _ content: String
    ) {
        text(x: x, y: n(y), attributes, content)
    }

    /// `<text x y …>content</text>` with `y` written as given (the charts' titles sit at a
    /// whole-pixel baseline printed without decimals).
    public mutating func text(
        x: Double, y: String, _ attributes: KeyValuePairs<String, String?>, _ content: String
    ) {
        text += "<text x=\"\(n(x))\" y=\"\(y)\"" + Self.attributes(attributes) + ">" + escape(content) + "</text>\n"
    }

    /// `<line x1 y1 x2 y2 …/>`.
    public mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, _ attributes: KeyValuePairs<String, String?>
    ) {
        text +=
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"" + Self.attributes(attributes)
            + "/>\n"
    }

    /// Opens a group `<g …>`; `close("g")` ends it.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?>) {
        text += "<" + name + Self.attributes(attributes) + ">\n"
    }

    public mutating func close(_ name: String) { text += "</\(name)>\n" }

    /// Markup written as given.
    public mutating func raw(_ s: String) { text += s }

    /// The value-axis grid: for each tick, a line across the plot at `y` and its label right-
    /// aligned `gap` left of the plot, 4 below the line (the baseline centres the digits).
    public mutating func valueGrid(
        _ ticks: [(y: Double, label: String)], left: Double, right: Double, gap: Double,
        line attributes: KeyValuePairs<String, String?>
    ) {
        for t in ticks {
            line(x1: left, y1: t.y, x2: right, y2: t.y, attributes)
            text(x: left - gap, y: t.y + 4, ["text-anchor": "end"], t.label)
        }
    }

    /// The finished document, `</svg>` and a newline at the end.
    public func finished() -> String { text + "</svg>\n" }

    static func attributes(_ attributes: KeyValuePairs<String, String?>) -> String {
        attributes.compactMap { key, value in value.map { " \(key)=\"\($0)\"" } }.joined()
    }

    /// Runs of consecutive drawable points: an item `point` maps to nil (a missing value) ends a run.
    public static func runs<T>(_ items: [T], _ point: (T) -> (x: Double, y: Double)?) -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = [[]]
        for item in items {
            if let p = point(item) {
                runs[runs.count - 1].append(p)
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }
}

/// Round tick values for a value axis.
public enum Ticks {
    /// The fan charts' ticks: 4–7 multiples of a round step (1, 2, 2.5 or 5 × 10ᵏ, at least a
    /// fifth of the range) from the last at or below `lo` to the first at or above `hi`; a flat
    /// range is widened by 5% (at least 1) each side.
    public static func covering(lo: Double, hi: Double) -> [Double] {
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

    /// The fewest decimals (at most 6) that print the step between `ticks` exactly.
    public static func decimals(covering ticks: [Double]) -> Int {
        guard ticks.count >= 2 else { return 0 }
        let step = ticks[1] - ticks[0]
        var d = 0
        while d < 6 && abs((step * pow(10, Double(d))).rounded() - step * pow(10, Double(d))) > 1e-6 { d += 1 }
        return d
    }

    /// The line charts' ticks: a round step (1, 2 or 5 × 10ᵏ, at least a quarter of the range),
    /// from the first multiple at or above `lo`, adding the step while at or below `hi`; with
    /// the decimals the step needs.
    public static func within(lo: Double, hi: Double) -> (values: [Double], decimals: Int) {
        let step = niceStep((hi - lo) / 4)
        var values: [Double] = []
        var tick = (lo / step).rounded(.up) * step
        while tick <= hi + step * 1e-9 {
            values.append(tick)
            tick += step
        }
        return (values, max(0, -Int((log10(step)).rounded(.down))))
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * power >= raw * (1 - 1e-9) { return m * power }
        return 10 * power
    }
}
