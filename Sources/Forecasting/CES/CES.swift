import Foundation
import TimeSeriesCore

/// Complex Exponential Smoothing as a forecaster, with the seasonality chosen by AICc: the
/// method of Svetunkov, Kourentzes & Ord (2022), "Complex exponential smoothing", Naval
/// Research Logistics 69(8), 1108–1123, as automated by R `smooth::auto.ces` and statsforecast
/// `AutoCES`.
///
/// CES needs no decision about trend: the complex smoothing constant α₀ + iα₁ lets one model
/// move between level-like and trend-like behaviour (`CESRecursion`). When the series has a
/// seasonal period m ≥ 2 and at least two full cycles, the four forms N (none), S (simple),
/// P (partial) and F (full) are fitted (`CESModel.fit`) and the one with the smallest AICc kept
/// (the first on ties, in that order); otherwise N alone. A constant series is forecast by its
/// value.
///
/// Intervals are normal, mean ± z·σ·√(Σψ²): the exact h-step variance of the linear
/// innovations state-space form (`CESModel.forecast(horizon:)`), with σ² = Σe²/(n − k − 1).
/// (statsforecast's own intervals instead perturb the final states once by N(0, σ²) and take
/// quantiles of 5000 simulated paths, which ignores the innovations after the origin.)
public struct CES: Forecaster {
    /// The seasonal forms of CES (Svetunkov, Kourentzes & Ord 2022, §3).
    public enum Seasonality: String, Sendable, Codable, CaseIterable {
        /// No seasonality: the level and its potential.
        case none = "N"
        /// Simple: the non-seasonal recursion at lag m (m interleaved level series).
        case simple = "S"
        /// Partial: an additive seasonal component with real smoothing constant β₀.
        case partial = "P"
        /// Full: a second complex pair at lag m with constant β₀ + iβ₁.
        case full = "F"

        /// State components per time: ℓ, c, then s (P) or s, d (F).
        public var components: Int {
            switch self {
            case .none, .simple: 2
            case .partial: 3
            case .full: 4
            }
        }

        /// Smoothing constants estimated: α₀, α₁, then β₀ (P) or β₀, β₁ (F).
        public var parameterCount: Int { components }
    }

    /// The complex smoothing constants α₀ + iα₁ and, for the seasonal forms, β₀ (+ iβ₁).
    public struct Parameters: Sendable, Equatable, Codable {
        public var alpha0: Double
        public var alpha1: Double
        /// β₀ of the partial and full forms.
        public var beta0: Double?
        /// β₁ of the full form.
        public var beta1: Double?

        public init(alpha0: Double, alpha1: Double, beta0: Double? = nil, beta1: Double? = nil) {
            (self.alpha0, self.alpha1, self.beta0, self.beta1) = (alpha0, alpha1, beta0, beta1)
        }

        /// From the free parameters in the optimiser's order (α₀, α₁, β₀, β₁).
        init(free x: [Double], seasonality: Seasonality) {
            self.init(
                alpha0: x[0], alpha1: x[1],
                beta0: seasonality.parameterCount > 2 ? x[2] : nil,
                beta1: seasonality.parameterCount > 3 ? x[3] : nil)
        }

        /// By name, as a model summary shows them.
        public var named: [String: Double] {
            var out = ["alpha0": alpha0, "alpha1": alpha1]
            if let beta0 { out["beta0"] = beta0 }
            if let beta1 { out["beta1"] = beta1 }
            return out
        }
    }

    /// The form to fit, or nil to choose among the admissible ones by AICc.
    public var seasonality: Seasonality?
    public let name: String

    public init(seasonality: Seasonality? = nil, name: String = "ces") {
        self.seasonality = seasonality
        self.name = name
    }

    /// The forms AutoCES compares: all four when m ≥ 2 and n ≥ 2m, else N.
    public static func candidates(count n: Int, period: Int) -> [Seasonality] {
        period >= 2 && n >= 2 * period ? Seasonality.allCases : [.none]
    }

    /// Fits the requested form, or every candidate, and keeps the smallest AICc.
    public func fit(_ y: [Double], period: Int) throws -> (model: CESModel, notes: [String]) {
        if let seasonality {
            return (try CESModel.fit(y, period: period, seasonality: seasonality), [])
        }
        var best: CESModel?
        var evidence: [String] = []
        var firstError: Error?
        for form in CES.candidates(count: y.count, period: period) {
            do {
                let model = try CESModel.fit(y, period: period, seasonality: form)
                evidence.append("CES(\(form.rawValue)) \(String(format: "%.2f", model.aicc))")
                if model.aicc.isFinite, model.aicc < (best?.aicc ?? .infinity) { best = model }
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        guard let best else {
            throw firstError ?? ForecastingError(.fitFailed, "no CES model could be fitted")
        }
        var notes: [String] = []
        if period >= 2 && y.count < 2 * period {
            notes.append(
                "fewer than two seasonal cycles (\(y.count) observations, period \(period)): non-seasonal CES(N) only")
        }
        if evidence.count > 1 { notes.append("chosen by AICc: " + evidence.joined(separator: ", ")) }
        return (best, notes)
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        // The length is checked first, so that a short constant series is refused like any other.
        _ = try CESModel.checkedLag(y, period: period, seasonality: .none)
        if let first = y.first, y.allSatisfy({ $0 == first }) {
            return .constantSeries(y, horizon: horizon, levels: levels, name: "CES", family: name)
        }
        let (model, notes) = try fit(y, period: period)
        return forecast(model, notes: notes, horizon: horizon, levels: levels)
    }
}
