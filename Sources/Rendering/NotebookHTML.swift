import Foundation

/// The HTML page of a rendered notebook: the Markdown that `AnalysisReport` writes (headings,
/// paragraphs, pipe tables, bullet lists, rules, `code`, links and images) turned into one
/// self-contained page, with each chart's SVG inlined where the Markdown links to its file and
/// links to other notebooks pointing at their pages. Only that subset of Markdown is read.
public enum NotebookHTML {
    public static func page(title: String, markdown: String, charts: [String: String]) -> String {
        var body = ""
        var paragraph: [String] = []
        var table: [[String]] = []
        var list: [String] = []
        func flush() {
            if !paragraph.isEmpty {
                body += "<p>" + paragraph.map { inline($0, charts) }.joined(separator: " ") + "</p>\n"
                paragraph = []
            }
            if !table.isEmpty {
                body += "<table>\n"
                for (i, row) in table.enumerated() where i != 1 {
                    let tag = i == 0 ? "th" : "td"
                    body += "<tr>" + row.map { "<\(tag)>\(inline($0, charts))</\(tag)>" }.joined() + "</tr>\n"
                }
                body += "</table>\n"
                table = []
            }
            if !list.isEmpty {
                body += "<ul>\n" + list.map { "<li>\(inline($0, charts))</li>\n" }.joined() + "</ul>\n"
                list = []
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.isEmpty {
                flush()
                continue
            }
            if line.hasPrefix("| ") {
                if !paragraph.isEmpty || !list.isEmpty {
                    let t = table
                    table = []
                    flush()
                    table = t
                }
                table.append(cells(line))
                continue
            }
            if !table.isEmpty { flush() }
            if line == "---" {
                flush()
                body += "<hr>\n"
                continue
            }
            if line.hasPrefix("## ") {
                flush()
                body += "<h2>\(inline(String(line.dropFirst(3)), charts))</h2>\n"
                continue
            }
            if line.hasPrefix("# ") {
                flush()
                body += "<h1>\(inline(String(line.dropFirst(2)), charts))</h1>\n"
                continue
            }
            if line.hasPrefix("- ") {
                if !paragraph.isEmpty { flush() }
                list.append(String(line.dropFirst(2)))
                continue
            }
            if !list.isEmpty { flush() }
            paragraph.append(line)
        }
        flush()
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
            table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
            th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: middle; }
            th { background: #f2f2f2; }
            code { background: #f4f4f4; padding: 0 0.2rem; }
            svg { max-width: 100%; height: auto; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The cells of a pipe-table row; `\|` is a literal bar.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var chars = Array(line.dropFirst())
        if chars.last == "|" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "|" {
                current.append("|")
                i += 2
                continue
            }
            if chars[i] == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(chars[i])
            }
            i += 1
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    /// `code`, ![alt](chart.svg) (the SVG inlined), [text](page.md) (to page.html); the rest escaped.
    static func inline(_ text: String, _ charts: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let c = rest.first {
            if c == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                out += "<code>" + escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "</code>"
                rest = rest[rest.index(after: end)...]
                continue
            }
            let image = c == "!" && rest.dropFirst().first == "["
            if c == "[" || image {
                let open = image ? rest.index(after: rest.startIndex) : rest.startIndex
                if let close = rest[open...].firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
                    rest[rest.index(after: close)] == "(", let paren = rest[close...].firstIndex(of: ")")
                {
                    let label = String(rest[rest.index(after: open)..<close])
                    let target = String(rest[rest.index(close, offsetBy: 2)..<paren])
                    if image {
                        if let svg = charts[target] {
                            out +=
                                "<figure role=\"img\" aria-label=\"\(escape(label))\">"
                                + svg.trimmingCharacters(in: .newlines) + "</figure>"
                        } else {
                            out += "<img src=\"\(escape(target))\" alt=\"\(escape(label))\">"
                        }
                    } else {
                        let href = target.hasSuffix(".md") ? String(target.dropLast(3)) + ".html" : target
                        out += "<a href=\"\(escape(href))\">\(inline(label, charts))</a>"
                    }
                    rest = rest[rest.index(after: paren)...]
                    continue
                }
            }
            out += escape(String(c))
            rest = rest.dropFirst()
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
