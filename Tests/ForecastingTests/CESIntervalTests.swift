import Foundation
import Testing
@testable import Forecasting

/// The h-step standard errors of CES against the state-space form written out independently:
/// xₜ = F xₜ₋L + g eₜ, yₜ = w′xₜ₋L + eₜ, so ψ_{h,j} = w′F^(h−j−1)g for N, and the variance is
/// σ²(1 + Σ ψ²) (Svetunkov, Kourentzes & Ord 2022, §2.2; Hyndman et al. 2008, §6.1).
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
        let a0 = model.parameters.alpha0, a1 = model.parameters.alpha1
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

    /// For the seasonal forms, the standard errors agree with the spread of simulated paths:
    /// innovations drawn from N(0, σ²) (seeded) fed through the recursion from the final states.
    @Test(arguments: [CES.Seasonality.simple, .partial, .full])
    func seasonalStandardErrorsMatchSimulation(form: CES.Seasonality) throws {
        let ref = try CESReference.series("N1500")
        let model = try CESModel.fit(ref.y, period: ref.period, seasonality: form)
        let h = 18
        let analytic = model.forecast(horizon: h)
        let recursion = CESRecursion(seasonality: form, lag: model.period, parameters: model.parameters)
        var generator = SeededGenerator(seed: 20221)
        let paths = 4000
        let sigma = model.sigma2.squareRoot()
        var sum = [Double](repeating: 0, count: h), sumSquares = [Double](repeating: 0, count: h)
        var states = [Double](repeating: 0, count: (model.period + h) * form.components)
        for _ in 0..<paths {
            for k in 0..<states.count { states[k] = k < model.finalStates.count ? model.finalStates[k] : 0 }
            states.withUnsafeMutableBufferPointer { sb in
                for k in 0..<h {
                    let y = recursion.forecast(sb.baseAddress!, row: model.period + k) + sigma * generator.nextNormal()
                    recursion.update(sb.baseAddress!, row: model.period + k, observation: y)
                    sum[k] += y
                    sumSquares[k] += y * y
                }
            }
        }
        for k in 0..<h {
            let mean = sum[k] / Double(paths)
            let sd = (sumSquares[k] / Double(paths) - mean * mean).squareRoot()
            // The standard error of a sample standard deviation is about sd/√(2·paths) ≈ 1.1 %.
            #expect(abs(sd - analytic.standardErrors[k]) <= 0.05 * analytic.standardErrors[k], "\(form) step \(k + 1)")
            #expect(abs(mean - analytic.mean[k]) <= 0.1 * analytic.standardErrors[k], "\(form) step \(k + 1) mean")
        }
    }
}
