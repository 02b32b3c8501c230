import Forecasting
import Testing

/// `BacktestPreference.order`, the one model-ordering rule of `muavu outlook` and `muavu
/// publish`: lowest backtest RMSE first, ties and unscored candidates (nil) in the given order.
@Suite struct PreferenceOrderTests {
    @Test(arguments: [
        ([3.0, 1.0, 2.0] as [Double?], [1, 2, 0]),
        ([2.0, 1.0, 2.0, 1.0], [1, 3, 0, 2]),
        ([nil, 5.0, nil, 4.0], [3, 1, 0, 2]),
        ([nil, nil, nil], [0, 1, 2]),
        ([7.0], [0]),
        ([], []),
        ([0.0, -0.0, 0.0], [0, 1, 2]),
        ([.infinity, 1e300, nil], [1, 0, 2]),
    ])
    func handMadeCases(_ rmse: [Double?], _ expected: [Int]) {
        #expect(BacktestPreference.order(rmse) == expected)
    }

    /// The rule's properties on many pseudo-random score lists (a fixed linear congruential
    /// sequence, scores drawn from a few values so that ties and nils are common).
    @Test func orderingRulesHoldOnGeneratedScores() {
        var state: UInt64 = 20_261_129
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<500 {
            let rmse: [Double?] = (0..<next(9)).map { _ in
                let k = next(5)
                return k == 0 ? nil : Double(k)
            }
            let order = BacktestPreference.order(rmse)
            // A permutation of the candidates.
            #expect(order.sorted() == Array(rmse.indices), "\(rmse)")
            for (a, b) in zip(order, order.dropFirst()) {
                switch (rmse[a], rmse[b]) {
                case (let x?, let y?):
                    // Lower RMSE first; equal RMSE in the given order.
                    #expect(x < y || (x == y && a < b), "\(rmse): \(order)")
                case (nil, _?):
                    Issue.record("\(rmse): an unscored candidate before a scored one: \(order)")
                case (nil, nil):
                    #expect(a < b, "\(rmse): \(order)")
                case (_?, nil):
                    break
                }
            }
        }
    }
}
