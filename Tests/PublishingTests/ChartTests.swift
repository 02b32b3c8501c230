import Documents
import Foundation
import Testing
import TimeSeriesCore

@testable import Publishing
@testable import Rendering

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Counts elements while checking that a document is well-formed XML.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var text = ""
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements[name, default: 0] += 1
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ document: String) -> XMLCheck? {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = check
        return parser.parse() ? check : nil
    }
}

/// Whether the UTF-8 bytes of `text` contain those of `part` (no Unicode equivalence).
func containsBytes(_ text: String, _ part: String) -> Bool {
    let a = Array(text.utf8)
    let b = Array(part.utf8)
    guard !b.isEmpty, a.count >= b.count else { return b.isEmpty }
    return (0...(a.count - b.count)).contains { i in a[i..<(i + b.count)].elementsEqual(b) }
}

@Suite struct ChartTests {
    @Test(arguments: [
        (9500.0, 0, Language.vi, "9.500"), (9500, 0, .en, "9,500"), (5.9, 1, .vi, "5,9"), (5.9, 1, .en, "5.9"),
        (-1234.5, 1, .vi, "\u{2212}1.234,5"), (1234567.891, 2, .en, "1,234,567.89"), (0.05, 1, .vi, "0,1"),
        (-0.04, 1, .vi, "0,0"), (999.5, 0, .vi, "1.000"), (12, 2, .vi, "12,00"),
    ])
    func numbers(value: Double, decimals: Int, language: Language, expected: String) {
        #expect(NumberText.format(value, decimals: decimals, language: language) == expected)
    }

    @Test func percentagesAndDates() {
        #expect(NumberText.percent(0.03, language: .vi) == "+3%")
        #expect(NumberText.percent(-0.025, decimals: 1, language: .vi) == "\u{2212}2,5%")
        #expect(NumberText.percent(0.001, language: .en) == "0%")
        #expect(NumberText.date(.month(year: 2021, month: 6), language: .vi) == "06/2021")
        #expect(NumberText.monthInWords(.month(year: 2021, month: 6), language: .vi) == "tháng 6/2021")
        #expect(NumberText.monthInWords(.month(year: 2021, month: 6), language: .en) == "June 2021")
    }

    @Test func monthlyTimeTicksAreYearlyOverLongSpans() {
        let a = PeriodDate.month(year: 2015, month: 1).ordinal
        let b = PeriodDate.month(year: 2021, month: 12).ordinal
        let ticks = FanChart.timeTicks(from: a, to: b, sample: .month(year: 2015, month: 1))
        #expect(ticks.first == a && ticks.count == 7 && ticks.allSatisfy { $0 % 12 == 0 })
        let short = FanChart.timeTicks(from: a, to: a + 9, sample: .month(year: 2015, month: 1))
        #expect(short == [a, a + 2, a + 4, a + 6, a + 8])
    }

    func chart(language: Language = .vi) throws -> FanChart {
        // Title given in decomposed form (NFD): the output must be NFC.
        let title = "Giá lúa gạo bán buôn, Đồng Tháp".decomposedStringWithCanonicalMapping
        return try FanChart(
            series: ChartSampleData.dongThap, forecast: ChartSampleData.forecast, title: title,
            note: "Nguồn: WFP VAM; dự báo: muavu", language: language)
    }

    @Test func isWellFormedAndComplete() throws {
        let svg = try chart().svg()
        let check = try #require(XMLCheck.parse(svg))
        #expect(check.elements["svg"] == 1)
        #expect(check.elements["polygon"] == 2)  // 95% and 80% bands
        #expect(check.elements["path"] == 2)  // history and median
        #expect(check.elements["title"] == 1)
        #expect(check.text.contains("Giá lúa gạo bán buôn, Đồng Tháp"))
        // Swift compares strings up to canonical equivalence, so look at the bytes.
        let nfc = "Giá lúa gạo bán buôn, Đồng Tháp".precomposedStringWithCanonicalMapping
        #expect(containsBytes(svg, nfc))
        #expect(!containsBytes(svg, nfc.decomposedStringWithCanonicalMapping))
        for label in ["Thực tế", "Dự báo (trung vị)", "Khoảng 80%", "Khoảng 95%", "đồng/kg", "10.000", "2018"] {
            #expect(check.text.contains(label), "missing \(label)")
        }
        #expect(svg.contains("width=\"800\" height=\"400\""))
    }

