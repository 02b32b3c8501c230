import Agronomy
import Documents
import Forecasting
import Foundation
import TestSupport
import Testing

@testable import Publishing

@Suite struct BulletinTests {
    @Test func headlineReadsAsTheIssueAsks() throws {
        let h = try Headline.forecast(
            subject: BulletinSample.heThu, forecast: BulletinSample.yieldForecast,
            unit: BulletinSample.tonnesPerHectare, decimals: 1, average: 5.73)
        // 5.9 / 5.73 − 1 = 2.97% → 3%.
        #expect(
            h.vi
                == "Năng suất lúa Hè Thu nhiều khả năng đạt 5,9 tấn/ha, 8 trên 10 khả năng nằm trong khoảng 5,6–6,2; cao hơn 3% so với trung bình 5 năm."
        )
        #expect(
            h.en
                == "Summer–autumn rice yield is likely to be 5.9 t/ha, with 8 chances in 10 of lying between 5.6 and 6.2; 3% above the 5-year average."
        )
        let h95 = try Headline.forecast(
            subject: BulletinSample.heThu, forecast: BulletinSample.yieldForecast, level: 95,
            unit: BulletinSample.tonnesPerHectare, decimals: 1)
        #expect(
            h95.vi
                == "Năng suất lúa Hè Thu nhiều khả năng đạt 5,9 tấn/ha, 19 trên 20 khả năng nằm trong khoảng 5,4–6,4.")
    }

    @Test(arguments: [
        (80, "8 trên 10", "8 chances in 10"), (95, "19 trên 20", "19 chances in 20"),
        (67, "67 trên 100", "67 chances in 100"), (50, "5 trên 10", "5 chances in 10"),
    ])
    func odds(level: Int, vi: String, en: String) {
        #expect(Headline.odds(level: level) == Bilingual(vi: vi, en: en))
    }

    @Test func comparisons() {
        let below = Headline.comparison(5.5, with: 5.73, reference: Headline.fiveYearAverage)
        #expect(below.vi == "thấp hơn 4% so với trung bình 5 năm" && below.en == "4% below the 5-year average")
        let same = Headline.comparison(5.74, with: 5.73, reference: Headline.fiveYearAverage)
        #expect(same.vi == "tương đương trung bình 5 năm")
        #expect(
            Headline.average(ofLast: 5, [5.0, 5.5, .nan, 5.6, 5.7, 5.8, 6.0]).map { abs($0 - 5.72) < 1e-12 } == true)
        #expect(Headline.average(ofLast: 5, [5.0, 5.5]) == nil)
    }

    @Test func missingIntervalIsAConfigurationError() {
        #expect(throws: PublishingError.self) {
            try Headline.forecast(
                subject: BulletinSample.heThu, forecast: BulletinSample.yieldForecast, level: 90,
                unit: BulletinSample.tonnesPerHectare, decimals: 1)
        }
    }

    @Test func priceAlertCarriesMeaningAndWithholding() throws {
        let b = try BulletinSample.make()
        let alert = try #require(b.priceAlerts.first)
        // Đồng Tháp 2021-06: ALPS is current; the IPA has no price twelve months earlier.
        #expect(alert.latest == .month(year: 2021, month: 6) && alert.price == 9062.5)
        #expect(alert.ipa == nil)
        let alps = try #require(alert.alps)
        #expect(alps.severity == PriceSpikeClass(alps: alps.value))
        #expect(alert.meaning.count == 2)
        #expect(alert.meaning[0].vi.hasPrefix("IPA: Chưa tính được"))
        #expect(alert.meaning[1].en.hasPrefix("ALPS: "))
    }

    @Test func htmlIsSelfContainedAndBilingual() throws {
        let html = try BulletinSample.make().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@media print"))
        // Self-contained: no external resources.
        for external in ["<link", "src=", "<script", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        // The chart is inline and well-formed.
        let svgStart = try #require(html.range(of: "<svg"))
        let svgEnd = try #require(html.range(of: "</svg>"))
        #expect(XMLCheck.parse(String(html[svgStart.lowerBound..<svgEnd.upperBound])) != nil)
        for text in [
            "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp", "Department of Agriculture and Environment",
            "15/07/2021", "14/08/2021", "15/08/2021", "5,9 tấn/ha", "+3%", "5,73", "9.063 đồng/kg",
            "tháng 6/2021", "Phương pháp và độ tin cậy", "Leave-one-year-out MAPE: 4.1%.",
            "Triển vọng giá", "Lúa gạo bán buôn tại Tam Nông: giá tháng 7/2021 dự kiến khoảng 9.063 đồng/kg",
        ] {
            #expect(html.contains(text), "missing \(text)")
        }
        // Balanced structure.
        for tag in ["section", "table", "figure", "aside", "div", "p", "tr"] {
            #expect(
                html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
                    == html.components(separatedBy: "</\(tag)>").count - 1, "unbalanced <\(tag)>")
        }
        #expect(containsBytes(html, "Đồng Tháp".precomposedStringWithCanonicalMapping))
    }

    @Test func htmlParsesWithPython() throws {
        // An independent parser: Python's html.parser, checking every opened element is closed.
        let html = try BulletinSample.make().html()
        let script = """
            import sys, html.parser
            void = {"meta", "br", "rect", "line", "polygon", "path"}
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.stack = []; self.bad = []
                def handle_starttag(self, t, a):
                    if t not in void: self.stack.append(t)
                def handle_startendtag(self, t, a): pass
                def handle_endtag(self, t):
                    if t in void: return
                    if not self.stack or self.stack.pop() != t: self.bad.append(t)
            p = P(); p.feed(sys.stdin.read()); p.close()
            print("ok" if not p.bad and not p.stack else "bad %s %s" % (p.bad[:3], p.stack[:3]))
            """
        // The interpreter is required: a missing one fails the test (TestSupport.Python).
        let result = try Python.run(["-c", script], input: Data(html.utf8)).output
        #expect(result.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    @Test func markdownLinksChartsAndKeepsTables() throws {
        let b = try BulletinSample.make()
        let md = b.markdown()
        #expect(md.hasPrefix("# Bản tin dự báo mùa vụ và giá nông sản\n"))
        #expect(md.contains("![Giá lúa gạo bán buôn và dự báo 6 tháng, đồng/kg.](charts/gia-lua-dong-thap.svg)"))
        #expect(
            md.contains("| Năng suất lúa Hè Thu (_Summer–autumn rice yield_) | tấn/ha | 5,90 | 5,73 | +3% | 5,80 |"))
        #expect(md.contains("_Summer–autumn rice yield is likely to be 5.9 t/ha"))
        #expect(!md.contains("<svg"))
        #expect(md.contains("## Triển vọng giá · _Price outlook_\n\nLúa gạo bán buôn tại Tam Nông: giá tháng 7/2021"))
        #expect(b.chartFiles().map(\.path) == ["charts/gia-lua-dong-thap.svg"])
        // Every table row has the same number of cells as its header.
        for block in md.components(separatedBy: "\n\n") where block.hasPrefix("|") {
            let counts = Set(
                block.split(separator: "\n").map { line in
                    line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
                })
            #expect(counts.count == 1, "\(block)")
        }
    }

    @Test func renderingIsDeterministic() throws {
        #expect(try BulletinSample.make().html() == BulletinSample.make().html())
        #expect(try BulletinSample.make().markdown() == BulletinSample.make().markdown())
    }

    /// Writes the sample bulletin (HTML, Markdown and its chart) into MUAVU_ARTIFACTS when set,
    /// else a temporary directory, and reads the HTML back.
    @Test func writesFiles() throws {
        let env = ProcessInfo.processInfo.environment["MUAVU_ARTIFACTS"]
        let dir =
            env.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("muavu-bulletin-\(UUID().uuidString)")
        defer { if env == nil { try? FileManager.default.removeItem(at: dir) } }
        let b = try BulletinSample.make()
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try AtomicFile.write(Data(b.html().utf8), to: dir.appendingPathComponent("bulletin.html").path)
        try AtomicFile.write(Data(b.markdown().utf8), to: dir.appendingPathComponent("bulletin.md").path)
        for file in b.chartFiles() {
            try AtomicFile.write(Data(file.svg.utf8), to: dir.appendingPathComponent(file.path).path)
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("bulletin.html"), encoding: .utf8) == b.html())
    }
}
