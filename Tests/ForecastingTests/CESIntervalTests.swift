import Foundation
import Testing

@testable import Forecasting

/// The h-step standard errors of CES against the state-space form written out independently:
/// xₜ = F xₜ₋₁ + g eₜ, yₜ = w′xₜ₋₁ + eₜ, so ψ_{h,j} = w′F^(h−j−1)g and the variance is
/// σ²(1 + Σ ψ²) (Svetunkov, Kourentzes & Ord 2022, §2–3; Hyndman et al. 2008, §6.1). For N the
/// matrices are written here; for every form (the seasonal ones stack the last m periods' states)
/// in scripts/fixtures/ces_state_space_variance.py.
@Suite struct CESIntervalTests {
    static func matrixPower(_ a: [[Double]], _ k: Int) -> [[Double]] {
        var result = [[1.0, 0], [0, 1]]
        for _ in 0..<k {
            result = (0..<2).map { i in (0..<2).map { j in result[i][0] * a[0][j] + result[i][1] * a[1][j] } }
        }
        return result
    }

    @Test(arguments: ["N0001", "N0500", "N3000"])
    func nonSeasonalStandardErrorsFollowTheTransitionMatrix(id: String) throws {
        let ref = try CESReference.series(id)
        let model = try CESModel.fit(ref.y, period: 1, seasonality: .none)
        let a0 = model.parameters.alpha0
        let a1 = model.parameters.alpha1
        let transition = [[1, -(1 - a1)], [1, 1 - a0]]
        let g = [a0 - a1, a0 + a1]
        let h = 12
        let se = model.forecast(horizon: h).standardErrors
        for step in 1...h {
            var v = 1.0
            for lagAhead in 0..<(step - 1) {
                let p = Self.matrixPower(transition, lagAhead)
                let psi = p[0][0] * g[0] + p[0][1] * g[1]
                v += psi * psi
            }
            let expected = (model.sigma2 * v).squareRoot()
            #expect(abs(se[step - 1] - expected) <= 1e-10 * expected, "\(id) step \(step)")
        }
    }

    /// The h-step variance multipliers v_h = 1 + Σ_{j<h} (w′F^(j−1)g)² of each form (N, S, P, F),
    /// computed with numpy from CES's state-space matrices written out by hand, at statsforecast's
    /// constants (Fixtures/ces_variance.json, scripts/fixtures/ces_state_space_variance.py).
    struct VarianceReference: Decodable {
        struct Case: Decodable {
            var series: String
            var seasonality: String
            var period: Int
            var parameters: [String: Double]
            var multipliers: [Double]
        }
        var source: String
        var cases: [Case]

        static func load() throws -> VarianceReference {
            let url = try #require(
                Bundle.module.url(
                    forResource: "ces_variance", withExtension: "json",
                    subdirectory: "Fixtures"))
            return try JSONDecoder().decode(VarianceReference.self, from: Data(contentsOf: url))
        }
    }

    /// σ·√v_h from the state-space matrices is the standard error of every form at every step
    /// (three seasons and more), the model run at the fixture's constants on the same series.
    @Test func standardErrorsFollowTheStateSpaceMatricesOfEveryForm() throws {
        let reference = try VarianceReference.load()
        #expect(Set(reference.cases.map(\.seasonality)) == ["N", "S", "P", "F"])
        for c in reference.cases {
            let ref = try CESReference.series(c.series)
            let form = try #require(CES.Seasonality(rawValue: c.seasonality))
            #expect(c.period == ref.period)
            let parameters = CES.Parameters(
                alpha0: c.parameters["alpha_0"] ?? .nan, alpha1: c.parameters["alpha_1"] ?? .nan,
                beta0: c.parameters["beta_0"], beta1: c.parameters["beta_1"])
            let model = try CESModel(ref.y, period: ref.period, seasonality: form, parameters: parameters)
            let se = model.forecast(horizon: c.multipliers.count).standardErrors
            for (k, v) in c.multipliers.enumerated() {
                let expected = (model.sigma2 * v).squareRoot()
                #expect(abs(se[k] - expected) <= 1e-10 * expected, "\(c.series) \(c.seasonality) step \(k + 1)")
            }
        }
    }
}
