import TimeSeriesCore

/// What `body` makes for one series (a forecast, a backtest), or why there is none: a
/// `ForecastingError` as it is, anything else as a failed fit (a series that cannot be forecast
/// goes to the document's errors).
public func forecastOutcome<Value>(_ body: () throws -> Value) -> Result<Value, ForecastingError> {
    do {
        return .success(try body())
    } catch let e as ForecastingError {
        return .failure(e)
    } catch {
        return .failure(ForecastingError(.fitFailed, "\(error)"))
    }
}
