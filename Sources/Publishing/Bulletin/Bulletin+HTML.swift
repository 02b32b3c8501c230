import Documents
import Rendering

extension Bulletin {
    /// A self-contained HTML page (UTF-8, `lang="vi"`, styles inline, charts as inline SVG).
    /// English text sits beside the Vietnamese on screen and under it in print.
    public func html() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(e(header.title.vi)) — \(e(header.title.en))</title>\n"
        out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n<main>\n"

        // Header.
        out += "<header>\n"
        out += "<p class=\"issuer\">\(e(header.issuer.vi))<br><span lang=\"en\">\(e(header.issuer.en))</span></p>\n"
        out += "<h1>\(e(header.title.vi))</h1>\n<p class=\"title-en\" lang=\"en\">\(e(header.title.en))</p>\n"
        if let c = header.coverage {
            out += "<p class=\"coverage\">\(e(c.vi)) · <span lang=\"en\">\(e(c.en))</span></p>\n"
        }
        out += "<dl class=\"dates\">\n"
        for (label, value) in headerFacts() {
            out += "<div><dt>\(e(label.vi)) <span lang=\"en\">\(e(label.en))</span></dt><dd>\(e(value))</dd></div>\n"
        }
        out += "</dl>\n</header>\n"

        // Headlines.
        out += section(Bilingual(vi: "Tóm tắt", en: "Summary"), id: "headlines")
        for h in headlines { out += pair(h, tag: "p", cls: "headline") }
        if !comparisons.isEmpty { out += comparisonTable() }
        out += "</section>\n"

        for (i, chart) in charts.enumerated() {
            out += "<figure id=\"chart-\(i + 1)\">\n\(chart.vi.svg())"
            out +=
                "<figcaption>\(e(chart.caption.vi))<br><span lang=\"en\">\(e(chart.caption.en))</span></figcaption>\n</figure>\n"
        }

        if !outlooks.isEmpty {
            out += section(Bilingual(vi: "Triển vọng giá", en: "Price outlook"), id: "outlook")
            for o in outlooks { out += pair(o, tag: "p", cls: "outlook") }
            out += "</section>\n"
        }
        if !priceAlerts.isEmpty {
            out += section(Bilingual(vi: "Cảnh báo giá", en: "Price alerts"), id: "alerts")
            out += alertTable()
            out += "</section>\n"
        }

        // Method and skill.
        out +=
            "<aside class=\"method\">\n<h2>Phương pháp và độ tin cậy <span lang=\"en\">Method and skill</span></h2>\n"
        out += pair(method.model, tag: "p", cls: "model")
        for (title, items) in [
            (Bilingual(vi: "Độ chính xác", en: "Skill"), method.skill),
            (Bilingual(vi: "Nguồn số liệu", en: "Data sources"), method.sources),
            (Bilingual(vi: "Lưu ý", en: "Caveats"), method.caveats),
        ] where !items.isEmpty {
            out += "<h3>\(e(title.vi)) <span lang=\"en\">\(e(title.en))</span></h3>\n<ul>\n"
            for item in items {
                out += "<li>\(e(item.vi))<br><span lang=\"en\">\(e(item.en))</span></li>\n"
            }
            out += "</ul>\n"
        }
        out += "</aside>\n</main>\n</body>\n</html>\n"
        return out
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

    private func e(_ s: String) -> String { Markup.escape(s) }

    private func section(_ title: Bilingual, id: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(e(title.vi)) <span lang=\"en\">\(e(title.en))</span></h2>\n"
    }

    private func pair(_ text: Bilingual, tag: String, cls: String) -> String {
        "<div class=\"pair \(cls)\"><\(tag) lang=\"vi\">\(e(text.vi))</\(tag)><\(tag) lang=\"en\">\(e(text.en))</\(tag)></div>\n"
    }

