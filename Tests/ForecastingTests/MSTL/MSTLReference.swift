import Foundation
import TimeSeriesCore

@testable import Forecasting

/// statsforecast 2.1.1's MSTL on two synthetic two-season series and M3 N2000
/// (scripts/fixtures/mstl_statsforecast.py).
struct MSTLReference: Decodable {
    struct TrendETS: Decodable {
        /// statsforecast's code, e.g. `MANN` (error, trend, season, damped).
        var components: String
        var alpha: Double
        var beta: Double?
        var phi: Double?
        var initialStates: [Double]
        var sigma2: Double
        var aicc: Double

        var form: ETS.Form {
            let c = Array(components)
            return ETS.Form(code: String(c[0]) + String(c[1]) + (c[3] == "D" ? "d" : "") + String(c[2]))!
        }
    }

    struct Series: Decodable {
        var name: String
        var periods: [Int]
        var horizon: Int
        var y: [Double]
        var trend: [Double]
        var seasonal: [[Double]]
        var remainder: [Double]
        var ets: TrendETS
        var mean: [Double]
        var lo80: [Double]
        var hi80: [Double]
        var lo95: [Double]
        var hi95: [Double]
    }

    /// One statsmodels `STL` decomposition with the settings it reports (`STL.config`).
    struct STLCase: Decodable {
        var name: String
        var period: Int
        var y: [Double]
        var seasonalWindow: Int
        var seasonalDegree: Int
        var trendWindow: Int
        var trendDegree: Int
        var lowPassWindow: Int
        var lowPassDegree: Int
        var innerIterations: Int
        var robustIterations: Int
        var seasonal: [Double]
        var trend: [Double]
        var remainder: [Double]
    }

    var source: String
    var series: [Series]
    var stl: [STLCase]

    static let shared: MSTLReference = {
        guard
            let url = Bundle.module.url(
                forResource: "mstl_statsforecast", withExtension: "json",
                subdirectory: "Fixtures/mstl"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("missing fixture Fixtures/mstl/mstl_statsforecast.json")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(MSTLReference.self, from: data) } catch {
            fatalError("bad MSTL fixture: \(error)")
        }
    }()

    static var names: [String] { shared.series.map(\.name) }

    static func series(_ name: String) -> Series { shared.series.first { $0.name == name }! }

    static var stlNames: [String] { shared.stl.map(\.name) }
}

/// The largest |a − b| / max(1, |b|) (absolute below 1, relative above): the components' measure.
func mstlAbsoluteRelative(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "lengths \(a.count) and \(b.count)")
    return zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
}

/// The largest |a − b| / |b|: the forecasts' measure (the fixtures' values are far from 0).
func mstlRelative(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "lengths \(a.count) and \(b.count)")
    return zip(a, b).map { abs($0 - $1) / abs($1) }.max() ?? 0
}

/// statsforecast's σ² from muavu's: statsforecast divides the sum of squared errors by n − k − 2
/// (`ets.py`: n − np_eff − 1 with np_eff = k + 1), muavu's ETS by n − k, k the estimated
/// smoothing parameters and initial states.
func statsforecastSigma2(_ model: ETS.Model) -> Double {
    let k = Double(model.estimatedParameterCount)
    let n = Double(model.count)
    return model.sigma2 * (n - k) / (n - k - 2)
}

extension MSTLReference.Series {
    /// The largest differences of `forecast` from the fixture's: points relative to the point,
    /// bounds relative to the bound (`relative`) and relative to the reference half-width
    /// |bound − mean| (`halfWidth`, the stricter where a bound is far from zero and the meaningful
    /// one where a bound crosses zero).
    func forecastDifferences(_ forecast: Forecast) -> (mean: Double, relative: Double, halfWidth: Double) {
        guard let i80 = forecast.interval(level: 80), let i95 = forecast.interval(level: 95) else {
            return (.infinity, .infinity, .infinity)
        }
        let pairs = [(i80.lower, lo80), (i80.upper, hi80), (i95.lower, lo95), (i95.upper, hi95)]
        let relative = pairs.map { mstlRelative($0, $1) }.max()!
        let halfWidth = pairs.map { a, b in
            (0..<b.count).map { abs(a[$0] - b[$0]) / abs(b[$0] - mean[$0]) }.max()!
        }.max()!
        return (mstlRelative(forecast.mean, mean), relative, halfWidth)
    }
}
