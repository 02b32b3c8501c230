import AgriData
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

/// `track-record.md`: the replayed forecasts of record (`datasets/track-record/replayed-records.csv`,
/// made by `make replay`) scored against the bundled data, beside a backtest of the same series,
/// horizons and target periods.
///
/// The track record counts what the forecasts told would have been: each made on its issue day
/// from the data known then (release lags), by the model chosen then, with its calibrated
/// intervals. The backtest fits the series' most used model (a fixed registry model) on the
/// final data up to each target's origin, as a backtest claims coverage. Both coverages carry 95%
/// Wilson intervals; where they do not overlap, the notebook says so (docs/design/track-record.md).
enum TrackRecordNotebook {
    /// The bundled files the replayed series are checked against.
    static let files = [
        "wb-pinksheet-monthly.csv", "wfp-rice-wholesale.csv", "faostat-vnm-crops.csv", "faostat-producer-prices.csv",
        "paddy-price-monthly.csv",
    ]
    static let recordsFile = "track-record/replayed-records.csv"

    /// The largest horizon shown: monthly series 3 months ahead, yearly 2 years.
    static func maximumHorizon(_ target: PeriodDate) -> Int {
        if case .month = target { return 3 }
        return 2
    }

    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        let path = URL(fileURLWithPath: options.datasets).appendingPathComponent(recordsFile).path
        guard let raw = FileManager.default.contents(atPath: path) else {
            throw DataError(.fileNotFound, file: "datasets/" + recordsFile, "cannot read the replayed record (make replay)")
        }
        let records = try ForecastRecordsCSV.read(data: raw, file: "datasets/" + recordsFile)
        let wanted = Set(records.map(\.series))
        var actuals: [String: TimeSeries] = [:]
        for file in files {
            // Gaps filled to keep each month in its place, then set back to missing: only reported values count.
            let table = try ReportData.read(options, file, onMissing: .interpolate)
            for id in wanted where actuals[id] == nil {
                if let s = table.series(named: id), s.start != nil {
                    actuals[id] = try ReportData.observedOnly(s, in: table)
                }
            }
        }
        let checked = records.filter { $0.horizon <= maximumHorizon($0.target) }.map { r in
            CheckedRecord(record: r, check: actual(of: r, in: actuals[r.series]).map {
                RecordCheck(release: .latest, actual: $0, vintage: Date(timeIntervalSince1970: 0))
            })
        }
        let summaries = TrackRecord.summaries(checked).filter { $0.checked > 0 }

        var page = NotebookPage(title: "Track record: the replayed forecasts of record against what happened")
        let issues = Set(records.map(\.issueDay)).sorted()
        page.blocks = [
            .heading(1, "Track record: the replayed forecasts of record against what happened"),
            .paragraph(
                """
                \(records.count) forecasts of record replayed by \(code: "make replay") (\(code: "muavu replay") of \
                \(code: "models/dong-thap.json")) on \(issues.count) issue days, \
                \(issues.first?.description ?? "") to \(issues.last?.description ?? ""): each series read as it \
                would have been known that day (the store's vintages, else the period's end plus its source's \
                release lag), forecast by the model chosen that day, with its calibrated intervals. A series is \
                recorded again only when its data changed. Scored here against the bundled files (the newest \
                release of each value); horizons to \(3) months and \(2) years.
                """),
            .paragraph(
                """
                Beside it, a backtest: the series' most used model, fixed, fitted on the final data up to each \
                scored target's origin and forecast to the same target at the same horizon. Both coverages with \
                95% Wilson intervals (Wilson 1927). Replayed forecasts use values revised since, so they flatter \
                the record a little; they are never pooled with forecasts actually issued.
                """),
        ]
        var table = MarkdownTable(header: [
            "series", "h", "issues", "scored", "MAPE (%)", "80% range held (record)", "its 95% interval",
            "95% range held (record)", "model (backtest)", "80% interval held (backtest)", "its 95% interval", "agree?",
        ])
        var disagreements: [String] = []
        for s in summaries {
            let record80 = s.levels.first { $0.level == 80 }?.held
            let record95 = s.levels.first { $0.level == 95 }?.held
            let scored = checked.filter {
                $0.record.series == s.series && $0.record.horizon == s.horizon && $0.check != nil
            }
            let backtest = try backtestCoverage(
                scored, series: actuals[s.series], models: options.trackRecordBacktestModels)
            let agree: String
            if let r = record80, let b = backtest?.held80 {
                let overlap = r.lower <= b.upper && b.lower <= r.upper
                agree = overlap ? "yes" : "no"
                if !overlap {
                    disagreements.append(
                        "\(s.series) at horizon \(s.horizon): the record held \(r.hits) of \(r.cases), the backtest "
                            + "\(b.hits) of \(b.cases)")
                }
            } else {
                agree = "–"
            }
            table.append([
                s.series, "\(s.horizon)", "\(s.issues)", "\(s.checked)", ReportData.number(s.mape, 1),
                share(record80), wilson(record80), share(record95), backtest?.model ?? "–", share(backtest?.held80),
                wilson(backtest?.held80), agree,
            ])
        }
        page.blocks.append(.table(table.table))
        // Where the record's 80% ranges held the actual clearly less (or more) often than 80%.
        let off = summaries.compactMap { s -> String? in
            guard let r = s.levels.first(where: { $0.level == 80 })?.held, r.cases >= 5, r.upper < 0.8 || r.lower > 0.8
            else { return nil }
            return "\(s.series) at horizon \(s.horizon) (\(r.hits) of \(r.cases), "
                + (r.upper < 0.8 ? "too narrow" : "too wide") + ")"
        }
        page.blocks.append(
            .paragraph(
                Inlines(
                    off.isEmpty
                        ? "For every series and horizon with at least 5 scored forecasts, 80% lies inside the 95% interval "
                            + "of the record's 80% coverage."
                        : "The record's 80% ranges missed their level beyond chance (its 95% interval excludes 80%) for: "
                            + off.joined(separator: "; ") + ".")))
        page.blocks.append(
            .paragraph(
                Inlines(
                    disagreements.isEmpty
                        ? "Where both exist, the record's and the backtest's 80% coverages agree (their 95% intervals "
                            + "overlap)."
                        : "The record and the backtest disagree (95% intervals that do not overlap) for: "
                            + disagreements.joined(separator: "; ") + ".")))
        page.blocks.append(
            .paragraph(
                """
                Yields and productions (\(code: "crop-yield"), \(code: "production")) have no fixed registry model \
                to backtest like for like: their line shows the record alone. A coverage far below 80% says the \
                intervals told were too narrow; far above, too wide.
                """))

