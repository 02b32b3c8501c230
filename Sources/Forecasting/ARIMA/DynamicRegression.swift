import Foundation
import TimeSeriesCore

/// Regression with ARIMA errors over a known path of regressors (Hyndman & Athanasopoulos, FPP3
/// ch. 10): y_t = x_t'β + η_t with η_t a (seasonal) ARIMA process, fitted by exact maximum
/// likelihood (`SARIMA`, or `AutoARIMA` choosing the orders).
///
/// `regressors` holds one row per period from the first observation on, past the end of the
/// series as far as the regressors are known. Fitted to the first n observations it uses rows
/// 0..<n, and forecasts h steps from rows n..<n+h: a rolling-origin evaluation then gives the
/// model the covariates' actual values over each test window, as a forecaster who knew them
/// (or had perfect forecasts of them) would have had.
public struct DynamicRegression: Forecaster {
    /// How the ARIMA errors are specified.
    public enum Errors: Sendable, Hashable {
        /// Orders chosen by `AutoARIMA` (Hyndman & Khandakar 2008) with the regressors.
        case automatic
        /// Orders chosen by `AutoARIMA`'s search of every order combination (`arima-exhaustive`).
        case exhaustive
        /// Fixed orders, `p,d,q` or `p,d,q,P,D,Q` (the seasonal period is the series').
        case fixed(String)
        /// Independent errors: ordinary least squares on a mean and the regressors
        /// (`LinearRegression`), with its prediction intervals x₀ᵀβ̂ ± t_{n−p}√(σ̂² + x₀ᵀCov(β̂)x₀).
        case whiteNoise
    }

    public var errors: Errors
    public var regressors: [[Double]]
    /// What each regressor column is, for the model's notes (`wb-rice-vnm-5@lag1`).
    public var labels: [String]
    /// The registry name the model answers to; the forecast's family.
    public var name: String

    public init(errors: Errors, regressors: [[Double]], labels: [String] = [], name: String = "arima") {
        (self.errors, self.regressors, self.labels, self.name) = (errors, regressors, labels, name)
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        // ARIMA errors skip missing values; least squares with independent errors does not.
        try validateArguments(y, period: period, horizon: horizon, levels: levels, allowingGaps: errors != .whiteNoise)
        let n = y.count
        guard regressors.count >= n + horizon else {
            throw ForecastingError(
                .missingCovariates,
                "the regressors cover \(regressors.count) periods; \(n) observations and \(horizon) steps need \(n + horizon)"
            )
        }
        let past = Array(regressors[0..<n])
        let ahead = Array(regressors[n..<(n + horizon)])
        var forecast: Forecast
        do {
            forecast = try fitAndForecast(y, past: past, ahead: ahead, period: period, levels: levels)
        } catch var error as ForecastingError {
            error.message = named(error.message)
            throw error
        }
        forecast.model.family = name
        if !labels.isEmpty {
            let names = labels.enumerated().map { "xreg\($0.offset + 1) = \($0.element)" }
            let errors = self.errors == .whiteNoise ? "independent errors" : "ARIMA errors"
            forecast.model.notes.append("regression with \(errors) on " + names.joined(separator: ", "))
        }
        return forecast
    }

    /// A message about the regressors in the user's names: `xreg2` becomes `'c@lag1'`, and a
    /// message that names no column gets the list of covariates.
    func named(_ message: String) -> String {
        guard !labels.isEmpty else { return message }
        var text = message
        var replaced = false
        // Longest index first, so that xreg1 does not eat the start of xreg12.
        for (j, label) in labels.enumerated().reversed() {
            let token = "xreg\(j + 1)"
            if text.contains(token) {
                text = text.replacingOccurrences(of: token, with: "'\(label)'")
                replaced = true
            }
        }
        if !replaced, text.contains("regressors") {
            text += " (covariates: \(labels.joined(separator: ", ")))"
        }
        return text
    }

    private func fitAndForecast(
        _ y: [Double], past: [[Double]], ahead: [[Double]], period: Int,
        levels: [Int]
    ) throws -> Forecast {
        var forecast: Forecast
        switch errors {
        case .automatic:
            forecast = try AutoARIMA(regressors: past).forecast(
                y, period: period, futureRegressors: ahead, levels: levels)
        case .exhaustive:
            var search = AutoARIMA.exhaustive
            search.regressors = past
            forecast = try search.forecast(y, period: period, futureRegressors: ahead, levels: levels)
        case .fixed(let order):
            forecast = try SARIMA(try SARIMA.Specification(parsing: order, period: period), regressors: past)
                .forecast(y, period: period, futureRegressors: ahead, levels: levels)
        case .whiteNoise:
            forecast = try Self.leastSquares(y, past: past, ahead: ahead, levels: levels)
        }
        return forecast
    }

    /// Ordinary least squares of y on a mean and the regressor columns `xreg1`, `xreg2`, …, with the
    /// coefficients named as `SARIMA.Fit` names them (`intercept`, `xreg1`, …).
    static func leastSquares(_ y: [Double], past: [[Double]], ahead: [[Double]], levels: [Int]) throws -> Forecast {
        let k = past.first?.count ?? 0
        func columns(_ rows: [[Double]]) -> [String: [Double]] {
            Dictionary(uniqueKeysWithValues: (0..<k).map { j in ("xreg\(j + 1)", rows.map { $0[j] }) })
        }
        var fitColumns = columns(past)
        fitColumns["y"] = y
        let formula = try RegressionFormula("y ~ 1" + (0..<k).map { " + xreg\($0 + 1)" }.joined())
        let fit = try LinearRegression.fit(formula, columns: fitColumns)
        let predictions = try fit.predict(columns(ahead), rows: ahead.count, levels: levels)
        var parameters: [String: Double] = [:]
        for c in fit.coefficients { parameters[c.term == "(Intercept)" ? "intercept" : c.term] = c.estimate }
        var forecast = Forecast(
            model: ModelSummary(
                name: "Regression with independent errors", family: "regression", parameters: parameters,
                criteria: [
                    "loglik": fit.logLikelihood, "aic": fit.aic, "bic": fit.bic,
                    "sigma2": fit.sigma * fit.sigma,
                ]),
            mean: predictions.map(\.mean),
            intervals: levels.map { level in
                PredictionInterval(
                    level: level, lower: predictions.map { $0.prediction[level]?.lower ?? .nan },
                    upper: predictions.map { $0.prediction[level]?.upper ?? .nan })
            },
            fitted: fit.fitted)
        // The design's columns are the intercept, then the regressors in order.
        forecast.regressorCoefficients = fit.coefficients.dropFirst().map(\.estimate)
        return forecast
    }
}
