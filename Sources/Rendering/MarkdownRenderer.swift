/// Blocks as CommonMark with pipe tables: a blank line between blocks (none after a rule).
public struct MarkdownRenderer: Sendable {
    /// Whether text is escaped: a backslash before the characters that would start Markdown
    /// syntax, newlines as spaces, and the whole NFC-normalised. The bulletin's text comes from
    /// configuration files and is escaped; the notebooks' is muavu's own and written as is
    /// (their tables escape `|` in cells).
    public var escapesText: Bool

    public init(escapesText: Bool = false) { self.escapesText = escapesText }

    public func render(_ blocks: [Block]) -> String {
        var out = ""
        var separator = ""
        for block in Self.flattened(blocks) {
            guard let text = self.block(block) else { continue }
            out += separator + text
            if case .rule = block { separator = "" } else { separator = "\n" }
        }
        return escapesText ? Markup.nfc(out) : out
    }

    /// Groups replaced by their blocks (Markdown has no containers).
    static func flattened(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            if case .group(_, _, let inner) = block { return flattened(inner) }
            return [block]
        }
    }

    /// One block, ending with a newline; nil for what Markdown leaves out.
    func block(_ block: Block) -> String? {
        switch block {
        case .heading(let level, let text): return String(repeating: "#", count: level) + " " + inline(text) + "\n"
        case .paragraph(let text, let attributes):
            return attributes.lang == "en" ? "_" + inline(text) + "_\n" : inline(text) + "\n"
        case .list(let items):
            return items.map { "- " + inline($0).replacingOccurrences(of: "\n", with: "\n  ") + "\n" }.joined()
        case .definitions(let items, _):
            return items.map { "- " + inline($0.term) + ": " + inline($0.value) + "\n" }.joined()
        case .table(let table): return self.table(table)
        case .rule: return "---\n"
        case .pair(let vi, let en, _): return inline(vi) + "\n\n_" + inline(en) + "_\n"
        case .figure(let path, let alt, _, let caption, _):
            return "![\(text(alt))](\(path))\n\n" + inline(caption) + "\n"
        case .group(_, _, let blocks): return render(blocks)
        case .markdownOnly(let block): return self.block(block)
        case .htmlOnly: return nil
        case .raw(let markdown, _): return markdown
        }
    }

    func table(_ table: Table) -> String {
        let cell: (Inlines) -> String =
            escapesText ? { inline($0) } : { inline($0).replacingOccurrences(of: "|", with: "\\|") }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        let rule =
            table.htmlClass == nil
            ? line(table.header.map { _ in "---" })
            : "|" + table.header.indices.map { table.numeric.contains($0) ? "--:|" : "---|" }.joined() + "\n"
        return line(table.header.map(cell)) + rule + table.rows.map { line($0.map(cell)) }.joined()
    }

    public func inline(_ text: Inlines) -> String { text.runs.map(inline).joined() }

    func inline(_ run: Inline) -> String {
        switch run {
        case .text(let s): return text(s)
        case .emphasis(let runs), .english(let runs): return "_" + inline(Inlines(runs)) + "_"
        case .strong(let runs), .prominent(let runs): return "**" + inline(Inlines(runs)) + "**"
        case .code(let s): return "`" + s + "`"
        case .link(let runs, let target, _): return "[" + inline(Inlines(runs)) + "](" + target + ")"
        case .image(let alt, let path, _): return "![" + text(alt) + "](" + path + ")"
        case .lineBreak: return "  \n"
        case .span(_, let runs): return inline(Inlines(runs))
        case .htmlOnly: return ""
        case .raw(let markdown, _): return markdown
        }
    }

    func text(_ s: String) -> String {
        guard escapesText else { return s }
        var out = ""
        for c in Markup.nfc(s) {
            switch c {
            case "\\", "*", "_", "`", "[", "]", "|", "<", ">", "#":
                out.append("\\")
                out.append(c)
            case "\n":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        return out
    }
}
