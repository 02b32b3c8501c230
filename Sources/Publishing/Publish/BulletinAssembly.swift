import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// Puts the published series into a `Bulletin`: headlines with odds and the 5-year average for
/// the yearly series, the comparison table, one fan chart per series, the price outlook and
/// alerts for monthly prices, and the method-and-skill box with every model's backtest or
/// leave-one-year-out error.
enum BulletinAssembly {
    static func bulletin(
        _ configuration: PublishConfiguration, published: [PublishedSeries], withheld: [WithheldSeries] = [],
        issueDay: PeriodDate, level: Int, province: Bulletin.ProvinceSection? = nil, trackRecord: [CheckedRecord] = []
    ) throws -> Bulletin {
        var header = Bulletin.Header(title: configuration.title, issued: issueDay)
        header.issuer = configuration.issuer ?? .departmentOfAgricultureDongThap
        header.coverage = configuration.coverage
        header.nextIssue = configuration.nextIssueMonths.flatMap { nextIssue(after: issueDay, months: $0) }
        var headlines: [Bilingual] = []
        var comparisons: [Bulletin.Comparison] = []
        var charts: [Bulletin.Chart] = []
        var outlooks: [Bilingual] = []
        var alerts: [Bulletin.PriceAlert] = []
        var skill: [Bilingual] = []
        var appendix: [Bilingual] = []
        for p in published {
            if let outlook = p.outlook {
                outlooks.append(outlook.text)
            } else {
                let step = min(p.issueStep, p.forecast.horizon) - 1
                // Like with like: a crop season against the same season's last 5 years.
                let average = Headline.average(ofLast: 5, p.sameSeasonHistory(step: step))
                let targetDate = p.history.date(at: p.history.count + step)
                let target = Bilingual(
                    vi: targetDate.map { p.label($0, .vi) } ?? "", en: targetDate.map { p.label($0, .en) } ?? "")
                var subject = Bilingual(vi: "\(p.entry.name.vi) \(target.vi)", en: "\(p.entry.name.en) \(target.en)")
                if let a = p.age, let t = targetDate, a.isEstimate(t) {
                    // A period already past is estimated, not forecast.
                    subject.vi += " (\(DataAgeWording.estimate.vi))"
                    subject.en += " (\(DataAgeWording.estimate.en))"
                }
                headlines.append(
                    try Headline.forecast(
                        subject: subject, forecast: p.forecast, step: step, level: level, unit: p.unit,
                        decimals: p.decimals, average: average))
                var row = Bulletin.Comparison(item: p.entry.name, unit: p.unit, forecast: p.forecast.mean[step])
                row.fiveYearAverage = average
                row.lastYear = yearBefore(p, step: step)
                row.decimals = p.decimals
                comparisons.append(row)
            }
            if let a = p.alert { alerts.append(a) }
            let monthly = p.history.frequency == .monthly
            var chart = try FanChart(
                series: p.history, forecast: p.forecast, title: p.entry.name.vi, unit: p.unit.vi,
                note: "Nguồn: \(publisher(configuration, p).vi)",
                historyLength: monthly ? 72 : 25)
            chart.decimals = nil
            var caption = p.entry.name
            if p.selection.range != nil {
                caption.vi +=
                    ": thực tế và dự báo; khoảng 80% hiệu chỉnh theo sai số gần đây của mô hình, khoảng 95% của mô hình"
                caption.en +=
                    ": observed and forecast; 80% range calibrated on the model's recent errors, 95% range the model's own"
            } else {
                caption.vi += ": thực tế và dự báo, khoảng 80% và 95%"
                caption.en += ": observed and forecast, 80% and 95% ranges"
            }
            charts.append(Bulletin.Chart(file: p.chartFile, caption: caption, chart: chart))
            skill.append(plainSkillLine(p))
            appendix.append(skillLine(p))
        }
        var sources: [Bilingual] = []
        for key in configuration.datasets.keys.sorted() {
            guard let d = configuration.datasets[key], published.contains(where: { usesDataset($0.entry, key) }) else {
                continue
            }
            // A CSV dataset is cited with its file's name, a store dataset as read from the store.
            let file = d.path.map { URL(fileURLWithPath: $0).lastPathComponent }
            let source = d.source ?? Bilingual(vi: file ?? key, en: file ?? key)
            let from = file.map { Bilingual(vi: $0, en: $0) } ?? Bilingual(vi: "kho dữ liệu", en: "store")
            sources.append(Bilingual(vi: "\(source.vi) (\(from.vi))", en: "\(source.en) (\(from.en))"))
        }
        let technical = Bilingual(
            vi:
                "Năng suất: xu hướng tuyến tính hoặc bậc hai của các năm gần nhất cộng hồi quy theo chỉ số khí hậu nông nghiệp "
                + "(ENSO ONI trung bình trong vụ), chọn theo sai số kiểm định bỏ một năm (LOYO) và so với ETS, như hệ thống JRC MARS "
                + "(hoặc, với năng suất theo tỉnh, theo sai số dự báo lùi từng năm: rolling origin). "
                + "Sản lượng = diện tích × năng suất; độ bất định của hai phần được kết hợp bằng mô phỏng. Giá và diện tích: "
                + "các mô hình chuỗi thời gian được kiểm định lùi (rolling origin), giữ mô hình có sai số nhỏ nhất; với giá "
                + "theo tháng, mô hình theo giá gạo xuất khẩu cũng được so sánh, và khoảng 80% được hiệu chỉnh theo các sai số "
                + "gần đây nhất của mô hình (phương pháp conformal).",
            en:
                "Yield: a linear or quadratic trend of recent years plus a regression on agro-climatic indicators (ENSO ONI "
                + "averaged over the crop window), chosen by leave-one-year-out (LOYO) error and judged against ETS, as in "
                + "JRC MARS (or, for the province's yields, by rolling-origin error). Production = area × yield, the uncertainty of both combined by simulation. Prices and area: "
                + "time-series models compared by rolling-origin backtest, keeping the one with the smallest error; for "
                + "monthly prices the link to the rice export price is compared too, and the 80% range is calibrated on the "
                + "model's most recent errors (split-conformal).")
        let model = Bilingual(
            vi:
                "Năng suất: dự báo theo xu hướng của các năm gần nhất, cộng ảnh hưởng của El Niño và La Niña "
                + "trong vụ khi điều đó giúp dự báo đúng hơn; cách dự báo được chọn theo độ chính xác khi dự báo "
                + "lại từng năm cũ. Sản lượng = diện tích × năng suất; độ bất định của hai phần được kết hợp bằng "
                + "mô phỏng. Giá và diện tích: thử nhiều cách dự báo trên số liệu các kỳ trước và giữ cách có sai "
                + "số nhỏ nhất; với giá theo tháng, cách dự báo theo giá gạo xuất khẩu cũng được so sánh, và "
                + "khoảng 80% được điều chỉnh theo các sai số gần đây nhất. Tên kỹ thuật của các phương pháp và "
                + "sai số của từng cách: xem phụ lục kỹ thuật.",
            en: technical.en)
        var method = Bulletin.Method(model: model, skill: skill, sources: sources, caveats: configuration.caveats)
        method.appendix = [technical] + appendix
        var bulletin = Bulletin(
            header: header, headlines: headlines, comparisons: comparisons, charts: charts, outlooks: outlooks,
            priceAlerts: alerts, method: method)
        bulletin.dataAges =
            published.compactMap { p in p.age.map { DataAgeWording.line(p.entry.name, $0, label: p.label) } }
            + withheld.map(\.reason)
        bulletin.province = province
        addTrackRecord(&bulletin, published: published, records: trackRecord, issueDay: issueDay, level: level)
        bulletin.sellOrStore = published.compactMap { p in
            p.sellOrStore.map {
                Bulletin.SellOrStore(
                    $0, commodity: p.entry.commodity ?? p.entry.name, market: p.entry.market ?? Bilingual(vi: "", en: ""))
            }
        }
        return bulletin
    }