    private func comparisonTable() -> String {
        var out = "<table class=\"comparison\">\n<thead><tr>"
        for (i, h) in Self.comparisonHeadings.enumerated() {
            out += heading(h, numeric: i >= 2)
        }
        out += "</tr></thead>\n<tbody>\n"
        for c in comparisons {
            let cells = c.cells
            out += "<tr><td>\(e(c.item.vi))<br><span lang=\"en\">\(e(c.item.en))</span></td><td>\(e(c.unit.vi))</td>"
            out += [cells.forecast, cells.average, cells.change, cells.lastYear].map {
                "<td class=\"num\">\(e($0))</td>"
            }.joined()
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A class name as a coloured badge with its value, or a dash.
    private func badge(_ b: (name: Bilingual, cls: String, value: Double)?) -> String {
        guard let b else { return "<td>–</td>" }
        return "<td><span class=\"badge \(b.cls)\">\(e(b.name.vi))</span><br><span lang=\"en\">\(e(b.name.en))</span>"
            + " <span class=\"value\">(\(NumberText.format(b.value, decimals: 2, language: .vi)))</span></td>"
    }

    /// A table heading; the English line is left out when it reads the same (`IPA (FAO)`).
    private func heading(_ h: Bilingual, numeric: Bool) -> String {
        let english = h.en == h.vi ? "" : "<br><span lang=\"en\">\(e(h.en))</span>"
        return "<th\(numeric ? " class=\"num\"" : "")>\(e(h.vi))\(english)</th>"
    }

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

    private func alertTable() -> String {
        var out = "<table class=\"alerts\">\n<thead><tr>"
        for (i, h) in Self.alertHeadings.enumerated() { out += heading(h, numeric: i == 1) }
        out += "</tr></thead>\n<tbody>\n"
        for a in priceAlerts {
            out +=
                "<tr><td>\(e(a.commodity.vi)), \(e(a.market.vi))<br><span lang=\"en\">\(e(a.commodity.en)), \(e(a.market.en))</span></td>"
            out += "<td class=\"num\">\(NumberText.format(a.price, language: .vi)) \(e(a.unit))<br>"
            out += "<span class=\"when\">\(e(NumberText.monthInWords(a.latest, language: .vi)))</span></td>"
            out += badge(a.ipa.map { (AlertWording.name($0.band), "ipa-\($0.band.rawValue)", $0.value) })
            out += badge(a.alps.map { (AlertWording.name($0.severity), "alps-\($0.severity.rawValue)", $0.value) })
            out +=
                "<td>"
                + a.meaning.map { "\(e($0.vi))<br><span lang=\"en\">\(e($0.en))</span>" }.joined(separator: "<br>")
                + "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Screen: a centred column, English beside Vietnamese on wide screens. Print: A4, black on
    /// white, English under Vietnamese, no page break inside a figure or table row.
    static let css = """
        :root { --ink: #1f1f1f; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #08519c; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff;
          font: 16px/1.55 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
        .issuer { margin: 0; font-weight: 600; text-transform: uppercase; letter-spacing: 0.02em; font-size: 0.9rem; }
        h1 { margin: 0.6rem 0 0; font-size: 1.9rem; line-height: 1.2; }
        .title-en { margin: 0.15rem 0 0; color: var(--muted); font-size: 1.15rem; }
        .coverage { margin: 0.4rem 0 0; font-weight: 600; }
        .dates { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0.75rem 0 0; font-size: 0.9rem; }
        .dates div { display: flex; gap: 0.4rem; }
        .dates dt { color: var(--muted); }
        .dates dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        h2 { font-size: 1.3rem; margin: 1.75rem 0 0.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
        h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
        [lang="en"] { color: var(--muted); }
        h2 [lang="en"], h3 [lang="en"] { font-weight: 400; font-size: 0.85em; margin-left: 0.4rem; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; margin: 0.6rem 0; }
        .pair p { margin: 0; }
        .headline p[lang="vi"] { font-size: 1.15rem; font-weight: 600; }
        table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--rule); }
        th { font-weight: 600; border-bottom: 2px solid var(--ink); }
        th.num { text-align: right; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .when, .value { color: var(--muted); font-size: 0.85em; }
        .badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 0.25rem; font-weight: 600;
          border: 1px solid currentColor; }
        .ipa-normal, .alps-normal { color: #1b5e20; background: #e8f5e9; }
        .ipa-moderately-high, .alps-stress { color: #8a5300; background: #fff3e0; }
        .ipa-abnormally-high, .alps-alert { color: #b71c1c; background: #ffebee; }
        .alps-crisis { color: #fff; background: #7f0000; }
        .ipa-moderately-low, .ipa-abnormally-low { color: #0d47a1; background: #e3f2fd; }
        figure { margin: 1.5rem 0; }
        figure svg { display: block; width: 100%; height: auto; max-width: 800px; }
        figcaption { font-size: 0.9rem; margin-top: 0.4rem; }
        .method { margin-top: 2rem; padding: 0.5rem 1.25rem 1rem; border: 1px solid var(--rule);
          border-left: 4px solid var(--accent); background: #f7f9fc; }
        .method h2 { margin-top: 0.5rem; border: 0; }
        .method ul { margin: 0.2rem 0; padding-left: 1.2rem; }
        @media (max-width: 40rem) { .pair { grid-template-columns: 1fr; gap: 0.2rem; } }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          .pair { grid-template-columns: 1fr; gap: 0.1rem; }
          figure, tr, .method, .pair { break-inside: avoid; }
          h2 { break-after: avoid; }
          .method { background: none; }
          .badge { background: none !important; color: #000 !important; }
        }

        """
}