        // Past forecasts one period ahead against what happened, for each monthly series.
        for s in summaries where s.horizon == 1 {
            let scored = checked.filter { $0.record.series == s.series && $0.record.horizon == 1 && $0.check != nil }
                .sorted { $0.record.target < $1.record.target }
            guard scored.count >= 6, case .month = scored[0].record.target else { continue }
            let chart = page.chart(
                "charts/track-record/\(s.series).svg",
                LineChart(
                    title: "\(s.series): forecast one month ahead (80% range) and what happened",
                    unit: scored[0].record.unit, labels: scored.map { $0.record.target.description },
                    lines: [
                        .init(name: "actual", color: "#222222", values: scored.map { $0.check?.actual ?? .nan }),
                        .init(name: "forecast", color: "#1f5fa8", values: scored.map(\.record.point)),
                        .init(
                            name: "80% low", color: "#9bbbe0",
                            values: scored.map { $0.record.interval(level: 80)?.lower ?? .nan }, dashed: true),
                        .init(
                            name: "80% high", color: "#9bbbe0",
                            values: scored.map { $0.record.interval(level: 80)?.upper ?? .nan }, dashed: true),
                    ]
                ).svg())
            page.blocks.append(.heading(2, "\(s.series), one month ahead"))
            page.blocks.append(.paragraph("\(image: "\(s.series) track record", path: chart.path, svg: chart.svg)"))
        }
        return page
    }

    /// The value of `series` at the record's target, converted to the record's unit; nil when the
    /// series does not observe it or its unit does not convert.
    static func actual(of record: ForecastRecord, in series: TimeSeries?) -> Double? {
        guard let series, let start = series.start, start.impliedFrequency == record.target.impliedFrequency else {
            return nil
        }
        let i = record.target.ordinal - start.ordinal
        guard i >= 0, i < series.count, series.values[i].isFinite else { return nil }
        let unit = series.unit ?? ""
        guard
            let factor = unit == record.unit
                ? 1 : try? UnitOfMeasure(unit).factor(to: UnitOfMeasure(record.unit))
        else { return nil }
        return series.values[i] * factor
    }

    struct Backtest {
        var model: String
        var held80: TrackRecord.Share
    }

    /// The backtest of the scored records' targets: the most used registry family, fitted on
    /// `series` up to h periods before each target and forecast h steps.
    static func backtestCoverage(_ scored: [CheckedRecord], series: TimeSeries?, models: Set<String>?) throws
        -> Backtest?
    {
        guard let series, let start = series.start, let first = scored.first else { return nil }
        let counts = Dictionary(grouping: scored, by: \.record.family).mapValues(\.count)
        guard
            let family = counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first?.key,
            models?.contains(family) ?? true,
            let forecaster = try? ForecasterRegistry.forecaster(named: family)
        else { return nil }
        let h = first.record.horizon
        var hits = 0
        var cases = 0
        for c in scored {
            let target = c.record.target.ordinal - start.ordinal
            let origin = target - h + 1
            let past = Array(series.values[0..<max(0, min(origin, series.count))])
            let end = past.lastIndex(where: { !$0.isFinite }).map { $0 + 1 } ?? 0
            // The run of observed values that ends at the origin: no model here takes gaps.
            let run = Array(past[end...])
            guard run.count >= 2 * max(series.period, 4), target < series.count, series.values[target].isFinite,
                let f = try? forecaster.forecast(run, period: series.period, horizon: h, levels: [80]),
                let interval = f.interval(level: 80)
            else { continue }
            cases += 1
            let y = series.values[target]
            if y >= interval.lower[h - 1] && y <= interval.upper[h - 1] { hits += 1 }
        }
        guard cases > 0 else { return nil }
        return Backtest(model: family, held80: TrackRecord.Share(hits: hits, cases: cases))
    }

    static func share(_ s: TrackRecord.Share?) -> String {
        guard let s, s.cases > 0 else { return "–" }
        return "\(s.hits)/\(s.cases) (\(ReportData.number(100 * s.value, 0))%)"
    }

    static func wilson(_ s: TrackRecord.Share?) -> String {
        guard let s, s.cases > 0 else { return "–" }
        return "\(ReportData.number(100 * s.lower, 0))–\(ReportData.number(100 * s.upper, 0))%"
    }
}
