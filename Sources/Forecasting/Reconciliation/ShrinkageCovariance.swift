import Foundation
import TimeSeriesCore

/// The Schäfer–Strimmer shrinkage of a sample covariance toward its diagonal, as
/// hierarchicalforecast's MinT shrink computes it (C++ `_shrunk_covariance_schaferstrimmer_no_nans`).
///
/// Schäfer & Strimmer (2005), "A shrinkage approach to large-scale covariance matrix estimation",
/// Stat. Appl. Genet. Mol. Biol. 4(1), target D ("diagonal, unequal variance"): the correlations
/// are shrunk toward 0 and the variances kept,
///
///   W_ii = s_ii,  W_ij = (1 − λ)·s_ij (i ≠ j),
///   λ = Σ_{i≠j} Var(r̂_ij) / Σ_{i≠j} r̂_ij², clamped to [0, 1],
///
/// with s the sample covariance (divisor T − 1). On the residuals x_i centred and scaled by
/// 1/(σ_i + ε) (σ_i the population standard deviation, ε = 2·10⁻⁸), with w_ijt = x_it·x_jt and
/// w̄_ij their mean over t, hierarchicalforecast computes
///
///   λ = [Σ_{i<j} Σ_t (w_ijt − w̄_ij)² / (T(T − 1))] / [Σ_{i<j} w̄_ij² + ε],
///
/// which is Schäfer & Strimmer's λ* (eq. 8 with their Var(r̂) = T/(T − 1)³·Σ_t(w − w̄)² and
/// r̂ = T/(T − 1)·w̄) but for the two ε. Then W_ii = max(W_ii, ridge) keeps W positive definite
/// when a series has (nearly) constant residuals.
public struct ShrinkageCovariance: Sendable, Equatable {
    /// W, n × n, symmetric.
    public let matrix: [[Double]]
    /// The shrinkage intensity λ ∈ [0, 1] (1: W is diagonal).
    public let intensity: Double

    /// hierarchicalforecast's ε (in the scale and in λ's denominator).
    static let epsilon = 2e-8

    /// Estimates W from `residuals` (n series × T observations, T ≥ 2, finite).
    public init(residuals: [[Double]], ridge: Double = 2e-8) throws {
        let n = residuals.count
        guard let t = residuals.first?.count, residuals.allSatisfy({ $0.count == t }) else {
            throw ForecastingError(.invalidArgument, "the residuals of every series must have the same length")
        }
        try ArgumentCheck.observations(t, atLeast: 2, "the shrinkage covariance", " (residuals per series)")
        for row in residuals { try ArgumentCheck.finite(row, "the residuals have") }
        let tt = Double(t)
        var centred = residuals
        var inverseScale = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let mean = residuals[i].reduce(0, +) / tt
            centred[i] = residuals[i].map { $0 - mean }
            let ss = centred[i].reduce(0) { $0 + $1 * $1 }
            inverseScale[i] = 1 / ((ss / tt).squareRoot() + Self.epsilon)
        }
        var w = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var sumVariance = 0.0
        var sumSquares = 0.0
        for i in 0..<n {
            for j in 0...i {
                var cov = 0.0
                var covSquares = 0.0
                for k in 0..<t {
                    let c = centred[i][k] * centred[j][k]
                    cov += c
                    covSquares += c * c
                }
                w[i][j] = cov / (tt - 1)
                w[j][i] = w[i][j]
                if i != j {
                    let mean = cov / tt
                    let s = inverseScale[i] * inverseScale[j]
                    sumVariance += s * s * (covSquares - tt * mean * mean)
                    sumSquares += (s * mean) * (s * mean)
                }
            }
        }
        let lambda = min(max(sumVariance / (tt * (tt - 1)) / (sumSquares + Self.epsilon), 0), 1)
        for i in 0..<n {
            for j in 0..<i {
                w[i][j] *= 1 - lambda
                w[j][i] = w[i][j]
            }
            w[i][i] = max(w[i][i], ridge)
        }
        matrix = w
        intensity = lambda
    }
}
