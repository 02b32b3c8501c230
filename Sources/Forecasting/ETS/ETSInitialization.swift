import Foundation
import LinearAlgebra
import TimeSeriesCore

/// Starting values of the states, from the heuristic of HKOS §2.6.1 as implemented by R
/// `forecast::ets` (`initstate`); the optimiser then refines them jointly with the smoothing
/// parameters.
///
/// - Season: with at least three full cycles, the classical decomposition of the whole series
///   (centred 2×m moving average, seasonal indices averaged by position and normalised);
///   with fewer, a regression on a trend and one Fourier pair, y ~ 1 + t + sin(2πt/m) +
///   cos(2πt/m). Multiplicative indices are floored at 0.01.
/// - Level and slope: a straight line fitted to the first max(10, 2m) seasonally adjusted
///   values (level only: their mean).
///
/// Returns the free states: ℓ₀, b₀ (with trend), then s₀, s₋₁, …, s₋ₘ₊₂ (the last seasonal
/// state follows from the normalisation Σs = 0 or Σs = m).
enum ETSInitialization {
    static func states(_ y: [Double], form: ETS.Form, period: Int) throws -> [Double] {
        let n = y.count
        var adjusted = y
        var seasonalStates: [Double] = []
        let m = form.hasSeason ? period : 1
        if form.hasSeason {
            try ArgumentCheck.observations(n, atLeast: 4, "a seasonal ETS model")
            let multiplicative = form.season == .multiplicative
            var seasonal = [Double](repeating: 0, count: n)
            if n < 3 * m {
                // Trend plus one Fourier pair; sin(πt) vanishes when m = 2.
                var columns: [[Double]] = [Array(repeating: 1, count: n), (1...n).map(Double.init)]
                let w = 2 * Double.pi / Double(m)
                if m > 2 { columns.append((1...n).map { sin(w * Double($0)) }) }
                columns.append((1...n).map { cos(w * Double($0)) })
                guard let coef = SmallSystems.gramSchmidtLeastSquares(columns, y) else {
                    throw ForecastingError(.fitFailed, "could not fit the starting seasonal pattern")
                }
                for t in 0..<n {
                    let line = coef[0] + coef[1] * Double(t + 1)
                    seasonal[t] = multiplicative ? y[t] / line : y[t] - line
                }
            } else {
                let decomposition = try ClassicalDecomposition(
                    y, period: m, kind: multiplicative ? .multiplicative : .additive)
                for t in 0..<n { seasonal[t] = decomposition.seasonalIndex(at: t) }
            }
            seasonalStates = (1..<m).reversed().map { seasonal[$0] }
            if multiplicative {
                seasonalStates = seasonalStates.map { max($0, 1e-2) }
                let total = seasonalStates.reduce(0, +)
                if total > Double(m) {
                    let divisor = seasonalStates.reduce(0) { $0 + $1 + 1e-2 }
                    seasonalStates = seasonalStates.map { $0 / divisor }
                }
                for t in 0..<n { adjusted[t] = y[t] / max(seasonal[t], 1e-2) }
            } else {
                for t in 0..<n { adjusted[t] = y[t] - seasonal[t] }
            }
        }
        let maxn = min(max(10, 2 * m), n)
        var result: [Double]
        if form.hasTrend {
            // Least-squares line through (1, a₁), …, (maxn, a_maxn), centred for accuracy.
            let tMean = Double(maxn + 1) / 2
            var aMean = 0.0
            for t in 0..<maxn { aMean += adjusted[t] }
            aMean /= Double(maxn)
            var sxy = 0.0
            var sxx = 0.0
            for t in 0..<maxn {
                let dt = Double(t + 1) - tMean
                sxy += dt * (adjusted[t] - aMean)
                sxx += dt * dt
            }
            var b0 = sxx > 0 ? sxy / sxx : 0
            var l0 = aMean - b0 * tMean
            // A multiplicative error cannot start from a zero first forecast.
            if abs(l0 + b0) < 1e-8 {
                l0 *= 1 + 1e-3
                b0 *= 1 - 1e-3
            }
            result = [l0, b0]
        } else {
            var s = 0.0
            for t in 0..<maxn { s += adjusted[t] }
            result = [s / Double(maxn)]
        }
        result.append(contentsOf: seasonalStates)
        return result
    }
}
