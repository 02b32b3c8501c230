import Agronomy
import TimeSeriesCore

extension OutlookDocument {
    /// The date of the `i`th month of the series (past its end: the forecast's months).
    func date(_ i: Int) -> JSONTree { .of(series.date(at: i)?.description) }

    /// `to / from − 1`, rounded to six decimals; null without a positive `from`.
    static func change(_ from: Double?, _ to: Double) -> JSONTree {
        guard let from, from > 0, to.isFinite else { return .null }
        return .number(((to / from - 1) * 1e6).rounded() / 1e6)
    }

    /// Each coming month: the expected price, its range, and the changes from the latest price and
    /// from the same month a year before.
    func months(latest: Double) -> [JSONTree] {
        let y = series.values
        let modelInterval = study.forecast.interval(level: study.options.level)
        return (1...study.forecast.horizon).map { h in
            let i = y.count + h - 1
            let mean = study.forecast.mean[h - 1]
            let range = h <= study.ranges.count ? study.ranges[h - 1] : nil
            let yearAgoIndex = i - 12
            let yearAgo: Double? =
                yearAgoIndex >= 0 && yearAgoIndex < y.count && y[yearAgoIndex].isFinite ? y[yearAgoIndex] : nil
            var lastYear: [String: JSONTree] = [
                "date": date(yearAgoIndex), "price": .of(yearAgo), "change": Self.change(yearAgo, mean),
            ]
            if yearAgo == nil { lastYear["note"] = .string("no price reported for that month") }
            var m: [String: JSONTree] = [
                "date": date(i), "step": .integer(h), "expected": .of(mean),
                "lower": .of(range?.lower ?? modelInterval?.lower[h - 1]),
                "upper": .of(range?.upper ?? modelInterval?.upper[h - 1]),
                "range": .string(range == nil ? "model" : "calibrated"),
                "model_lower": .of(modelInterval?.lower[h - 1]), "model_upper": .of(modelInterval?.upper[h - 1]),
                "calibration_errors": .integer(range?.calibration ?? 0),
                "change_from_latest": Self.change(latest, mean),
                "same_month_last_year": .object(lastYear),
            ]
            if range == nil {
                m["note"] = .string("too few past errors to calibrate the range; the model's own interval is shown")
            }
            return .object(m)
        }
    }

    static func status(_ s: AlertStatus) -> String {
        switch s {
        case .current: "current"
        case .stale: "stale"
        case .future: "future"
        case .notComputable: "not-computable"
        }
    }

    /// One alert entry: the class and its meaning, or why there is none.
    static func entry(_ a: Alert) -> JSONTree {
        var o: [String: JSONTree] = [
            "method": .string(a.method), "status": .string(a.status.map(status) ?? "not-computable"),
            "latest": .of(a.latest?.description), "value": .of(a.value), "class": .of(a.class), "name": .of(a.name),
            "meaning": .of(a.meaning),
        ]
        if let failure = a.failure {
            o["note"] = .string(failure)
        } else if a.class == nil, let status = a.status {
            o["note"] = .string("no class is published: \(Self.status(status))")
        }
        return .object(o)
    }

    /// The chosen model, why, and the rolling-origin comparison of the candidates.
    var model: JSONTree {
        let candidates: [JSONTree] = study.scores.map { s in
            var o: [String: JSONTree] = [
                "name": .string(s.name), "kind": .string(s.kind), "rmse": .of(s.rmse),
                "mape": .of(s.mape), "cases": .integer(s.cases), "chosen": .bool(s.chosen),
            ]
            if let note = s.note { o["note"] = .string(note) }
            return .object(o)
        }
        let origins = study.selectionOrigins
        var selection: [String: JSONTree] = [
            "method": .string("rolling-origin"), "criterion": .string("rmse"),
            "origins": .integer(origins.count), "steps": .integer(study.options.months),
            "first_origin": origins.first.map { date($0) } ?? .null,
            "last_origin": origins.last.map { date($0) } ?? .null,
            "candidates": .array(candidates),
        ]
        if let exportLinkNote { selection["export_link_note"] = .string(exportLinkNote) }
        return .object([
            "name": .string(study.forecast.model.name), "family": .string(study.forecast.model.family),
            "candidate": .of(study.chosen?.name), "kind": .of(study.chosen?.kind),
            "why": .of(why), "selection": .object(selection),
        ])
    }

    /// How the range is calibrated, and its rolling-origin backtest.
    var range: JSONTree {
        let c = study.coverage
        let byStep: [JSONTree] = c.byStep.enumerated().map { k, s in
            .object([
                "step": .integer(k + 1), "cases": .integer(s.cases), "held": .integer(s.hits),
                "coverage": s.cases > 0 ? .number(Double(s.hits) / Double(s.cases)) : .null,
            ])
        }
        var backtest: [String: JSONTree] = [
            "method": .string("rolling-origin"), "cases": .integer(c.cases), "held": .integer(c.hits),
            "coverage": .of(c.rate), "model_interval_coverage": .of(c.modelRate),
            "first_origin": c.firstOrigin.map { date($0) } ?? .null,
            "last_origin": c.lastOrigin.map { date($0) } ?? .null,
            "by_step": .array(byStep),
            "mean_relative_width": .of(c.meanRelativeWidth), "model_mean_relative_width": .of(c.modelMeanRelativeWidth),
        ]
        if c.cases == 0 { backtest["note"] = .string("no past origin had enough errors to calibrate a range") }
        return .object([
            "level": .integer(study.options.level), "method": .string("split-conformal"),
            "score": .string("abs-log-ratio"),
            "calibration_origins": .integer(study.options.conformal.calibrationOrigins),
            "minimum_train": .integer(study.options.conformal.minimumTrain), "backtest": .object(backtest),
        ])
    }
}
