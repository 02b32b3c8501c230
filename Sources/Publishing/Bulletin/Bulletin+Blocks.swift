import Documents
import Rendering

/// The bulletin as one list of blocks, rendered twice: Markdown (CommonMark with pipe tables;
/// Vietnamese, then English in italics; charts linked) and a self-contained HTML page (English
/// beside the Vietnamese; charts inlined).
extension Bulletin {
    /// The bulletin in Markdown. Charts are linked, not inlined: write `chartFiles()` beside
    /// the Markdown file.
    public func markdown() -> String { MarkdownRenderer(escapesText: true).render(blocks()) }

    /// The chart files the Markdown links to: (relative path, SVG text), in Vietnamese.
    public func chartFiles() -> [(path: String, svg: String)] {
        charts.map { ($0.file, $0.vi.svg()) } + (trackRecord?.charts ?? []).map { ($0.file, $0.vi.svg()) }
    }

    /// The header, the headlines with the comparison table, the charts, the price outlook and
    /// alerts, and the method-and-skill box.
    public func blocks() -> [Block] {
        var top: [Block] = [
            // A letterhead above the title in HTML; under the title in Markdown.
            .htmlOnly(issuer),
            .heading(1, Inlines(header.title.vi)),
            .paragraph(Inlines(header.title.en), .init(class: "title-en", lang: "en")),
            .markdownOnly(issuer),
        ]
        if let c = header.coverage {
            top.append(
                .paragraph(
                    Inlines([.prominent([.text(c.vi)]), .text(" · "), .english([.text(c.en)])]),
                    .init(class: "coverage")))
        }
        top.append(
            .definitions(headerFacts().map { (Self.term($0.0, html: " "), Inlines($0.1)) }, .init(class: "dates")))

        var headlines: [Block] = [.heading(2, Self.heading(Bilingual(vi: "Tóm tắt", en: "Summary")))]
        headlines += self.headlines.map {
            .pair(vi: Inlines([.prominent([.text($0.vi)])]), en: Inlines($0.en), kind: "headline")
        }
        if !comparisons.isEmpty { headlines.append(.table(comparisonTable())) }
        headlines += changeBlocks()
        if !dataAges.isEmpty {
            headlines.append(.heading(3, Self.heading(Bilingual(vi: "Số liệu mới nhất", en: "Latest data"))))
            headlines.append(.list(dataAges.map(Self.lines)))
        }
        var blocks: [Block] = [
            .group(tag: "header", .init(), top), .group(tag: "section", .init(id: "headlines"), headlines),
        ]
        if let p = province { blocks.append(.group(tag: "section", .init(id: "province"), provinceBlocks(p))) }
        for (i, chart) in charts.enumerated() {
            blocks.append(
                .figure(
                    path: chart.file, alt: chart.caption.vi, svg: chart.vi.svg(), caption: Self.lines(chart.caption),
                    .init(id: "chart-\(i + 1)")))
        }
        if !outlooks.isEmpty {
            blocks.append(
                .group(
                    tag: "section", .init(id: "outlook"),
                    [.heading(2, Self.heading(Bilingual(vi: "Triển vọng giá", en: "Price outlook")))]
                        + outlooks.map { .pair(vi: Inlines($0.vi), en: Inlines($0.en), kind: "outlook") }))
        }
        if !sellOrStore.isEmpty {
            blocks.append(.group(tag: "section", .init(id: "sell-or-store"), sellOrStoreBlocks()))
        }
        if !priceAlerts.isEmpty {
            blocks.append(
                .group(
                    tag: "section", .init(id: "alerts"),
                    [
                        .heading(2, Self.heading(Bilingual(vi: "Cảnh báo giá", en: "Price alerts"))),
                        .table(alertTable()),
                    ]))
        }
        if let t = trackRecord { blocks += trackRecordBlocks(t) }
        blocks.append(.group(tag: "aside", .init(class: "method"), methodBlocks()))
        // The committed Markdown ends with a blank line.
        return [.group(tag: "main", .init(), blocks), .blankLine]
    }

    private var issuer: Block {
        .paragraph(
            Inlines([.prominent([.text(header.issuer.vi)]), .lineBreak, .english([.text(header.issuer.en)])]),
            .init(class: "issuer"))
    }

    func headerFacts() -> [(Bilingual, String)] {
        var facts: [(Bilingual, String)] = []
        if let n = header.number { facts.append((Bilingual(vi: "Số", en: "No."), n)) }
        facts.append((Bilingual(vi: "Ngày phát hành", en: "Issued"), NumberText.date(header.issued, language: .vi)))
        if let v = header.validUntil {
            facts.append((Bilingual(vi: "Có giá trị đến", en: "Valid until"), NumberText.date(v, language: .vi)))
        }
        if let n = header.nextIssue {
            facts.append((Bilingual(vi: "Bản tin tiếp theo", en: "Next issue"), NumberText.date(n, language: .vi)))
        }
        return facts
    }

