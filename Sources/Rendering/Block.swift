/// A run of text inside a block: what the Markdown and the HTML renderings of a document share.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    /// `_x_` / `<em>x</em>`.
    case emphasis([Inline])
    /// `**x**` / `<strong>x</strong>`.
    case strong([Inline])
    /// `` `x` `` / `<code>x</code>`.
    case code(String)
    /// `[x](markdown)` / `<a href="html">x</a>`: the same page in each rendering's own format.
    case link([Inline], markdown: String, html: String)
    /// `![alt](path)` / the SVG inlined in `<figure role="img" aria-label="alt">` (an `<img>`
    /// when there is no SVG text).
    case image(alt: String, path: String, svg: String?)
    /// A hard line break: two spaces and a newline / `<br>`.
    case lineBreak
    /// English beside Vietnamese: `_x_` / `<span lang="en">x</span>`.
    case english([Inline])
    /// Text set apart: `**x**` in Markdown, which has no styles; as is in HTML, where the class
    /// of its block styles it.
    case prominent([Inline])
    /// `<span class="…">x</span>` in HTML; as is in Markdown.
    case span(class: String, [Inline])
    /// Only in HTML (the English of a table cell the Markdown gives in Vietnamese only).
    case htmlOnly([Inline])
    /// Text that differs between the renderings (separators the two layouts need), written as given.
    case raw(markdown: String, html: String)
}

/// Runs of inline text, written as a string literal whose interpolations add code and links:
/// `"File \(code: path); see \(link: "the notes", to: "notes.md", html: "notes.html")."`.
public struct Inlines: Sendable, Equatable, ExpressibleByStringInterpolation {
    public var runs: [Inline]

    public init(_ runs: [Inline]) { self.runs = runs }
    public init(_ text: String) { runs = text.isEmpty ? [] : [.text(text)] }
    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: Interpolation) { runs = stringInterpolation.runs }

    public struct Interpolation: StringInterpolationProtocol {
        var runs: [Inline] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        init(runs: [Inline]) { self.runs = runs }

        public mutating func appendLiteral(_ literal: String) { text(literal) }
        public mutating func appendInterpolation<T>(_ value: T) { text("\(value)") }
        public mutating func appendInterpolation(code: String) { runs.append(.code(code)) }
        public mutating func appendInterpolation(_ inlines: Inlines) {
            for run in inlines.runs {
                if case .text(let s) = run { text(s) } else { runs.append(run) }
            }
        }
        public mutating func appendInterpolation(image alt: String, path: String, svg: String?) {
            runs.append(.image(alt: alt, path: path, svg: svg))
        }

        mutating func text(_ s: String) {
            guard !s.isEmpty else { return }
            if case .text(let last)? = runs.last {
                runs[runs.count - 1] = .text(last + s)
            } else {
                runs.append(.text(s))
            }
        }
    }

    /// `other` added at the end.
    public mutating func append(_ other: Inlines) {
        var interpolation = Interpolation(runs: runs)
        interpolation.appendInterpolation(other)
        runs = interpolation.runs
    }

    /// `items` joined by `separator`.
    public static func joined(_ items: [Inlines], separator: Inlines) -> Inlines {
        var out = Inlines([])
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(separator) }
            out.append(item)
        }
        return out
    }
}

/// HTML attributes a block may carry; each is left out when nil.
public struct BlockAttributes: Sendable, Equatable {
    public var id: String?
    public var `class`: String?
    public var lang: String?

    public init(id: String? = nil, class: String? = nil, lang: String? = nil) {
        self.id = id
        self.class = `class`
        self.lang = lang
    }

    var html: String {
        [("id", id), ("class", `class`), ("lang", lang)].compactMap { k, v in v.map { " \(k)=\"\($0)\"" } }.joined()
    }
}

/// A table: a header row, rows of cells, and which columns hold numbers.
public struct Table: Sendable, Equatable {
    public var header: [Inlines]
    public var rows: [[Inlines]]
    /// The columns aligned right: `--:` in Markdown, `class="num"` in HTML.
    public var numeric: Set<Int>
    /// The HTML `class`; a classed table is written with `<thead>` and `<tbody>` and its
    /// Markdown rule without spaces (`|---|--:|`), as the bulletin's; otherwise as the notebooks'
    /// (`| --- |`, rows straight in `<table>`).
    public var htmlClass: String?

    public init(header: [Inlines], rows: [[Inlines]] = [], numeric: Set<Int> = [], htmlClass: String? = nil) {
        (self.header, self.rows, self.numeric, self.htmlClass) = (header, rows, numeric, htmlClass)
    }
}

/// A piece of a document, rendered to Markdown by `MarkdownRenderer` and to HTML by
/// `HTMLRenderer`. The notebooks and the bulletin are lists of blocks.
public indirect enum Block: Sendable {
    /// `#`… / `<h1>`…
    case heading(Int, Inlines)
    /// A paragraph; in English (`lang: "en"`), in italics in Markdown.
    case paragraph(Inlines, BlockAttributes = .init())
    /// A bullet list, one item a line (continuation lines indented by two spaces in Markdown).
    case list([Inlines])
    /// Terms and their values: `- term: value` / `<dl><div><dt>term</dt><dd>value</dd></div>…`.
    case definitions([(term: Inlines, value: Inlines)], BlockAttributes)
    case table(Table)
    /// A thematic break: `---` / `<hr>`.
    case rule
    /// Vietnamese and English side by side: two paragraphs in Markdown (the English in italics),
    /// `<div class="pair kind"><p lang="vi">…</p><p lang="en">…</p></div>` in HTML.
    case pair(vi: Inlines, en: Inlines, kind: String)
    /// A chart: the image and its caption paragraph in Markdown, `<figure>` with the SVG and a
    /// `<figcaption>` in HTML.
    case figure(path: String, alt: String, svg: String, caption: Inlines, BlockAttributes)
    /// A part of the page: its blocks in Markdown; `<tag …>` around them in HTML.
    case group(tag: String, BlockAttributes, [Block])
    /// A block in the Markdown rendering only (where the two layouts order a page differently).
    case markdownOnly(Block)
    /// A block in the HTML rendering only.
    case htmlOnly(Block)
    /// Text that differs between the renderings, written as given; nil leaves the block out of
    /// that rendering, while an empty Markdown text is an empty block (an extra blank line).
    case raw(markdown: String?, html: String?)

    /// An extra blank line in Markdown, nothing in HTML. The committed bulletin ends with one, and
    /// two notebooks carry one before their footer; kept so that their bytes stay the same.
    public static let blankLine = Block.raw(markdown: "", html: nil)
}
