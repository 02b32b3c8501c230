import Forecasting
import Foundation
import TimeSeriesCore

/// "Waiting k months beats selling now with probability p": the statement for k = 1…`months`,
/// from the forecast distribution of the price, never from the point forecast alone, and how
/// often such statements came true at earlier origins of the same series.
///
/// The distribution of the price k months after origin T is the model's forecast times its own
/// past k-step errors (the empirical conformal predictive distribution: Vovk, Gammerman & Shafer
/// 2005 §7; Vovk et al. 2019), on the calibration set of `ConformalRange` but signed and, by
/// default, every past error rather than the most recent 24:
///
///     e(t, k) = log(y[t + k − 1] / ŷ_t(k))  for the `calibrationOrigins` most recent origins t with
///                                           t + k ≤ T (the actual known at T),
///     P_k^(j) = ŷ_T(k) · exp(e_j),          j = 1…m.
///
/// Each draw gives a dry price D_k^(j) = ρ·F₀·P_k^(j)/P₀ and a gain G_k^(j)
/// (`StoreDecision.gainPerTonne`); the statement is
///
///     p_k = #{j : G_k^(j) > 0} / m,   E[G_k] = (1/m) Σ_j G_k^(j).
///
/// Each month k is a statement about the price of that month alone (its marginal distribution):
/// no joint distribution across months is used or claimed — the study does not say which month is
/// best, only, month by month, how likely waiting that long beats selling now.
///
/// The backtest makes the same statement at every earlier origin T whose month T + k − 1 was
/// reported, and records whether G_k at the actual price was positive (`Case`).
public struct SellOrStoreStudy: Sendable {
    public struct Options: Sendable, Equatable {
        /// The months of waiting considered, 1…months.
        public var months: Int
        /// The most recent errors of each step that make the distribution (default 1,000: in
        /// practice every past error; measured against 24, 60 and 120 in
        /// docs/design/sell-or-store.md, the longer the better calibrated).
        public var calibrationOrigins: Int
        /// No statement with fewer errors than this (a probability then moves in steps of 1/10
        /// at most).
        public var minimumErrors: Int
        /// The fewest values a model is fitted on.
        public var minimumTrain: Int

        public init(
            months: Int = 6, calibrationOrigins: Int = 1_000, minimumErrors: Int = 10, minimumTrain: Int = 24
        ) {
            (self.months, self.calibrationOrigins, self.minimumErrors, self.minimumTrain) =
                (months, calibrationOrigins, minimumErrors, minimumTrain)
        }
    }

    /// The statement for waiting `months` months.
    public struct Statement: Sendable, Equatable {
        public var months: Int
        /// Draws in which waiting gains, of `draws`.
        public var wins: Int
        public var draws: Int
        /// E[G_k], đồng/tấn of fresh paddy.
        public var expectedGain: Double
        /// D*_k, the dry price that breaks even (đồng/kg), and the series' price that gives it.
        public var breakEvenDry: Double
        public var breakEvenSeries: Double

        public var probability: Double { Double(wins) / Double(draws) }
        /// The tenth the probability falls in, 0…9 (exact in integers: min(9, ⌊10·wins/draws⌋)).
        public var bin: Int { min(9, 10 * wins / draws) }
    }

    /// A statement made at an earlier origin, and what happened.
    public struct Case: Sendable, Equatable {
        /// The origin (training length): the price "now" is y[origin − 1].
        public var origin: Int
        public var statement: Statement
        public var seriesNow: Double
        public var seriesLater: Double
        /// The fresh price taken for "now" (đồng/kg).
        public var fresh: Double
        /// G_k at the actual price.
        public var gain: Double
        public var happened: Bool { gain > 0 }
    }

    public var options: Options
    public var costs: StorageCosts
    /// F₀/P₀, the fresh paddy price per unit of the series (1 when the series is the fresh price).
    public var freshPerSeriesUnit: Double
    /// The statements at the end of the series (nil for a month with too few errors).
    public var statements: [Statement?]
    /// The backtest's cases, by origin then month.
    public var cases: [Case]
    /// The reliability of the backtest's statements per month k (index k − 1).
    public var reliability: [Reliability] {
        (1...options.months).map { k in Reliability(cases.filter { $0.statement.months == k }) }
    }