    private func methodBlocks() -> [Block] {
        var blocks: [Block] = [
            .heading(2, Self.heading(Bilingual(vi: "Phương pháp và độ tin cậy", en: "Method and skill"))),
            .pair(vi: Inlines(method.model.vi), en: Inlines(method.model.en), kind: "model"),
        ]
        for (title, items) in [
            (Bilingual(vi: "Độ chính xác", en: "Skill"), method.skill),
            (Bilingual(vi: "Nguồn số liệu", en: "Data sources"), method.sources),
            (Bilingual(vi: "Lưu ý", en: "Caveats"), method.caveats),
        ] where !items.isEmpty {
            blocks.append(.heading(3, Self.heading(title)))
            blocks.append(.list(items.map(Self.lines)))
        }
        if !method.appendix.isEmpty {
            blocks.append(.heading(3, Self.heading(Self.appendixHeading)))
            blocks.append(.list(method.appendix.map(Self.lines)))
        }
        return blocks
    }

    private func comparisonTable() -> Table {
        Table(
            header: Self.comparisonHeadings.map(Self.columnHeading),
            rows: comparisons.map { c in
                let cells = c.cells
                return [Self.term(c.item, html: "<br>"), Inlines(c.unit.vi)]
                    + [cells.forecast, cells.average, cells.change, cells.lastYear].map { Inlines($0) }
            }, numeric: [2, 3, 4, 5], htmlClass: "comparison")
    }

    private func alertTable() -> Table {
        /// A class name as a coloured badge with its value, or a dash.
        func badge(_ b: (name: Bilingual, cls: String, value: Double)?) -> Inlines {
            guard let b else { return "–" }
            return Inlines([
                .span(class: "badge \(b.cls)", [.text(b.name.vi)]),
                .htmlOnly([.lineBreak, .english([.text(b.name.en)])]),
                .text(" "),
                .span(class: "value", [.text("(\(NumberText.format(b.value, decimals: 2, language: .vi)))")]),
            ])
        }
        let rows = priceAlerts.map { a -> [Inlines] in
            let commodity = Inlines([
                .text("\(a.commodity.vi), \(a.market.vi)"),
                .htmlOnly([.lineBreak, .english([.text("\(a.commodity.en), \(a.market.en)")])]),
            ])
            let price = Inlines([
                .text("\(NumberText.format(a.price, language: .vi)) \(a.unit)"), .raw(markdown: ", ", html: "<br>"),
                .span(class: "when", [.text(NumberText.monthInWords(a.latest, language: .vi))]),
            ])
            let meaning = Inlines.joined(
                a.meaning.map { Inlines([.text($0.vi), .raw(markdown: " ", html: "<br>"), .english([.text($0.en)])]) },
                separator: Inlines([.raw(markdown: "<br>", html: "<br>")]))
            return [
                commodity, price,
                badge(a.ipa.map { (AlertWording.name($0.band), "ipa-\($0.band.rawValue)", $0.value) }),
                badge(a.alps.map { (AlertWording.name($0.severity), "alps-\($0.severity.rawValue)", $0.value) }),
                meaning,
            ]
        }
        return Table(header: Self.alertHeadings.map(Self.columnHeading), rows: rows, numeric: [1], htmlClass: "alerts")
    }

    /// A section heading: `vi · _en_` / `vi <span lang="en">en</span>`.
    static func heading(_ b: Bilingual) -> Inlines {
        Inlines([.text(b.vi), .raw(markdown: " · ", html: " "), .english([.text(b.en)])])
    }

    /// Two lines: `vi  ⏎_en_` / `vi<br><span lang="en">en</span>`.
    static func lines(_ b: Bilingual) -> Inlines { Inlines([.text(b.vi), .lineBreak, .english([.text(b.en)])]) }

    /// A term: `vi (_en_)` / `vi`, `html`, `<span lang="en">en</span>`.
    static func term(_ b: Bilingual, html: String) -> Inlines {
        Inlines([.text(b.vi), .raw(markdown: " (", html: html), .english([.text(b.en)]), .raw(markdown: ")", html: "")])
    }

    /// A column heading; the English is left out when it reads the same (`IPA (FAO)`).
    static func columnHeading(_ b: Bilingual) -> Inlines { b.en == b.vi ? Inlines(b.vi) : term(b, html: "<br>") }

    /// The heading of the technical appendix, the only part whose Vietnamese uses technical names.
    public static let appendixHeading = Bilingual(vi: "Phụ lục kỹ thuật", en: "Technical appendix")

    static let comparisonHeadings = [
        Bilingual(vi: "Chỉ tiêu", en: "Item"), Bilingual(vi: "Đơn vị", en: "Unit"),
        Bilingual(vi: "Dự báo", en: "Forecast"), Bilingual(vi: "TB 5 năm", en: "5-yr avg"),
        Bilingual(vi: "So với TB 5 năm", en: "vs 5-yr avg"), Bilingual(vi: "Năm trước", en: "Last year"),
    ]

    static let alertHeadings = [
        Bilingual(vi: "Mặt hàng, thị trường", en: "Commodity, market"),
        Bilingual(vi: "Giá mới nhất", en: "Latest price"),
        Bilingual(vi: "IPA (FAO)", en: "IPA (FAO)"), Bilingual(vi: "ALPS (WFP)", en: "ALPS (WFP)"),
        Bilingual(vi: "Ý nghĩa", en: "What it means"),
    ]
}
