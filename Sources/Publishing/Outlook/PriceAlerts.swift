import Agronomy
import Documents
import Forecasting
import TimeSeriesCore

/// The two price alerts of a monthly price on a given day, judged on the months with a reported
/// price only: WFP's ALPS (`PriceSpikeAlert`, the price against its seasonal trend) and FAO
/// GIEWS's IPA (`PriceAnomalyIndicator`, growth against the same month in other years), each the
/// assessment or why it could not be made. `muavu outlook` and `muavu publish` both assess here.
public struct PriceAlerts: Sendable {
    public var spike: Result<PriceSpikeAlert.Assessment, OutlookDocument.Unavailable>
    public var anomaly: Result<PriceAnomalyIndicator.Assessment, OutlookDocument.Unavailable>

    /// - Parameters:
    ///   - reported: the prices, NaN where none was reported.
    ///   - maximumAge: the months the latest price may be old for a class to be published (its
    ///     freshness; older, it is stale and no alert is raised).
    public init(_ reported: TimeSeries, asOf: PeriodDate, maximumAge: Int = 2) {
        do {
            spike = .success(try PriceSpikeAlert(maximumAgeInMonths: maximumAge).assess(reported, asOf: asOf))
        } catch {
            spike = .failure(.init("\(error)"))
        }
        do {
            anomaly = .success(try PriceAnomalyIndicator(maximumAgeInMonths: maximumAge).assess(reported, asOf: asOf))
        } catch {
            anomaly = .failure(.init("\(error)"))
        }
    }
}
