import Forecasting
import TimeSeriesCore

/// The link from the export price to a domestic price: regression with ARIMA(0,1,1) errors and
/// drift on x_t = the export price of month t − 1 (Hyndman & Athanasopoulos, FPP3 §10.2:
/// y_t = β·x_t + η_t, η an ARIMA process), fitted by `SARIMA` with `regressors`.
///
/// At an origin n (the model sees y[0..<n]) the regressor of the first step, the export price of
/// month n − 1, is known; later steps would need an export price not yet observed, and the last
/// one observed stands in (a naive forecast of the regressor), so a backtest never uses a value
/// from after its origin.
public struct LaggedExportRegression: Forecaster {
    /// x_t for every month of the price series and at least one beyond it (the export price one
    /// month earlier).
    public var regressor: [Double]
    public var name: String { "arima-x" }

    public init(regressor: [Double]) {
        self.regressor = regressor
    }

    /// x_t = export price of month t − 1 for t = 0...count of a monthly price series starting at
    /// `priceStart`, read from an export series starting at `exportStart`; nil when the export
    /// series does not cover those months (or has a gap there).
    public static func regressor(priceStart: PeriodDate, count: Int, export: [Double], exportStart: PeriodDate)
        -> [Double]?
    {
        var x: [Double] = []
        for i in 0...count {
            let j = priceStart.ordinal + i - 1 - exportStart.ordinal
            guard j >= 0, j < export.count, export[j].isFinite else { return nil }
            x.append(export[j])
        }
        return x
    }

    /// The regressor of the monthly series `price` from the monthly series `export` (nil when
    /// either has no dates or the export price does not cover the months before the price's).
    public static func regressor(for price: TimeSeries, export: TimeSeries) -> [Double]? {
        guard let priceStart = price.start, let exportStart = export.start else { return nil }
        return regressor(priceStart: priceStart, count: price.count, export: export.values, exportStart: exportStart)
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        let n = y.count
        guard n < regressor.count else {
            throw ForecastingError(.missingCovariates, "no export price for month \(n + 1)")
        }
        let spec = SARIMA.Specification(order: .init(p: 0, d: 1, q: 1, period: 1), includeConstant: true)
        let model = SARIMA(spec, regressors: regressor[0..<n].map { [$0] })
        let known = regressor[n]
        var forecast = try model.forecast(
            y, period: 1, futureRegressors: Array(repeating: [known], count: horizon),
            levels: levels)
        forecast.model.notes.append("xreg1 = Viet Nam 5% export price of the month before (USD/t)")
        return forecast
    }
}
