import Documents
import Forecasting
import Foundation
import Rendering
import TestSupport
import Testing
import TimeSeriesCore

@testable import Publishing

/// The phone page of an outlook and the index of pages: what they say, their weight, valid
/// HTML5 with the phone's viewport, and nothing they would fetch.
@Suite struct OutlookPageTests {
    static func page(waiting: OutlookMessage.Waiting? = nil, bulletin: String? = nil) throws -> String {
        OutlookPage.html(
            try OutlookMessageTests.outlook(), history: ChartSampleData.dongThap, forecast: nil, waiting: waiting,
            bulletin: bulletin)
    }

    /// Every `src=` and `href=` of `html`, and whether it points at the network or at another file.
    static func references(_ html: String) -> [String] {
        var refs: [String] = []
        for attribute in ["src=", "href=", "url(", "@import"] {
            var rest = Substring(html)
            while let r = rest.range(of: attribute, options: .caseInsensitive) {
                refs.append(String(rest[r.upperBound...].prefix(60)))
                rest = rest[r.upperBound...]
            }
        }
        return refs
    }

    @Test func saysThePriceItsMonthAndAgeAndTheComingMonths() throws {
        let html = try Self.page()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<h1>Gạo (bán buôn)</h1>"))
        #expect(html.contains("<p class=\"big\">9.063 <small>đồng/kg</small></p>"))
        #expect(html.contains("<p>tháng 6/2021 · cách đây 1 tháng</p>"))
        #expect(html.contains("<tr><td>tháng 7/2021</td><td>8.600–9.600</td><td>9.100</td></tr>"))
        #expect(html.contains("<tr><td>tháng 9/2021</td><td>8.400–10.200</td><td>9.300</td></tr>"))
        #expect(html.contains("8 trên 10 khả năng giá nằm trong khoảng này."))
        #expect(html.contains("85% khoảng như vậy đã chứa đúng giá thực tế (278/327 lần)"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("class=\"ans\""))
        #expect(!html.contains("Nên"))
        #expect(!html.contains("<script"))
    }

    @Test func theSellOrStoreAnswerInOneSentenceWhenPresent() throws {
        let html = try Self.page(waiting: .store(until: .month(year: 2021, month: 9), chance: 6))
        #expect(
            html.contains("<p class=\"ans\">Nên chờ: trữ lúa đến tháng 9/2021, khả năng lời hơn bán ngay 6/10.</p>"))
    }

    @Test func nothingFetchedAndOnlyTheBulletinLinked() throws {
        #expect(Self.references(try Self.page()).isEmpty)
        let linked = Self.references(try Self.page(bulletin: "bulletin.html"))
        #expect(linked.count == 1 && linked[0].hasPrefix("\"bulletin.html\">Bản tin đầy đủ</a>"))
        // The SVG's namespace is a name, not a reference: no attribute loads it.
        #expect(!(try Self.page()).contains("xlink:href"))
    }

    @Test func isValidHTMLWithBalancedTags() throws {
        let html = try Self.page(waiting: .sellNow(chance: 3), bulletin: "bulletin.html")
        let index = OutlookPage.index(
            [.init(outlook: try OutlookMessageTests.outlook(), file: "gao-dong-thap.html")],
            issued: .day(year: 2021, month: 7, day: 15))
        let script = """
            import sys, html.parser
            void = {"meta", "br", "rect", "line", "polygon", "path", "img", "link"}
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.stack = []; self.bad = []; self.tags = set()
                def handle_starttag(self, t, a):
                    self.tags.add(t)
                    if t not in void: self.stack.append(t)
                def handle_startendtag(self, t, a): self.tags.add(t)
                def handle_endtag(self, t):
                    if t in void: return
                    if not self.stack or self.stack.pop() != t: self.bad.append(t)
            p = P(); p.feed(sys.stdin.read()); p.close()
            need = {"html", "head", "meta", "title", "style", "body"}
            ok = not p.bad and not p.stack and need <= p.tags and "script" not in p.tags
            print("ok" if ok else "bad %s %s %s" % (p.bad[:3], p.stack[:3], sorted(need - p.tags)))
            """
        for page in [html, index] {
            let result = try Python.run(["-c", script], input: Data(page.utf8)).output
            #expect(result.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        }
    }

    @Test func theIndexListsAndLinksEachCommodity() throws {
        let o = try OutlookMessageTests.outlook()
        let html = OutlookPage.index([.init(outlook: o, file: "gao-dong-thap.html")])
        #expect(html.contains("<li><a href=\"gao-dong-thap.html\">Gạo (bán buôn), Đồng Tháp</a><br>"))
        #expect(html.contains("Giá mới nhất: 9.063 đồng/kg (tháng 6/2021)<br>Tháng 8/2021: có thể 8.500–9.900 đồng/kg"))
    }

    /// The page weighs a few kilobytes, well under the budget, with the whole series as history.
    @Test func weighsUnderTheBudget() throws {
        let bytes = try Self.page(waiting: .sellNow(chance: 3), bulletin: "bulletin.html").utf8.count
        #expect(bytes < OutlookPage.byteBudget)
        #expect(bytes < 15_000)
    }

    @Test func hostileTextIsEscaped() throws {
        let evil = Bilingual(vi: "<script>alert(1)</script>\"'&", en: "x")
        let o = try OutlookMessageTests.outlook(commodity: evil, market: evil)
        let html = OutlookPage.html(o, history: ChartSampleData.dongThap)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
    }

    @Test func isDeterministic() throws {
        #expect(try Self.page(waiting: .sellNow(chance: 3)) == Self.page(waiting: .sellNow(chance: 3)))
    }
}
