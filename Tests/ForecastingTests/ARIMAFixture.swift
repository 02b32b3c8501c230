import Foundation
import Testing

@testable import Forecasting

/// Reference values from scripts/fixtures/arima_m3.py (statsforecast 2.1.1 and statsmodels on
/// named M3 series); see the script's docstring for how each number was produced.
struct ARIMAReference: Decodable {
    struct Series: Decodable {
        var period: Int
        var values: [Double]
    }
    struct AtParams: Decodable {
        var coef: [Double]
        var loglik: Double
    }
    struct Fixed: Decodable {
        var id: String
        var order: [Int]
        var seasonal: [Int]
        var constant: Bool
        var coef: [String: Double]
        var loglik: Double
        var aicc: Double
        var sigma2: Double
        var mean: [Double]
        var lower95: [Double]
        var upper95: [Double]
        var at_params: AtParams
    }
    struct KPSS: Decodable {
        var id: String
        var lags: Int
        var statistic: Double
        var ndiffs: Int
    }
    struct Seasonal: Decodable {
        var id: String
        var strength: Double
        var nsdiffs: Int
    }
    struct Auto: Decodable {
        var id: String
        var model: String
    }
    struct Regression: Decodable {
        var id: String
        var order: [Int]
        var constant: Bool
        /// Rows for the n observations then the 8 forecast steps.
        var regressors: [[Double]]
        var coef: [String: Double]
        var loglik: Double
        var at_params: AtParams
        var mean: [Double]
        var upper95: [Double]
    }

    var series: [String: Series]
    var fixed: [Fixed]
    var kpss: [KPSS]
    var seasonal: [Seasonal]
    var auto: [Auto]
    var xreg: [Regression]

    static func load() throws -> ARIMAReference {
        let url = try #require(
            Bundle.module.url(
                forResource: "m3_reference", withExtension: "json",
                subdirectory: "Fixtures/arima"))
        return try JSONDecoder().decode(ARIMAReference.self, from: Data(contentsOf: url))
    }

    func specification(_ f: Fixed) -> SARIMA.Specification {
        let m = series[f.id]?.period ?? 1
        return SARIMA.Specification(
            order: .init(
                p: f.order[0], d: f.order[1], q: f.order[2],
                seasonalP: f.seasonal[0], seasonalD: f.seasonal[1],
                seasonalQ: f.seasonal[2], period: m),
            includeConstant: f.constant)
    }
}

func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), 1e-12)
}
