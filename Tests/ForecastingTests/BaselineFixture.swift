import Foundation
import Testing

@testable import Forecasting

/// A reference document from Fixtures/baselines or Fixtures/theta (see the `source` field and
/// scripts/fixtures/baselines_m3.py, scripts/fixtures/theta_m3.py).
struct M3Reference: Decodable {
    struct Model: Decodable {
        var mean: [Double]
        var lower: [String: [Double]]?
        var upper: [String: [Double]]?
        var seasonallyAdjusted: Bool?
        var parameters: [String: Double]?
        var decomposition: String?
        var mse: Double?
    }
    var source: String
    var seriesId: String
    var period: Int
    var horizon: Int
    var y: [Double]
    var models: [String: Model]

    static func load(_ folder: String, _ id: String) throws -> M3Reference {
        let url = try #require(
            Bundle.module.url(
                forResource: id, withExtension: "json",
                subdirectory: "Fixtures/\(folder)"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(M3Reference.self, from: Data(contentsOf: url))
    }
}

/// |a − b| ≤ tolerance · max(1, |b|) elementwise, and equal lengths.
func isClose(_ a: [Double], _ b: [Double], relative tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}
