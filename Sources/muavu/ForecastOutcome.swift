import TimeSeriesCore

/// The forecast `body` makes, or why there is none: a `ForecastingError` as it is, anything else
/// as a failed fit (a series that cannot be forecast goes to the document's errors).
func forecastOutcome(_ body: () throws -> TimeSeriesCore.Forecast) -> Result<TimeSeriesCore.Forecast, ForecastingError>
{
    do {
        return .success(try body())
    } catch let e as ForecastingError {
        return .failure(e)
    } catch {
        return .failure(ForecastingError(.fitFailed, "\(error)"))
    }
}
