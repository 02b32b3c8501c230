import Foundation
import Testing
import TimeSeriesCore

@testable import Rendering

/// The fan chart's small layout for a phone page: its size, no title line or legend, at most
/// four dates, everything inside the frame; the full layout unchanged.
struct FanChartCompactTests {
    /// Three years of monthly prices and six months ahead with an 80% band.
    static let chart: FanChart = {
        let start = PeriodDate.month(year: 2019, month: 7)
        let history = (0..<36).map { (date: start.advanced(by: $0), value: 9000 + 500 * sin(Double($0) / 4)) }
        let steps = (36..<42).map {
            FanChart.Step(
                date: start.advanced(by: $0), median: 9200, lower80: 9200 - 150 * Double($0 - 35),
                upper80: 9200 + 150 * Double($0 - 35))
        }
        return FanChart(title: "Gạo, đồng/kg", unit: "đồng/kg", history: history, steps: steps)
    }()

    /// The numbers of every `name="…"` attribute of `svg`.
    static func values(_ name: String, in svg: String) -> [Double] {
        svg.components(separatedBy: " \(name)=\"").dropFirst().compactMap {
            Double($0.prefix { $0 != "\"" }.replacingOccurrences(of: "\u{2212}", with: "-"))
        }
    }

    @Test func isSmallWithoutTitleLineOrLegend() {
        let svg = Self.chart.compact().svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"200\" "))
        #expect(svg.contains("<title>Gạo, đồng/kg</title>"))
        #expect(!svg.contains(">Gạo, đồng/kg</text>"))
        #expect(!svg.contains("Thực tế") && !svg.contains("Khoảng 80%"))
        #expect(svg.utf8.count < 6_000)
    }

    @Test func atMostFourDatesAndEverythingInsideTheFrame() {
        let svg = Self.chart.compact().svg()
        let dates = svg.components(separatedBy: "\n").filter { $0.contains("text-anchor=\"middle\"") }
        #expect((2...4).contains(dates.count))
        for x in Self.values("x", in: svg) + Self.values("x1", in: svg) + Self.values("x2", in: svg) {
            #expect(x >= 0 && x <= 320)
        }
        for y in Self.values("y", in: svg) + Self.values("y1", in: svg) + Self.values("y2", in: svg) {
            #expect(y >= 0 && y <= 200)
        }
    }

    @Test func theFullLayoutIsUnchanged() {
        let svg = Self.chart.svg()
        #expect(svg.contains("width=\"800\" height=\"400\""))
        #expect(svg.contains(">Gạo, đồng/kg</text>") && svg.contains("Thực tế"))
        #expect(Self.chart != Self.chart.compact())
    }
}
