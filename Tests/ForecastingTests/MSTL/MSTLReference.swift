import Foundation
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

    var source: String
    var series: [Series]

    static let shared: MSTLReference = {
        guard let url = Bundle.module.url(forResource: "mstl_statsforecast", withExtension: "json",
                                          subdirectory: "Fixtures/mstl"),
              let data = try? Data(contentsOf: url) else { fatalError("missing fixture Fixtures/mstl/mstl_statsforecast.json") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(MSTLReference.self, from: data) } catch { fatalError("bad MSTL fixture: \(error)") }
    }()

    static var names: [String] { shared.series.map(\.name) }

    static func series(_ name: String) -> Series { shared.series.first { $0.name == name }! }
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

extension MSTLReference.Series {
    /// The largest relative difference of `forecast`'s points and 80/95% bounds from the fixture's.
    func forecastDifferences(_ forecast: Forecast) -> (mean: Double, bounds: Double) {
        guard let i80 = forecast.interval(level: 80), let i95 = forecast.interval(level: 95) else { return (.infinity, .infinity) }
        let bounds = [mstlRelative(i80.lower, lo80), mstlRelative(i80.upper, hi80),
                      mstlRelative(i95.lower, lo95), mstlRelative(i95.upper, hi95)].max()!
        return (mstlRelative(forecast.mean, mean), bounds)
    }
}
