import Foundation

@testable import Forecasting

/// hierarchicalforecast 1.5.3's reconciliation of log-drift base forecasts of GSO paddy
/// production: provinces + rest = Mekong Delta and country, seasons = year
/// (scripts/fixtures/reconciliation_hierarchicalforecast.py).
struct ReconciliationReference: Decodable {
    /// Means and 80/95% bounds, n series × h steps (series in `names` order, aggregates first).
    struct Values: Decodable {
        var mean: [[Double]]
        var lo80: [[Double]]
        var hi80: [[Double]]
        var lo95: [[Double]]
        var hi95: [[Double]]

        func bounds(_ level: Int) -> (lower: [[Double]], upper: [[Double]]) {
            level == 80 ? (lo80, hi80) : (lo95, hi95)
        }
    }

    struct Case: Decodable {
        var name: String
        var bottom: [String]
        var aggregates: [Hierarchy.Aggregate]
        var names: [String]
        var summing: [[Double]]
        var base: Values
        var residuals: [[Double]]
        var minTraceShrinkWeights: [[Double]]
        var methods: [String: Values]

        var hierarchy: Hierarchy { try! Hierarchy(bottom: bottom, aggregates: aggregates) }

        var baseBounds: [LevelBounds] {
            [80, 95].map { LevelBounds(level: $0, lower: base.bounds($0).lower, upper: base.bounds($0).upper) }
        }
    }

    var source: String
    var horizon: Int
    var levels: [Int]
    var cases: [Case]

    static let shared: ReconciliationReference = {
        guard
            let url = Bundle.module.url(
                forResource: "reconciliation_hierarchicalforecast", withExtension: "json",
                subdirectory: "Fixtures/reconciliation"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("missing fixture Fixtures/reconciliation/reconciliation_hierarchicalforecast.json")
        }
        do { return try JSONDecoder().decode(ReconciliationReference.self, from: data) } catch {
            fatalError("bad reconciliation fixture: \(error)")
        }
    }()

    static func `case`(_ name: String) -> Case { shared.cases.first { $0.name == name }! }

    /// The fixture's key of each method.
    static let methods: [(key: String, method: ReconciliationMethod)] = [
        ("bottomUp", .bottomUp), ("ols", .ols), ("wlsStructural", .wlsStructural),
        ("wlsVariance", .wlsVariance), ("minTraceShrink", .minTraceShrink()),
    ]
}

/// The largest |a − b| / max(1, |b|) over two n × h tables (absolute below 1, relative above).
func reconciliationDifference(_ a: [[Double]], _ b: [[Double]]) -> Double {
    precondition(a.count == b.count && zip(a, b).allSatisfy { $0.count == $1.count }, "shapes differ")
    return zip(a, b).flatMap { zip($0, $1).map { abs($0 - $1) / max(1, abs($1)) } }.max() ?? 0
}