    /// The signed log errors e(t, k) of the most recent `count` origins t with t + k ≤ `origin`
    /// whose actual was reported, oldest first.
    public static func errors(_ f: ConformalRange.OriginForecasts, step k: Int, before origin: Int, count: Int)
        -> [Double]
    {
        var out: [Double] = []
        var t = origin - k
        while t >= 1, out.count < count {
            if let forecast = f.forecasts[t], k <= forecast.mean.count, t + k - 1 < f.y.count {
                let actual = f.y[t + k - 1]
                let predicted = forecast.mean[k - 1]
                if actual.isFinite, predicted.isFinite, actual > 0, predicted > 0 {
                    out.append(log(actual / predicted))
                }
            }
            t -= 1
        }
        return out.reversed()
    }

    /// The statement for month `k` from the forecast `mean` (ŷ_T(k)) and the `errors`; nil when
    /// the errors are fewer than `minimumErrors` or the prices are not positive.
    public static func statement(
        months k: Int, mean: Double, errors: [Double], seriesNow: Double, fresh: Double, costs: StorageCosts,
        minimumErrors: Int
    ) -> Statement? {
        guard errors.count >= max(1, minimumErrors), mean > 0, mean.isFinite, seriesNow > 0, fresh > 0 else {
            return nil
        }
        var wins = 0
        var total = 0.0
        for e in errors {
            let dry = StoreDecision.dryPrice(
                fresh: fresh, seriesNow: seriesNow, seriesLater: mean * exp(e), costs: costs)
            let g = StoreDecision.gainPerTonne(fresh: fresh, dry: dry, months: k, costs: costs)
            if g > 0 { wins += 1 }
            total += g
        }
        let breakEven = StoreDecision.breakEven(fresh: fresh, months: k, costs: costs)
        return Statement(
            months: k, wins: wins, draws: errors.count, expectedGain: total / Double(errors.count),
            breakEvenDry: breakEven, breakEvenSeries: breakEven * seriesNow / (costs.dryToFresh * fresh))
    }

    /// The statements of the forecast made at `origin`.
    public static func statements(
        _ f: ConformalRange.OriginForecasts, origin: Int, freshPerSeriesUnit: Double, costs: StorageCosts,
        options: Options
    ) -> [Statement?] {
        guard let forecast = f.forecasts[origin], origin >= 1, origin <= f.y.count else {
            return Array(repeating: nil, count: options.months)
        }
        let now = f.y[origin - 1]
        return (1...options.months).map { k in
            guard k <= forecast.mean.count else { return nil }
            return statement(
                months: k, mean: forecast.mean[k - 1],
                errors: errors(f, step: k, before: origin, count: options.calibrationOrigins),
                seriesNow: now, fresh: now * freshPerSeriesUnit, costs: costs, minimumErrors: options.minimumErrors)
        }
    }

    /// Fits `forecaster` at every usable origin of `y` (monthly prices, NaN where none was
    /// reported; the last reported), states the decision at the end and backtests it at the
    /// earlier origins.
    public static func run(
        _ y: [Double], period: Int, forecaster: any Forecaster, freshPerSeriesUnit: Double = 1,
        costs: StorageCosts = .standard, options: Options = .init()
    ) throws -> SellOrStoreStudy {
        try costs.check()
        guard (1...24).contains(options.months) else {
            throw ForecastingError(.invalidArgument, "the months of waiting must lie between 1 and 24")
        }
        guard freshPerSeriesUnit > 0, freshPerSeriesUnit.isFinite else {
            throw ForecastingError(.invalidArgument, "the fresh price per unit of the series must be positive")
        }
        let conformal = try ConformalRange(
            calibrationOrigins: options.calibrationOrigins, minimumTrain: options.minimumTrain)
        let origins = conformal.usableOrigins(y)
        let f = try ConformalRange.forecasts(
            y, period: period, horizon: options.months, levels: [80], forecaster: forecaster, origins: origins)
        return study(f, freshPerSeriesUnit: freshPerSeriesUnit, costs: costs, options: options)
    }

