import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

extension BulletinAssembly {
    /// Puts the bulletin's memory in: for each published series, the change of its headline number
    /// (the forecast at `issueStep`) since the previous issue in `records` (`IssueChange.since`),
    /// and its track record by horizon and origin beside the backtest coverage it claims at `level`
    /// (`TrackRecordClaims`), with a chart of its past forecasts one period ahead. `records` are
    /// the forecasts of record of earlier issues as known on `issueDay` (`Publisher.known`).
    static func addTrackRecord(
        _ bulletin: inout Bulletin, published: [PublishedSeries], records: [CheckedRecord], issueDay: PeriodDate,
        level: Int
    ) {
        guard !records.isEmpty else { return }
        var changes: [Bulletin.ChangeRow] = []
        var rows: [Bulletin.TrackRecordRow] = []
        var charts: [Bulletin.TrackRecordChart] = []
        var notes: [Bilingual] = []
        var farther = false
        for p in published {
            let step = min(p.issueStep, p.forecast.horizon) - 1
            if let target = p.history.date(at: p.history.count + step),
                let change = IssueChange.since(
                    records, series: p.entry.series, target: target, current: p.forecast.mean[step],
                    unit: p.history.unit ?? "", issueDay: issueDay, fitted: p.fitted)
            {
                changes.append(
                    .init(
                        item: p.entry.name, period: Bilingual(vi: p.label(target, .vi), en: p.label(target, .en)),
                        unit: p.unit, decimals: p.decimals, change: change))
            }
            let claim = TrackRecordClaims.claim(p.selection, level: level)
            let lines = TrackRecordClaims.lines(records, series: p.entry.series, level: level, claim: claim)
            guard !lines.isEmpty else { continue }
            let scored = lines.filter { $0.summary.checked > 0 }
            // A reader's table: the nearest steps only (3 months, 2 years or seasons); `muavu verify`
            // and the track-record notebook give every horizon.
            let nearest = p.periodsPerYear >= 12 ? 3 : 2
            rows += scored.filter { $0.summary.horizon <= nearest }.map { .init(item: p.entry.name, line: $0) }
            if scored.contains(where: { $0.summary.horizon > nearest }), !farther {
                farther = true
                notes.append(
                    Bilingual(
                        vi: "Bảng chỉ ghi các bước gần (3 tháng, 2 năm hoặc 2 vụ); các bước xa hơn có trong lệnh "
                            + "muavu verify.",
                        en: "The table shows the nearest steps only (3 months, 2 years or 2 seasons); muavu verify "
                            + "gives the farther ones."))
            }
            let name = p.entry.name
            if scored.isEmpty {
                notes.append(
                    Bilingual(
                        vi: "\(name.vi): đã lưu \(lines.map(\.summary.records).reduce(0, +)) dự báo, chưa kỳ nào có số "
                            + "liệu thực tế để so.",
                        en: "\(name.en): \(lines.map(\.summary.records).reduce(0, +)) forecasts recorded, none of "
                            + "their periods observed yet."))
            } else if let claim {
                notes.append(
                    Bilingual(
                        vi: "\(name.vi): kiểm định công bố là \(claim.backtest.vi), mọi bước gộp lại.",
                        en: "\(name.en): the backtest claimed is the \(claim.backtest.en), all horizons pooled."))
            } else {
                notes.append(
                    Bilingual(
                        vi: "\(name.vi): bản tin không công bố tỷ lệ khoảng dự báo chứa giá trị thực khi kiểm định "
                            + "(mô hình được chọn theo sai số), nên không có gì để so.",
                        en: "\(name.en): the bulletin claims no backtest coverage for it (its model is chosen by "
                            + "error alone), so there is nothing to compare with."))
            }
            if let chart = trackRecordChart(p, records, level: level) { charts.append(chart) }
        }
        bulletin.changes = changes
        if !rows.isEmpty || !notes.isEmpty {
            bulletin.trackRecord = Bulletin.TrackRecordSection(rows: rows, charts: charts, notes: notes)
        }
    }

    /// The past forecasts of `p`'s series one period ahead (horizon 1) whose period is observed, the
    /// issued ones (else the replayed ones), the latest issue's for each period: point and range at
    /// `level` against what happened. Nil when there is none.
    static func trackRecordChart(_ p: PublishedSeries, _ records: [CheckedRecord], level: Int)
        -> Bulletin.TrackRecordChart?
    {
        let scored = records.filter { $0.record.series == p.entry.series && $0.record.horizon == 1 && $0.check != nil }
        let issued = scored.filter { $0.record.origin == .issued }
        let shown = issued.isEmpty ? scored : issued
        guard let origin = shown.first?.record.origin else { return nil }
        var latest: [PeriodDate: CheckedRecord] = [:]
        for c in shown where (latest[c.record.target]?.record.issueDay ?? c.record.issueDay) <= c.record.issueDay {
            latest[c.record.target] = c
        }
        let targets = latest.keys.sorted()
        let kept = targets.compactMap { latest[$0] }
        func chart(_ l: Language) -> LineChart {
            let names =
                l == .vi
                ? ["Thực tế", "Dự báo", "Cận dưới \(level)%", "Cận trên \(level)%"]
                : ["Observed", "Forecast", "\(level)% lower", "\(level)% upper"]
            return LineChart(
                title: l == .vi ? p.entry.name.vi : p.entry.name.en, unit: l == .vi ? p.unit.vi : p.unit.en,
                labels: targets.map { NumberText.date($0, language: l) },
                lines: [
                    .init(name: names[0], color: "#1f1f1f", values: kept.map { $0.check?.actual ?? .nan }),
                    .init(name: names[1], color: "#08519c", values: kept.map(\.record.point), dashed: true),
                    .init(
                        name: names[2], color: "#9ecae1",
                        values: kept.map { $0.record.interval(level: level)?.lower ?? .nan }, dashed: true),
                    .init(
                        name: names[3], color: "#9ecae1",
                        values: kept.map { $0.record.interval(level: level)?.upper ?? .nan }, dashed: true),
                ])
        }
        let kind = Bulletin.origins[origin] ?? Bilingual(vi: origin.rawValue, en: origin.rawValue)
        return Bulletin.TrackRecordChart(
            file: "charts/track-record-\(p.entry.id).svg",
            caption: Bilingual(
                vi: "\(p.entry.name.vi): dự báo một kỳ trước (\(kind.vi)) và khoảng \(level)%, so với thực tế "
                    + "(\(kept.count) kỳ)",
                en: "\(p.entry.name.en): forecasts one period ahead (\(kind.en)) and their \(level)% range, against "
                    + "what happened (\(kept.count) periods)"),
            vi: chart(.vi), en: chart(.en))
    }
}
