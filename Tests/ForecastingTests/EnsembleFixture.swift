import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// A reference document from Fixtures/ensemble (scripts/fixtures/ensemble_combination.py):
/// statsforecast member forecasts on one M3 series and their numpy combinations.
struct EnsembleReference: Decodable {
    struct Path: Decodable {
        var mean: [Double]
        var lower: [String: [Double]]
        var upper: [String: [Double]]
    }
    var source: String
    var seriesId: String
    var period: Int
    var horizon: Int
    var levels: [Int]
    var y: [Double]
    var members: [String]
    var final: [String: Path]
    var validation: [String: Path]
    var validationMse: [Double]
    var weights: [Double]
    var combinations: [String: Path]

    static let ids = ["N0001", "N0700", "N1500", "N2000"]

    static func load(_ id: String) throws -> EnsembleReference {
        let url = try #require(
            Bundle.module.url(
                forResource: id, withExtension: "json",
                subdirectory: "Fixtures/ensemble"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(EnsembleReference.self, from: Data(contentsOf: url))
    }

    /// The member `name` as a forecaster that returns the stored final forecast when fitted on the
    /// whole series and the stored validation forecast when fitted on all but the last h values.
    func member(_ name: String) -> ScriptedForecaster {
        func forecast(_ p: Path?) -> Forecast? {
            guard let p else { return nil }
            return Forecast(
                model: ModelSummary(name: name.uppercased(), family: name, parameters: ["p": 1]),
                mean: p.mean,
                intervals: levels.map { l in
                    PredictionInterval(level: l, lower: p.lower["\(l)"] ?? [], upper: p.upper["\(l)"] ?? [])
                })
        }
        var byLength: [Int: Forecast] = [:]
        byLength[y.count] = forecast(final[name])
        byLength[y.count - horizon] = forecast(validation[name])
        return ScriptedForecaster(name: name, byLength: byLength)
    }
}

/// A forecaster that returns a stored forecast chosen by the length of the series it is given,
/// and fails (`.fitFailed`) for any other length; or always fails with `error`.
struct ScriptedForecaster: Forecaster {
    var name: String
    var byLength: [Int: Forecast] = [:]
    var error: ForecastingError?

    func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        if let error { throw error }
        guard let f = byLength[y.count] else {
            throw ForecastingError(.fitFailed, "\(name) has no stored forecast for \(y.count) observations")
        }
        return f
    }
}
