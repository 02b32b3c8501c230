import Forecasting
import Foundation

/// Puts the published series into a `Bulletin`: headlines with odds and the 5-year average for
/// the yearly series, the comparison table, one fan chart per series, the price outlook and
/// alerts for monthly prices, and the method-and-skill box with every model's backtest or
/// leave-one-year-out error.
enum BulletinAssembly {
    static func bulletin(_ configuration: PublishConfiguration, published: [PublishedSeries], issueDay: PeriodDate,
                         level: Int) throws -> Bulletin {
        let header = Bulletin.Header(issuer: configuration.issuer ?? .departmentOfAgricultureDongThap, title: configuration.title,
                                     coverage: configuration.coverage, issued: issueDay,
                                     nextIssue: configuration.nextIssueMonths.flatMap { nextIssue(after: issueDay, months: $0) })
        var headlines: [Bilingual] = []
        var comparisons: [Bulletin.Comparison] = []
        var charts: [Bulletin.Chart] = []
        var outlooks: [Bilingual] = []
        var alerts: [Bulletin.PriceAlert] = []
        var skill: [Bilingual] = []
        for p in published {
            let observed = p.history.values.filter(\.isFinite)
            let average = Headline.average(ofLast: 5, observed)
            if let outlook = p.outlook {
                outlooks.append(outlook.text)
            } else {
                let target = p.history.date(at: p.history.count).map { NumberText.date($0, language: .vi) } ?? ""
                let subject = Bilingual(vi: "\(p.entry.name.vi) \(target)", en: "\(p.entry.name.en) \(target)")
                headlines.append(try Headline.forecast(subject: subject, forecast: p.forecast, step: 0, level: level, unit: p.unit,
                                                       decimals: p.decimals, average: average))
                comparisons.append(Bulletin.Comparison(item: p.entry.name, unit: p.unit, forecast: p.forecast.mean[0],
                                                       fiveYearAverage: average, lastYear: observed.last, decimals: p.decimals))
            }
            if let a = p.alert { alerts.append(a) }
            let monthly = p.history.frequency == .monthly
            var chart = try FanChart(series: p.history, forecast: p.forecast, title: p.entry.name.vi, unit: p.unit.vi,
                                     note: "Mô hình: \(p.forecast.model.name) · Số liệu: \(p.datasetFile)",
                                     historyLength: monthly ? 72 : 25)
            chart.decimals = nil
            var caption = p.entry.name
            caption.vi += ": thực tế và dự báo, khoảng 80% và 95%"
            caption.en += ": observed and forecast, 80% and 95% ranges"
            charts.append(Bulletin.Chart(file: p.chartFile, caption: caption, chart: chart))
            skill.append(skillLine(p))
        }
        var sources: [Bilingual] = []
        for key in configuration.datasets.keys.sorted() {
            guard let d = configuration.datasets[key], published.contains(where: { usesDataset($0.entry, key) }) else { continue }
            let source = d.source ?? Bilingual(vi: d.path, en: d.path)
            let file = URL(fileURLWithPath: d.path).lastPathComponent
            sources.append(Bilingual(vi: "\(source.vi) (\(file))", en: "\(source.en) (\(file))"))
        }
        let model = Bilingual(
            vi: "Năng suất: xu hướng tuyến tính hoặc bậc hai của các năm gần nhất cộng hồi quy theo chỉ số khí hậu nông nghiệp "
                + "(ENSO ONI trung bình trong vụ), chọn theo sai số bỏ-một-năm (LOYO) và so với ETS, như hệ thống JRC MARS. "
                + "Sản lượng = diện tích × năng suất; độ bất định của hai phần được kết hợp bằng mô phỏng. Giá và diện tích: "
                + "các mô hình chuỗi thời gian được kiểm định lùi (rolling origin), giữ mô hình có sai số nhỏ nhất.",
            en: "Yield: a linear or quadratic trend of recent years plus a regression on agro-climatic indicators (ENSO ONI "
                + "averaged over the crop window), chosen by leave-one-year-out (LOYO) error and judged against ETS, as in "
                + "JRC MARS. Production = area × yield, the uncertainty of both combined by simulation. Prices and area: "
                + "time-series models compared by rolling-origin backtest, keeping the one with the smallest error.")
        let method = Bulletin.Method(model: model, skill: skill, sources: sources, caveats: configuration.caveats)
        return Bulletin(header: header, headlines: headlines, comparisons: comparisons, charts: charts, outlooks: outlooks,
                        priceAlerts: alerts, method: method)
    }

    /// The month `months` after the month of `day`.
    static func nextIssue(after day: PeriodDate, months: Int) -> PeriodDate? {
        guard case .day(let y, let m, _) = day else { return nil }
        return PeriodDate.month(year: y, month: m).advanced(by: months)
    }

    static func usesDataset(_ e: PublishConfiguration.Entry, _ key: String) -> Bool {
        e.dataset == key || e.area?.dataset == key || (e.indicators ?? []).contains { $0.dataset == key }
    }

    /// One sentence per series: the model kept and its error, then the other candidates.
    static func skillLine(_ p: PublishedSeries) -> Bilingual {
        func n(_ v: Double?, _ d: Int, _ l: Language) -> String {
            v.map { NumberText.format($0, decimals: d, language: l) } ?? "–"
        }
        func scores(_ s: ModelSelection, _ l: Language, decimals: Int) -> String {
            s.candidates.map { c in
                "\(c.name)\(c.chosen ? "*" : ""): RMSE \(n(c.rmse, decimals, l)), MAPE \(n(c.mape, 1, l))%"
                    + (c.coverage80.map { l == .vi ? ", trong khoảng 80%: \(n($0, 0, l))%" : ", inside 80% range: \(n($0, 0, l))%" } ?? "")
            }.joined(separator: "; ")
        }
        let d = p.decimals + 1
        let name = p.entry.name
        switch p.entry.kind {
        case .yield:
            let s = p.selection
            return Bilingual(
                vi: "\(name.vi): mô hình \(p.forecast.model.name). Sai số bỏ-một-năm (LOYO) \(s.span), \(p.unit.vi): "
                    + scores(s, .vi, decimals: d) + " (* = được chọn).",
                en: "\(name.en): model \(p.forecast.model.name). Leave-one-year-out (LOYO) error \(s.span), \(p.unit.en): "
                    + scores(s, .en, decimals: d) + " (* = chosen).")
        case .production:
            let area = p.areaSelection.map { scores($0, .vi, decimals: 0) } ?? "–"
            let areaEn = p.areaSelection.map { scores($0, .en, decimals: 0) } ?? "–"
            return Bilingual(
                vi: "\(name.vi): diện tích × năng suất. Diện tích: kiểm định lùi (\(p.areaSelection?.span ?? "–")), ha: \(area). "
                    + "Năng suất: xem trên.",
                en: "\(name.en): area × yield. Area: rolling-origin backtest (\(p.areaSelection?.span ?? "–")), ha: \(areaEn). "
                    + "Yield: see above.")
        case .series, .price:
            let s = p.selection
            return Bilingual(
                vi: "\(name.vi): mô hình \(p.forecast.model.name). Kiểm định lùi \(s.span) bước, \(p.unit.vi): "
                    + scores(s, .vi, decimals: p.decimals) + " (* = được chọn).",
                en: "\(name.en): model \(p.forecast.model.name). Rolling-origin backtest \(s.span) steps, \(p.unit.en): "
                    + scores(s, .en, decimals: p.decimals) + " (* = chosen).")
        }
    }
}