    /// The study of forecasts already made at many origins (`run` makes them).
    public static func study(
        _ f: ConformalRange.OriginForecasts, freshPerSeriesUnit: Double, costs: StorageCosts, options: Options
    ) -> SellOrStoreStudy {
        let n = f.y.count
        var cases: [Case] = []
        for t in f.forecasts.keys.sorted() where t < n {
            let now = f.y[t - 1]
            let made = statements(f, origin: t, freshPerSeriesUnit: freshPerSeriesUnit, costs: costs, options: options)
            for case let s? in made
            where t + s.months - 1 < n && f.y[t + s.months - 1].isFinite {
                let later = f.y[t + s.months - 1]
                let fresh = now * freshPerSeriesUnit
                let dry = StoreDecision.dryPrice(fresh: fresh, seriesNow: now, seriesLater: later, costs: costs)
                cases.append(
                    Case(
                        origin: t, statement: s, seriesNow: now, seriesLater: later, fresh: fresh,
                        gain: StoreDecision.gainPerTonne(fresh: fresh, dry: dry, months: s.months, costs: costs)))
            }
        }
        return SellOrStoreStudy(
            options: options, costs: costs, freshPerSeriesUnit: freshPerSeriesUnit,
            statements: statements(
                f, origin: n, freshPerSeriesUnit: freshPerSeriesUnit, costs: costs, options: options),
            cases: cases)
    }
}

/// How often statements "this happens with probability p" came true, by tenths of p: the
/// reliability diagram's table (Murphy & Winkler 1977), the Brier score and Murphy's (1973)
/// decomposition over the bins,
///
///     BS = (1/N) Σ (p_i − o_i)²,
///     REL = (1/N) Σ_b n_b (p̄_b − ō_b)²,  RES = (1/N) Σ_b n_b (ō_b − ō)²,  UNC = ō(1 − ō),
///
/// with BS = REL − RES + UNC exactly when every statement of a bin has the same p (here the
/// difference, the spread of p inside the bins, is small and reported as `withinBin`).
public struct Reliability: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        /// The bin [index/10, (index + 1)/10) (the last one includes 1).
        public var index: Int
        public var cases: Int
        public var happened: Int
        /// The mean stated probability p̄_b.
        public var meanProbability: Double
        public var observed: Double { cases > 0 ? Double(happened) / Double(cases) : .nan }
    }

    /// All ten bins, empty ones included.
    public var bins: [Bin]
    public var cases: Int
    public var happened: Int
    public var brier: Double
    public var reliability: Double
    public var resolution: Double
    public var uncertainty: Double
    /// BS − (REL − RES + UNC).
    public var withinBin: Double { brier - (reliability - resolution + uncertainty) }

    public init(_ cases: [SellOrStoreStudy.Case]) {
        self.init(cases.map { (wins: $0.statement.wins, draws: $0.statement.draws, happened: $0.happened) })
    }

    /// From each statement's wins of draws (p = wins/draws) and whether it happened.
    public init(_ statements: [(wins: Int, draws: Int, happened: Bool)]) {
        var n = Array(repeating: 0, count: 10)
        var hit = Array(repeating: 0, count: 10)
        var sum = Array(repeating: 0.0, count: 10)
        var brier = 0.0
        for s in statements {
            let p = Double(s.wins) / Double(s.draws)
            let b = min(9, 10 * s.wins / s.draws)
            n[b] += 1
            sum[b] += p
            if s.happened { hit[b] += 1 }
            let o = s.happened ? 1.0 : 0.0
            brier += (p - o) * (p - o)
        }
        let total = statements.count
        bins = (0..<10).map {
            Bin(
                index: $0, cases: n[$0], happened: hit[$0],
                meanProbability: n[$0] > 0 ? sum[$0] / Double(n[$0]) : .nan)
        }
        self.cases = total
        happened = hit.reduce(0, +)
        guard total > 0 else {
            (self.brier, reliability, resolution, uncertainty) = (.nan, .nan, .nan, .nan)
            return
        }
        let N = Double(total)
        let base = Double(happened) / N
        self.brier = brier / N
        var rel = 0.0
        var res = 0.0
        for b in bins where b.cases > 0 {
            rel += Double(b.cases) * (b.meanProbability - b.observed) * (b.meanProbability - b.observed)
            res += Double(b.cases) * (b.observed - base) * (b.observed - base)
        }
        reliability = rel / N
        resolution = res / N
        uncertainty = base * (1 - base)
    }
}
