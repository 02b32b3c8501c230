import Forecasting
import Foundation
import TimeSeriesCore

/// Does the year's flood peak help forecast the autumn crop? The Tân Châu gauge's annual highest
/// water level (cm) is trustworthy only for 2002–2009 (`datasets/mekong-water-level.csv` marks the
/// later GSO maxima suspect), so the study can only be small: for each origin year t, two
/// regressions are fitted on the trusted years before t (from `trusted.lowerBound`) in which the
/// yield is reported, and forecast year t:
///
///     trend:          y = a + b·s,
///     trend + flood:  y = a + b·s + c·peak,      s = year − (t − 1),
///
/// e(t) = ŷ(t) − y(t). An origin counts when y(t) and peak(t) are known and at least
/// `minimumYears` years (four: three coefficients and one degree of freedom) are fitted. The flood
/// model belongs in a bulletin only if it lowers the rolling-origin error, and then only while the
/// peaks it needs are trustworthy.
public enum FloodPeakStudy {
    public struct Options: Sendable, Equatable {
        /// The years whose peaks are trusted.
        public var trusted: ClosedRange<Int>
        /// The fewest years a regression is fitted on.
        public var minimumYears: Int

        public init(trusted: ClosedRange<Int> = 2002...2009, minimumYears: Int = 4) {
            (self.trusted, self.minimumYears) = (trusted, minimumYears)
        }
    }

    /// The two models' rolling-origin scores of one series (on the same origins).
    public struct Result: Sendable, Equatable {
        public var name: String
        public var trend: YieldRollingOrigin.Score
        public var flood: YieldRollingOrigin.Score
    }

    /// Scores the trend and the trend + flood regressions of `series` by rolling origin; `peaks`
    /// is year → the gauge's highest level (cm).
    public static func run(
        _ series: YieldRollingOrigin.Series, peaks: [Int: Double], options: Options = Options()
    ) throws -> Result {
        func fitted(_ t: Int) -> [Int] {
            (options.trusted.lowerBound..<t).filter { series.yield($0).isFinite && peaks[$0]?.isFinite == true }
        }
        let origins = options.trusted.filter { t in
            series.yield(t).isFinite && peaks[t]?.isFinite == true && fitted(t).count >= options.minimumYears
        }
        var errors: (trend: [Double], flood: [Double]) = ([], [])
        for t in origins {
            let years = fitted(t)
            let columns: [String: [Double]] = [
                "y": years.map(series.yield), "s": years.map { Double($0 - (t - 1)) },
                "peak": years.map { peaks[$0] ?? .nan },
            ]
            for (formula, withPeak) in [("y ~ s", false), ("y ~ s + peak", true)] {
                let fit = try LinearRegression.fit(RegressionFormula(formula), columns: columns)
                var future: [String: [Double]] = ["s": [1]]
                if withPeak { future["peak"] = [peaks[t] ?? .nan] }
                guard let p = try fit.predict(future, levels: []).first else {
                    throw ForecastingError(.fitFailed, "no forecast of \(series.name) \(t)")
                }
                let e = p.mean - series.yield(t)
                if withPeak { errors.flood.append(e) } else { errors.trend.append(e) }
            }
        }
        return Result(
            name: series.name, trend: YieldRollingOrigin.score("trend-linear", series, origins, errors.trend),
            flood: YieldRollingOrigin.score("trend+flood-peak", series, origins, errors.flood))
    }
}
