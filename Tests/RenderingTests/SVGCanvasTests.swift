import Testing

@testable import Rendering

/// The SVG kit's named choices: how numbers print and how text is escaped.
struct SVGCanvasTests {
    @Test func numbersPrintAsEachChartDid() {
        let fan = SVGCanvas(width: 10, height: 10, numbers: .numberText, escaping: .xml)
        let line = SVGCanvas(width: 10, height: 10, numbers: .printf, escaping: .xmlKeepingApostrophes)
        // NumberText rounds half away from zero and writes U+2212; printf rounds the binary value
        // (0.25 is exact, ties to even) and writes an ASCII minus.
        #expect(fan.n(0.25) == "0.3" && line.n(0.25) == "0.2")
        #expect(fan.n(-1.5) == "\u{2212}1.5" && line.n(-1.5) == "-1.5")
        #expect(fan.n(12345.67) == "12345.7" && line.n(12345.67) == "12345.7")
    }

    @Test func escapingChoices() {
        let decomposed = "Đo\u{302}ng Tháp & 'x' <\"y\">"
        #expect(Markup.escape(decomposed, .xml) == "Đông Tháp &amp; &#39;x&#39; &lt;&quot;y&quot;&gt;")
        #expect(Markup.escape(decomposed, .xmlKeepingApostrophes) == "Đông Tháp &amp; 'x' &lt;&quot;y&quot;&gt;")
        #expect(Markup.escape(decomposed, .asWritten) == "Đo\u{302}ng Tháp &amp; 'x' &lt;&quot;y&quot;&gt;")
    }

    @Test func brokenLinesMakeRunsAndSubpaths() {
        let values: [Double] = [1, 2, .nan, 4, .nan, .nan, 6, 7]
        let runs = SVGCanvas.runs(Array(values.enumerated())) {
            $0.element.isFinite ? (Double($0.offset), $0.element) : nil
        }
        #expect(runs.map(\.count) == [2, 1, 2])
        let svg = SVGCanvas(width: 10, height: 10, numbers: .printf, escaping: .xml)
        #expect(svg.pathData(runs) == "M0.0,1.0 L1.0,2.0 M3.0,4.0 M6.0,6.0 L7.0,7.0")
        #expect(svg.points(runs[0]) == "0.0,1.0 1.0,2.0")
    }

    @Test func elementsWriteAttributesInOrderAndLeaveNilOut() {
        var svg = SVGCanvas(width: 20, height: 10, numbers: .printf, escaping: .xml, attributes: ["role": "img"])
        svg.line(x1: 0, y1: 1, x2: 2, y2: 3, ["stroke": "#000", "stroke-dasharray": nil])
        svg.text(x: 1, y: "5", ["text-anchor": "end"], "a<b")
        #expect(
            svg.finished()
                == "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\" viewBox=\"0 0 20 10\" "
                + "role=\"img\">\n<line x1=\"0.0\" y1=\"1.0\" x2=\"2.0\" y2=\"3.0\" stroke=\"#000\"/>\n"
                + "<text x=\"1.0\" y=\"5\" text-anchor=\"end\">a&lt;b</text>\n</svg>\n")
    }
}
