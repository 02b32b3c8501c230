import Documents
import Rendering

extension Bulletin {
    /// The bulletin in Markdown (CommonMark with pipe tables): Vietnamese, then English in
    /// italics. Charts are linked, not inlined: write `chartFiles()` beside the Markdown file.
    public func markdown() -> String {
        var out = "# \(md(header.title.vi))\n\n_\(md(header.title.en))_\n\n"
        out += "**\(md(header.issuer.vi))**  \n_\(md(header.issuer.en))_\n\n"
        if let c = header.coverage { out += "**\(md(c.vi))** · _\(md(c.en))_\n\n" }
        for (label, value) in headerFacts() {
            out += "- \(md(label.vi)) (_\(md(label.en))_): \(md(value))\n"
        }
        out += "\n## Tóm tắt · _Summary_\n\n"
        for h in headlines { out += "**\(md(h.vi))**\n\n_\(md(h.en))_\n\n" }
        if !comparisons.isEmpty {
            out +=
                "| " + Self.comparisonHeadings.map { "\(md($0.vi)) (_\(md($0.en))_)" }.joined(separator: " | ") + " |\n"
            out += "|---|---|--:|--:|--:|--:|\n"
            for c in comparisons {
                let cells = c.cells
                out += "| \(md(c.item.vi)) (_\(md(c.item.en))_) | \(md(c.unit.vi)) | \(cells.forecast) | "
                out += "\(cells.average) | \(cells.change) | \(cells.lastYear) |\n"
            }
            out += "\n"
        }
        for chart in charts {
            out +=
                "![\(md(chart.caption.vi))](\(chart.file))\n\n\(md(chart.caption.vi))  \n_\(md(chart.caption.en))_\n\n"
        }
        if !outlooks.isEmpty {
            out += "## Triển vọng giá · _Price outlook_\n\n"
            for o in outlooks { out += "\(md(o.vi))\n\n_\(md(o.en))_\n\n" }
        }
        if !priceAlerts.isEmpty {
            out += "## Cảnh báo giá · _Price alerts_\n\n"
            out +=
                "| "
                + Self.alertHeadings.map { $0.vi == $0.en ? md($0.vi) : "\(md($0.vi)) (_\(md($0.en))_)" }
                .joined(separator: " | ") + " |\n"
            out += "|---|--:|---|---|---|\n"
            for a in priceAlerts {
                let ipa =
                    a.ipa.map {
                        "\(AlertWording.name($0.band).vi) (\(NumberText.format($0.value, decimals: 2, language: .vi)))"
                    } ?? "–"
                let alps =
                    a.alps.map {
                        "\(AlertWording.name($0.severity).vi) (\(NumberText.format($0.value, decimals: 2, language: .vi)))"
                    } ?? "–"
                let meaning = a.meaning.map { "\(md($0.vi)) _\(md($0.en))_" }.joined(separator: "<br>")
                out +=
                    "| \(md(a.commodity.vi)), \(md(a.market.vi)) | \(NumberText.format(a.price, language: .vi)) \(md(a.unit)), "
                out += "\(NumberText.monthInWords(a.latest, language: .vi)) | \(md(ipa)) | \(md(alps)) | \(meaning) |\n"
            }
            out += "\n"
        }
        out += "## Phương pháp và độ tin cậy · _Method and skill_\n\n"
        out += "\(md(method.model.vi))\n\n_\(md(method.model.en))_\n\n"
        for (title, items) in [
            (Bilingual(vi: "Độ chính xác", en: "Skill"), method.skill),
            (Bilingual(vi: "Nguồn số liệu", en: "Data sources"), method.sources),
            (Bilingual(vi: "Lưu ý", en: "Caveats"), method.caveats),
        ] where !items.isEmpty {
            out += "### \(md(title.vi)) · _\(md(title.en))_\n\n"
            for item in items { out += "- \(md(item.vi))  \n  _\(md(item.en))_\n" }
            out += "\n"
        }
        return Markup.nfc(out)
    }

    /// The chart files the Markdown links to: (relative path, SVG text), in Vietnamese.
    public func chartFiles() -> [(path: String, svg: String)] {
        charts.map { ($0.file, $0.vi.svg()) }
    }

    /// Escapes the characters that would start Markdown syntax inside running text or a table.
    private func md(_ s: String) -> String {
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
