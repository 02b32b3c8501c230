import Forecasting
import Foundation
import TimeSeriesCore

extension OutlookStudy {
    /// The candidates that cannot take a month without a price (NaN) in the series they are
    /// given: those that refuse a short test series with one gap with a `non-finite` error
    /// (`ArgumentCheck.series`). A series built from irregular quotes keeps its gaps
    /// (`Options.fillGaps` false), so only a model that estimates through missing values (a
    /// state-space model with a Kalman filter, Durbin & Koopman 2012, §4.10) can forecast it.
    ///
    /// The test series: 36 months of a seasonal pattern around 6000 with month 20 missing, one
    /// step ahead at 80%.
    public static func refusingGaps(_ candidates: [Candidate], period: Int = 12) -> [String] {
        var probe = (0..<36).map { 6000 + 300 * sin(2 * Double.pi * Double($0) / 12) + 10 * Double($0 % 5) }
        probe[20] = .nan
        return candidates.filter { c in
            do {
                _ = try c.forecaster.forecast(probe, period: period, horizon: 1, levels: [80])
                return false
            } catch let e as ForecastingError {
                return e.code == .nonFinite
            } catch {
                return false
            }
        }.map(\.name)
    }
}