    /// The observed value of the period a year before forecast step `step` (0-based) of `p`, like
    /// with like (the same month, quarter or crop season: `periodsPerYear` periods back); nil when
    /// that period is not observed (it is then an estimate, not a fact).
    static func yearBefore(_ p: PublishedSeries, step: Int) -> Double? {
        let perYear = p.periodsPerYear
        let i = p.history.count + step - perYear
        guard i >= 0, i < p.history.count, p.history.values[i].isFinite else { return nil }
        return p.history.values[i]
    }

    /// The month `months` after the month of `day`.
    static func nextIssue(after day: PeriodDate, months: Int) -> PeriodDate? {
        guard case .day(let y, let m, _) = day else { return nil }
        return PeriodDate.month(year: y, month: m).advanced(by: months)
    }

    /// The publisher of `p`'s data as the configuration cites it (its dataset's `source`), else
    /// the dataset's name: chart footers name who publishes the numbers, not a file.
    static func publisher(_ configuration: PublishConfiguration, _ p: PublishedSeries) -> Bilingual {
        configuration.datasets[p.entry.dataset]?.source ?? Bilingual(vi: p.entry.dataset, en: p.entry.dataset)
    }

    /// The chosen model in plain Vietnamese words ("xu hướng 15 năm cộng ảnh hưởng El Niño").
    static func plainModel(_ name: String, trendYears: Int) -> Bilingual {
        switch name {
        case "trend+climate":
            return Bilingual(
                vi: "xu hướng \(trendYears) năm cộng ảnh hưởng El Niño",
                en: "\(trendYears)-year trend plus the El Niño effect")
        case "trend-linear", "trend-quadratic":
            return Bilingual(vi: "xu hướng \(trendYears) năm", en: "\(trendYears)-year trend")
        case "naive": return Bilingual(vi: "giữ nguyên mức mới nhất", en: "the latest value carried forward")
        case "snaive": return Bilingual(vi: "lặp lại cùng kỳ năm trước", en: "the same period last year repeated")
        case "drift": return Bilingual(vi: "theo đà tăng giảm bình quân", en: "the average change carried forward")
        case "ets":
            return Bilingual(vi: "bình quân có trọng số các kỳ gần đây", en: "a weighted average of recent periods")
        case "theta":
            return Bilingual(
                vi: "xu hướng dài hạn kết hợp mức gần đây", en: "the long-run trend joined to the recent level")
        case "arima":
            return Bilingual(vi: "theo quan hệ giữa các kỳ liên tiếp", en: "the link between successive periods")
        case "arima-x":
            return Bilingual(vi: "theo giá gạo xuất khẩu tháng trước", en: "the rice export price of the month before")
        default: return Bilingual(vi: "mô hình thống kê", en: "a statistical model")
        }
    }

