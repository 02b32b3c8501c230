/// Blocks as HTML elements, one a line, text escaped as `escaping` says (see `Markup`): the
/// bulletin uses `.xml`, the notebooks `.asWritten`.
public struct HTMLRenderer: Sendable {
    public var escaping: Markup.Escaping

    public init(escaping: Markup.Escaping = .xml) { self.escaping = escaping }

    public func render(_ blocks: [Block]) -> String { blocks.map(block).joined() }

    func block(_ block: Block) -> String {
        switch block {
        case .heading(let level, let text): return "<h\(level)>" + inline(text) + "</h\(level)>\n"
        case .paragraph(let text, let attributes): return "<p\(attributes.html)>" + inline(text) + "</p>\n"
        case .list(let items): return "<ul>\n" + items.map { "<li>" + inline($0) + "</li>\n" }.joined() + "</ul>\n"
        case .definitions(let items, let attributes):
            return "<dl\(attributes.html)>\n"
                + items.map { "<div><dt>" + inline($0.term) + "</dt><dd>" + inline($0.value) + "</dd></div>\n" }
                .joined() + "</dl>\n"
        case .table(let table): return self.table(table)
        case .rule: return "<hr>\n"
        case .pair(let vi, let en, let kind):
            return "<div class=\"pair \(kind)\"><p lang=\"vi\">" + inline(vi) + "</p><p lang=\"en\">" + inline(en)
                + "</p></div>\n"
        case .figure(_, _, let svg, let caption, let attributes):
            return "<figure\(attributes.html)>\n" + svg + "<figcaption>" + inline(caption)
                + "</figcaption>\n</figure>\n"
        case .group(let tag, let attributes, let blocks):
            return "<\(tag)\(attributes.html)>\n" + render(blocks) + "</\(tag)>\n"
        case .markdownOnly: return ""
        case .htmlOnly(let block): return self.block(block)
        case .raw(_, let html): return html ?? ""
        }
    }

    /// A notebook's table: rows straight in `<table>`; a classed one (the bulletin's) with
    /// `<thead>`, `<tbody>` and `class="num"` on the numeric columns.
    func table(_ table: Table) -> String {
        guard let htmlClass = table.htmlClass else {
            func row(_ cells: [Inlines], _ tag: String) -> String {
                "<tr>" + cells.map { "<\(tag)>" + inline($0) + "</\(tag)>" }.joined() + "</tr>\n"
            }
            return "<table>\n" + row(table.header, "th") + table.rows.map { row($0, "td") }.joined() + "</table>\n"
        }
        func row(_ cells: [Inlines], _ tag: String) -> String {
            "<tr>"
                + cells.enumerated().map { i, cell in
                    let numeric = table.numeric.contains(i) ? " class=\"num\"" : ""
                    return "<\(tag)\(numeric)>" + inline(cell) + "</\(tag)>"
                }.joined() + "</tr>"
        }
        return "<table class=\"\(htmlClass)\">\n<thead>" + row(table.header, "th") + "</thead>\n<tbody>\n"
            + table.rows.map { row($0, "td") + "\n" }.joined() + "</tbody>\n</table>\n"
    }

    public func inline(_ text: Inlines) -> String { text.runs.map(inline).joined() }

    func inline(_ run: Inline) -> String {
        switch run {
        case .text(let s): return escape(s)
        case .emphasis(let runs): return "<em>" + inline(Inlines(runs)) + "</em>"
        case .strong(let runs): return "<strong>" + inline(Inlines(runs)) + "</strong>"
        case .code(let s): return "<code>" + escape(s) + "</code>"
        case .link(let runs, _, let href): return "<a href=\"\(escape(href))\">" + inline(Inlines(runs)) + "</a>"
        case .image(let alt, let path, let svg):
            guard let svg else { return "<img src=\"\(escape(path))\" alt=\"\(escape(alt))\">" }
            return "<figure role=\"img\" aria-label=\"\(escape(alt))\">" + svg.trimmingCharacters(in: .newlines)
                + "</figure>"
        case .lineBreak: return "<br>"
        case .english(let runs): return "<span lang=\"en\">" + inline(Inlines(runs)) + "</span>"
        case .prominent(let runs), .htmlOnly(let runs): return inline(Inlines(runs))
        case .span(let cls, let runs): return "<span class=\"\(cls)\">" + inline(Inlines(runs)) + "</span>"
        case .raw(_, let html): return html
        }
    }

    public func escape(_ s: String) -> String { Markup.escape(s, escaping) }
}
