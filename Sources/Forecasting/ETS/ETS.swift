import Foundation
import TimeSeriesCore

extension ETS {
    /// The candidates of R `forecast::ets`, in its order, that suit `y` and `period`, with
    /// notes saying what was dropped and why.
    static func candidates(_ spec: Specification, y: [Double], period: Int) throws -> (forms: [Form], notes: [String]) {
        let n = y.count
        var notes: [String] = []
        let positive = y.allSatisfy { $0 > 0 }
        var errors = spec.errors
        var seasons = spec.seasons
        let wantsSeason = seasons.contains { $0 != .none }
        if wantsSeason {
            var reason: String?
            if period <= 1 {
                reason = "the series has no seasonal period"
            } else if period > 24 {
                reason = "a seasonal period of \(period) is above 24, too long for ETS states"
            } else if n <= period {
                reason = "\(n) observations do not cover one seasonal period of \(period)"
            }
            if let reason {
                seasons = seasons.filter { $0 == .none }
                if seasons.isEmpty { seasons = [.none] }
                notes.append("non-seasonal ETS: \(reason)")
            }
        }
        if !positive {
            let hadMultiplicative = errors.contains(.multiplicative) || seasons.contains(.multiplicative)
            errors = errors.filter { $0 == .additive }
            seasons = seasons.filter { $0 != .multiplicative }
            if errors.isEmpty || seasons.isEmpty {
                throw ForecastingError(
                    .outOfDomain,
                    "multiplicative ETS models need strictly positive data; the series has zero or negative values")
            }
            if hadMultiplicative && !spec.isSingleModel {
                notes.append("multiplicative error and season left out: the series has zero or negative values")
            }
        }
        var forms: [Form] = []
        for e in errors {
            // R tries the damped trend before the undamped one.
            for t in [TrendType.none, .additiveDamped, .additive] where spec.trends.contains(t) {
                for s in [SeasonType.none, .additive, .multiplicative] where seasons.contains(s) {
                    // R's `restrict`: an additive error with a multiplicative season is numerically
                    // unstable; it is only fitted when asked for by name.
                    if e == .additive && s == .multiplicative && !spec.isSingleModel { continue }
                    forms.append(Form(error: e, trend: t, season: s))
                }
            }
        }
        return (forms, notes)
    }

    /// Fits the specified model, or selects among the specified models by the criterion.
    ///
    /// Degenerate series: a constant series gets ETS(A,N,N) with α = 0.9999 (R); when no
    /// candidate has fewer parameters than n − 1, the season, then the trend, then the
    /// multiplicative error are dropped; two or three observations give the mean (ETS(A,N,N)
    /// with α = 0 and ℓ₀ = ȳ). Each fallback is written in the model's notes.
    public func fit(_ y: [Double], period: Int) throws -> Model {
        try ArgumentCheck.series(y, model: "ets")
        let n = y.count
        try ArgumentCheck.observations(n, atLeast: 2, "ETS", " to estimate its error variance")
        if y.allSatisfy({ $0 == y[0] }) {
            var model = try Model(
                evaluating: y, form: Form(error: .additive, trend: .none, season: .none), period: 1,
                alpha: 0.9999, initialStates: [y[0]], estimatedParameterCount: 1)
            model.hasCriteria = false
            model.notes.append(
                "constant series: ETS(A,N,N) with alpha = 0.9999 reproduces it exactly; likelihood criteria are undefined"
            )
            return model
        }
        var spec = specification
        var (forms, notes) = try ETS.candidates(spec, y: y, period: period)
        var best = try select(forms, y: y, period: period, spec: spec)
        // Fallbacks for short series, as R does for tiny data sets.
        if best == nil, forms.contains(where: { $0.hasSeason }) {
            spec.seasons = [.none]
            (forms, _) = try ETS.candidates(spec, y: y, period: period)
            best = try select(forms, y: y, period: period, spec: spec)
            notes.append("too few observations (\(n)) for a seasonal model: non-seasonal ETS")
        }
        if best == nil, forms.contains(where: { $0.hasTrend }) {
            spec.trends = [.none]
            (forms, _) = try ETS.candidates(spec, y: y, period: period)
            best = try select(forms, y: y, period: period, spec: spec)
            notes.append("too few observations (\(n)) for a trend: simple exponential smoothing")
        }
        if best == nil, forms.contains(where: { $0.error == .multiplicative }) {
            spec.errors = [.additive]
            (forms, _) = try ETS.candidates(spec, y: y, period: period)
            best = try select(forms, y: y, period: period, spec: spec)
        }
        if best == nil, n <= 3 {
            let mean = y.reduce(0, +) / Double(n)
            var model = try Model(
                evaluating: y, form: Form(error: .additive, trend: .none, season: .none), period: 1,
                alpha: 0, initialStates: [mean], estimatedParameterCount: 1)
            model.notes.append("only \(n) observations: the mean, as ETS(A,N,N) with alpha = 0")
            best = (model, [])
        }
        guard let best else {
            throw ForecastingError(.fitFailed, "no ETS model could be fitted to the series (\(n) observations)")
        }
        var model = best.0
        let ranking = best.1
        model.notes.insert(contentsOf: notes, at: 0)
        if ranking.count > 1 {
            let sorted = ranking.sorted { $0.1 < $1.1 }
            var line = "selected by \(spec.criterion.rawValue.uppercased()) among \(ranking.count) models"
            if sorted.count > 1 {
                line += String(format: "; runner-up %@ (+%.2f)", sorted[1].0.description, sorted[1].1 - sorted[0].1)
            }
            model.notes.append(line)
        }
        return model
    }

    /// The best of `forms` by the criterion, with every fitted candidate's criterion; nil when
    /// none can be fitted.
    func select(_ forms: [Form], y: [Double], period: Int, spec: Specification) throws
        -> (Model, [(Form, Double)])?
    {
        var best: Model?
        var bestValue = Double.infinity
        var ranking: [(Form, Double)] = []
        for model in ETS.fitEach(forms, y: y, period: period, spec: spec) {
            let value = model.criterion(spec.criterion)
            ranking.append((model.form, value))
            if value < bestValue || best == nil && value.isFinite {
                best = model
                bestValue = value
            }
        }
        guard let best, bestValue < .infinity else { return nil }
        return (best, ranking)
    }

    /// Each of `forms` that can be estimated on `y` and has a criterion (not NaN), in order.
    static func fitEach(_ forms: [Form], y: [Double], period: Int, spec: Specification) -> [Model] {
        forms.compactMap { form in
            guard let model = try? ETSEstimation.fit(y, form: form, period: period, specification: spec),
                !model.criterion(spec.criterion).isNaN
            else { return nil }
            return model
        }
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let model = try fit(y, period: period)
        return model.forecast(
            horizon: horizon, levels: levels, simulationPaths: specification.simulationPaths,
            seed: specification.seed)
    }
}