    /// One sentence per series in plain words: how it is forecast and its average error when past
    /// periods are forecast again ("sai số trung bình khi dự báo lại các năm cũ: 2,1%"); the
    /// technical names, every candidate's scores and why a price has no export-price link are in
    /// the appendix (`skillLine`).
    static func plainSkillLine(_ p: PublishedSeries) -> Bilingual {
        let monthly = p.history.frequency == .monthly
        let past =
            monthly ? Bilingual(vi: "các tháng cũ", en: "past months") : Bilingual(vi: "các năm cũ", en: "past years")
        func error(_ s: ModelSelection?) -> Bilingual {
            guard let c = s?.chosen else { return Bilingual(vi: "–", en: "–") }
            if let m = c.mape, m.isFinite {
                return Bilingual(
                    vi: NumberText.format(m, decimals: 1, language: .vi) + "%",
                    en: NumberText.format(m, decimals: 1, language: .en) + "%")
            }
            let d = p.decimals + 1
            return Bilingual(
                vi: NumberText.format(c.rmse ?? .nan, decimals: d, language: .vi) + " \(p.unit.vi)",
                en: NumberText.format(c.rmse ?? .nan, decimals: d, language: .en) + " \(p.unit.en)")
        }
        let name = p.entry.name
        let years = p.entry.trendYears ?? 15
        switch p.entry.kind {
        case .production:
            let area = plainModel(p.areaSelection?.chosen?.name ?? "", trendYears: years)
            let e = error(p.areaSelection)
            return Bilingual(
                vi: "\(name.vi): diện tích (dự báo \(area.vi)) nhân năng suất; sai số trung bình của diện tích khi dự "
                    + "báo lại \(past.vi): \(e.vi). Năng suất: xem trên.",
                en: "\(name.en): area (\(area.en)) times yield; the area's average error when \(past.en) are "
                    + "forecast again: \(e.en). Yield: see above.")
        case .yield, .series, .price:
            let model = plainModel(p.selection.chosen?.name ?? p.forecast.model.name, trendYears: years)
            let e = error(p.selection)
            var line = Bilingual(
                vi: "\(name.vi): dự báo theo \(model.vi); sai số trung bình khi dự báo lại \(past.vi): \(e.vi).",
                en: "\(name.en): forecast from \(model.en); average error when \(past.en) are forecast again: \(e.en).")
            if p.entry.kind == .yield, p.selection.method == "rolling-origin" {
                // Each past year forecast from the years before it only: a forecaster's skill.
                line = Bilingual(
                    vi: "\(name.vi): dự báo theo \(model.vi); sai số trung bình khi dự báo từng năm cũ chỉ từ số liệu "
                        + "các năm trước nó (\(p.selection.span)): \(e.vi).",
                    en: "\(name.en): forecast from \(model.en); average error when each past year "
                        + "(\(p.selection.span)) is forecast from the years before it only: \(e.en).")
            }
            if let r = p.selection.range {
                line.vi += " " + rangeSentence(r, .vi)
                line.en += " " + rangeSentence(r, .en)
            }
            return line
        }
    }

