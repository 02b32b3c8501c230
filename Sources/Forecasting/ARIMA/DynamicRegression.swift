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
        /// Fixed orders, `p,d,q` or `p,d,q,P,D,Q` (the seasonal period is the series').
        case fixed(String)
    }

    public var errors: Errors
    public var regressors: [[Double]]
    /// What each regressor column is, for the model's notes (`wb-rice-vnm-5@lag1`).
    public var labels: [String]
    public var name: String

    public init(errors: Errors, regressors: [[Double]], labels: [String] = [], name: String = "arima") {
        self.errors = errors
        self.regressors = regressors
        self.labels = labels
        self.name = name
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        let n = y.count
        guard regressors.count >= n + horizon else {
            throw ForecastingError(.missingCovariates,
                                   "the regressors cover \(regressors.count) periods; \(n) observations and \(horizon) steps need \(n + horizon)")
        }
        let past = Array(regressors[0..<n]), ahead = Array(regressors[n..<(n + horizon)])
        var forecast: Forecast
        switch errors {
        case .automatic:
            forecast = try AutoARIMA(regressors: past).forecast(y, period: period, futureRegressors: ahead, levels: levels)
        case .fixed(let order):
            forecast = try SARIMA(try SARIMA.Specification(parsing: order, period: period), regressors: past)
                .forecast(y, period: period, futureRegressors: ahead, levels: levels)
        }
        if !labels.isEmpty {
            let names = labels.enumerated().map { "xreg\($0.offset + 1) = \($0.element)" }
            forecast.model.notes.append("regression with ARIMA errors on " + names.joined(separator: ", "))
        }
        return forecast
    }
}