    @Test func historyBreaksAtTheGap() throws {
        let svg = try chart().svg()
        // The history path: one subpath for 2015-01…2018-03, one for 2021-01…2021-06.
        let history = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<path") && $0.contains("#262626") })
        #expect(history.filter { $0 == "M" }.count == 2)
        #expect(history.filter { $0 == "L" }.count == 38 + 5)
    }

    @Test func outputIsDeterministicAndLocalised() throws {
        #expect(try chart().svg() == chart().svg())
        let en = try chart(language: .en).svg()
        #expect(en.contains("Forecast (median)") && en.contains("10,000"))
        #expect(!en.contains("Khoảng 80%"))
    }

    @Test func markupInTextIsEscaped() throws {
        var c = try chart()
        c.title = "Giá <lúa> & \"gạo\""
        let svg = c.svg()
        #expect(XMLCheck.parse(svg) != nil)
        #expect(svg.contains("Giá &lt;lúa&gt; &amp; &quot;gạo&quot;"))
    }

    /// A yearly series: FAOSTAT Viet Nam rice yield 2009–2020 (t/ha, derived; datasets/
    /// faostat-vnm-crops.csv) with a hand-made three-year fan.
    @Test func yearlyYieldChart() throws {
        let yields = [5.2372, 5.3416, 5.5383, 5.6353, 5.5726, 5.7538, 5.7597, 5.5738, 5.5476, 5.8180, 5.8371, 5.9212]
        let history = yields.enumerated().map { (date: PeriodDate.year(2009 + $0.offset), value: $0.element) }
        var steps: [FanChart.Step] = []
        for h in 1...3 {
            let k = Double(h)
            steps.append(
                FanChart.Step(
                    date: .year(2020 + h), median: 5.95 + 0.03 * k,
                    lower80: 5.95 - 0.1 * k, upper80: 6.0 + 0.1 * k,
                    lower95: 5.9 - 0.15 * k, upper95: 6.05 + 0.15 * k))
        }
        let c = FanChart(
            title: "Năng suất lúa cả nước", unit: "tấn/ha", note: "Nguồn: FAOSTAT", history: history, steps: steps)
        let svg = c.svg()
        let check = try #require(XMLCheck.parse(svg))
        // Range 5.24–6.50: raw step 0.253 → 0.5, ticks 5,0 5,5 6,0 6,5 (one decimal, comma); years every 2.
        for label in ["5,0", "5,5", "6,0", "6,5", "2010", "2020", "2022"] {
            #expect(check.text.contains(label), "missing \(label)")
        }
        #expect(!check.text.contains("2011"))
        let env = ProcessInfo.processInfo.environment["MUAVU_ARTIFACTS"]
        if let env { try AtomicFile.write(Data(svg.utf8), to: env + "/yield-chart.svg") }
    }

    @Test func emptyChartIsStillValid() {
        let c = FanChart(title: "Trống", unit: "", history: [], steps: [])
        #expect(XMLCheck.parse(c.svg()) != nil)
    }

    /// Writes the sample chart as a file (into MUAVU_ARTIFACTS when set, to look at it) and
    /// reads it back: the file is UTF-8 and the same bytes.
    @Test func writesAFile() throws {
        let env = ProcessInfo.processInfo.environment["MUAVU_ARTIFACTS"]
        let dir = env.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        let url = dir.appendingPathComponent(env == nil ? "fan-chart-\(UUID().uuidString).svg" : "fan-chart.svg")
        let svg = try chart().svg()
        try AtomicFile.write(Data(svg.utf8), to: url.path)
        defer { if env == nil { try? FileManager.default.removeItem(at: url) } }
        #expect(try String(contentsOf: url, encoding: .utf8) == svg)
    }
}