    static func usesDataset(_ e: PublishConfiguration.Entry, _ key: String) -> Bool {
        e.dataset == key || e.area?.dataset == key || (e.indicators ?? []).contains { $0.dataset == key }
    }

    /// One sentence per series: the model kept and its error, then the other candidates, and for
    /// a monthly price why the export-price link is not among them when it is not.
    static func skillLine(_ p: PublishedSeries) -> Bilingual {
        var line = scoresLine(p)
        if let note = p.selection.exportLinkNote {
            line.vi += " Không so sánh mô hình theo giá xuất khẩu: \(note.vi)."
            line.en += " The export-price link is not among the candidates: \(note.en)."
        }
        return line
    }

    /// The model kept and its error, then the other candidates.
    private static func scoresLine(_ p: PublishedSeries) -> Bilingual {
        func n(_ v: Double?, _ d: Int, _ l: Language) -> String {
            v.map { NumberText.format($0, decimals: d, language: l) } ?? "–"
        }
        func scores(_ s: ModelSelection, _ l: Language, decimals: Int) -> String {
            s.candidates.map { c in
                "\(c.name)\(c.chosen ? "*" : ""): RMSE \(n(c.rmse, decimals, l)), MAPE \(n(c.mape, 1, l))%"
                    + (c.coverage80.map {
                        l == .vi ? ", trong khoảng 80%: \(n($0, 0, l))%" : ", inside 80% range: \(n($0, 0, l))%"
                    } ?? "")
            }.joined(separator: "; ")
        }
        let d = p.decimals + 1
        let name = p.entry.name
        switch p.entry.kind {
        case .yield:
            let s = p.selection
            return Bilingual(
                vi:
                    "\(name.vi): mô hình \(p.forecast.model.name). Sai số kiểm định bỏ một năm (LOYO) \(s.span), \(p.unit.vi): "
                    + scores(s, .vi, decimals: d) + " (* = được chọn).",
                en:
                    "\(name.en): model \(p.forecast.model.name). Leave-one-year-out (LOYO) error \(s.span), \(p.unit.en): "
                    + scores(s, .en, decimals: d) + " (* = chosen).")
        case .production:
            let area = p.areaSelection.map { scores($0, .vi, decimals: 0) } ?? "–"
            let areaEn = p.areaSelection.map { scores($0, .en, decimals: 0) } ?? "–"
            return Bilingual(
                vi:
                    "\(name.vi): diện tích × năng suất. Diện tích: kiểm định lùi (\(p.areaSelection?.span ?? "–")), ha: \(area). "
                    + "Năng suất: xem trên.",
                en:
                    "\(name.en): area × yield. Area: rolling-origin backtest (\(p.areaSelection?.span ?? "–")), ha: \(areaEn). "
                    + "Yield: see above.")
        case .series, .price:
            let s = p.selection
            guard let r = s.range else {
                return Bilingual(
                    vi: "\(name.vi): mô hình \(p.forecast.model.name). Kiểm định lùi \(s.span) bước, \(p.unit.vi): "
                        + scores(s, .vi, decimals: p.decimals) + " (* = được chọn).",
                    en:
                        "\(name.en): model \(p.forecast.model.name). Rolling-origin backtest \(s.span) steps, \(p.unit.en): "
                        + scores(s, .en, decimals: p.decimals) + " (* = chosen).")
            }
            return Bilingual(
                vi: "\(name.vi): mô hình \(p.forecast.model.name). Kiểm định lùi từ \(r.origins) điểm xuất phát, "
                    + "dự báo \(r.months) tháng, \(p.unit.vi): "
                    + scores(s, .vi, decimals: p.decimals) + " (* = được chọn). " + rangeSentence(r, .vi),
                en: "\(name.en): model \(p.forecast.model.name). Rolling-origin backtest from \(r.origins) origins, "
                    + "\(r.months) months ahead, \(p.unit.en): "
                    + scores(s, .en, decimals: p.decimals) + " (* = chosen). " + rangeSentence(r, .en))
        }
    }

