import TimeSeriesCore

/// `arima-fixed` at the orders of `--order` (`p,d,q` or `p,d,q,P,D,Q`), read against each series'
/// own seasonal period.
public struct FixedOrderARIMA: Forecaster {
    public var order: String
    public var name: String { "arima-fixed" }

    public init(order: String) {
        self.order = order
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try SARIMA(try SARIMA.Specification(parsing: order, period: period))
            .forecast(y, period: period, horizon: horizon, levels: levels)
    }
}
