import Testing

@testable import Rendering

/// One list of blocks, rendered to Markdown and to HTML: the two must say the same thing, each
/// in its own syntax.
struct BlockRenderingTests {
    let chart = "<svg id=\"c\"></svg>\n"

    var blocks: [Block] {
        var table = Table(header: ["x", "y"])
        table.rows.append(["1 | 2", "\(image: "c", path: "charts/c.svg", svg: chart)"])
        return [
            .heading(1, "T & co"),
            .paragraph(
                "See \(code: "a<b") and \(Inlines([.link([.text("the study")], markdown: "yield-study.md", html: "yield-study.html")]))."
            ),
            .table(table),
            .list(["one", Inlines([.text("two"), .lineBreak, .english([.text("hai")])])]),
            .rule,
            .paragraph("end"),
        ]
    }

    @Test func markdown() {
        #expect(
            MarkdownRenderer().render(blocks)
                == "# T & co\n\nSee `a<b` and [the study](yield-study.md).\n\n| x | y |\n| --- | --- |\n"
                + "| 1 \\| 2 | ![c](charts/c.svg) |\n\n- one\n- two  \n  _hai_\n\n---\nend\n")
    }

    @Test func html() {
        #expect(
            HTMLRenderer(escaping: .asWritten).render(blocks)
                == "<h1>T &amp; co</h1>\n<p>See <code>a&lt;b</code> and <a href=\"yield-study.html\">the study</a>.</p>\n"
                + "<table>\n<tr><th>x</th><th>y</th></tr>\n"
                + "<tr><td>1 | 2</td><td><figure role=\"img\" aria-label=\"c\"><svg id=\"c\"></svg></figure></td></tr>\n"
                + "</table>\n<ul>\n<li>one</li>\n<li>two<br><span lang=\"en\">hai</span></li>\n</ul>\n<hr>\n<p>end</p>\n"
        )
    }

    @Test func escapedMarkdownAndBilingualTables() {
        let table = Table(
            header: [
                "Item",
                Inlines([
                    .text("Giá"), .raw(markdown: " (", html: "<br>"), .english([.text("Price")]),
                    .raw(markdown: ")", html: ""),
                ]),
            ],
            rows: [["a*b", "9.500"]], numeric: [1], htmlClass: "prices")
        let blocks: [Block] = [
            .group(
                tag: "section", .init(id: "s"),
                [.pair(vi: Inlines([.prominent([.text("Có")])]), en: "Yes", kind: "headline"), .table(table)]),
            .htmlOnly(.paragraph("only in HTML")), .markdownOnly(.paragraph("only in Markdown")), .blankLine,
        ]
        #expect(
            MarkdownRenderer(escapesText: true).render(blocks)
                == "**Có**\n\n_Yes_\n\n| Item | Giá (_Price_) |\n|---|--:|\n| a\\*b | 9.500 |\n\nonly in Markdown\n\n")
        #expect(
            HTMLRenderer(escaping: .xml).render(blocks)
                == "<section id=\"s\">\n<div class=\"pair headline\"><p lang=\"vi\">Có</p><p lang=\"en\">Yes</p></div>\n"
                + "<table class=\"prices\">\n<thead><tr><th>Item</th><th class=\"num\">Giá<br><span lang=\"en\">Price</span></th></tr></thead>\n"
                + "<tbody>\n<tr><td>a*b</td><td class=\"num\">9.500</td></tr>\n</tbody>\n</table>\n</section>\n"
                + "<p>only in HTML</p>\n")
    }
}