    /// How often the calibrated range held the price in the backtest, against the aim of `level`
    /// in 100 (80%: 8 times in 10) and the model's own interval.
    static func rangeSentence(_ r: ModelSelection.CalibratedRange, _ l: Language) -> String {
        func pct(_ x: Double?) -> String {
            x.map { NumberText.format($0 * 100, decimals: 0, language: l) + "%" } ?? "–"
        }
        let aim =
            r.level % 10 == 0
            ? (l == .vi ? "\(r.level / 10) trong 10 lần" : "\(r.level / 10) times in 10")
            : "\(r.level)%"
        if l == .vi {
            return
                "Khoảng \(r.level)% được hiệu chỉnh theo \(r.calibrationOrigins) sai số gần nhất của mô hình ở mỗi tháng dự báo; "
                + "kiểm tra trên giá các năm trước, khoảng như vậy chứa đúng giá thực tế \(r.held)/\(r.cases) lần "
                + "(\(pct(r.coverage)); mục tiêu \(aim); khoảng \(r.level)% gốc của mô hình: \(pct(r.modelCoverage)))."
        }
        return
            "The \(r.level)% range is calibrated on the model's \(r.calibrationOrigins) most recent errors at each month ahead; "
            + "in backtests on past prices such ranges held the actual price \(r.held) times in \(r.cases) "
            + "(\(pct(r.coverage)); the aim is \(aim); the model's own \(r.level)% interval: \(pct(r.modelCoverage)))."
    }
}
