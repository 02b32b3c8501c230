import Foundation

/// The state recursion of Complex Exponential Smoothing, shared by estimation and forecasting.
///
/// Svetunkov, I., Kourentzes, N. & Ord, J. K. (2022). Complex exponential smoothing. Naval
/// Research Logistics 69(8), 1108–1123, §2–3. The level ℓ and its "information potential" c
/// form the complex state ℓ + ic, smoothed with the complex constant α₀ + iα₁. With the
/// one-step forecast ŷₜ and error eₜ = yₜ − ŷₜ, for lag L (1, or m for the simple seasonal form):
///
///     ℓₜ = ℓₜ₋L − (1 − α₁) cₜ₋L + (α₀ − α₁) eₜ
///     cₜ = ℓₜ₋L + (1 − α₀) cₜ₋L + (α₀ + α₁) eₜ
///
/// - N (none): ŷₜ = ℓₜ₋₁.
/// - S (simple seasonal): the same recursion at lag m, ŷₜ = ℓₜ₋m.
/// - P (partial): ŷₜ = ℓₜ₋₁ + sₜ₋m with an additive seasonal sₜ = sₜ₋m + β₀ eₜ.
/// - F (full): ŷₜ = ℓₜ₋₁ + sₜ₋m with a second complex pair at lag m and constant β₀ + iβ₁:
///   sₜ = sₜ₋m − (1 − β₁) dₜ₋m + (β₀ − β₁) eₜ,  dₜ = sₜ₋m + (1 − β₀) dₜ₋m + (β₀ + β₁) eₜ.
///
/// The states live row by row in one flat buffer (row r holds the `components` values of one
/// time); rows 0..<L are the states before the first observation.
struct CESRecursion {
    let seasonality: CES.Seasonality
    /// The seasonal lag L: m for the seasonal forms, 1 for N.
    let lag: Int
    let components: Int
    let alpha0: Double, alpha1: Double, beta0: Double, beta1: Double

    init(seasonality: CES.Seasonality, lag: Int, parameters p: CES.Parameters) {
        self.seasonality = seasonality
        self.lag = lag
        self.components = seasonality.components
        alpha0 = p.alpha0
        alpha1 = p.alpha1
        beta0 = p.beta0 ?? 0
        beta1 = p.beta1 ?? 0
    }

    /// The one-step forecast of row `i` from the rows before it.
    @inline(__always)
    func forecast(_ s: UnsafeMutablePointer<Double>, row i: Int) -> Double {
        let c = components
        switch seasonality {
        case .none: return s[(i - 1) * c]
        case .simple: return s[(i - lag) * c]
        case .partial, .full: return s[(i - 1) * c] + s[(i - lag) * c + 2]
        }
    }

    /// Writes row `i` from observation `y` and returns the one-step error.
    @inline(__always)
    @discardableResult
    func update(_ s: UnsafeMutablePointer<Double>, row i: Int, observation y: Double) -> Double {
        let c = components
        let from = seasonality == .simple ? i - lag : i - 1
        let level = s[from * c]
        let potential = s[from * c + 1]
        var e = y - level
        if seasonality == .partial || seasonality == .full { e -= s[(i - lag) * c + 2] }
        s[i * c] = level - (1 - alpha1) * potential + (alpha0 - alpha1) * e
        s[i * c + 1] = level + (1 - alpha0) * potential + (alpha0 + alpha1) * e
        switch seasonality {
        case .partial:
            s[i * c + 2] = s[(i - lag) * c + 2] + beta0 * e
        case .full:
            let season = s[(i - lag) * c + 2]
            let seasonPotential = s[(i - lag) * c + 3]
            s[i * c + 2] = season - (1 - beta1) * seasonPotential + (beta0 - beta1) * e
            s[i * c + 3] = season + (1 - beta0) * seasonPotential + (beta0 + beta1) * e
        case .none, .simple:
            break
        }
        return e
    }

    /// One pass through the n observations (in reverse order when `reversed`), writing rows
    /// L..<n+L, then L further rows of zero-error forecasts. Returns Σe²; stores the errors
    /// in `errors` when given.
    func pass(
        _ y: UnsafeBufferPointer<Double>, states s: UnsafeMutablePointer<Double>, reversed: Bool,
        errors: UnsafeMutablePointer<Double>? = nil
    ) -> Double {
        let n = y.count
        var sse = 0.0
        for i in lag..<(n + lag) {
            let obs = reversed ? y[n - 1 - (i - lag)] : y[i - lag]
            let e = update(s, row: i, observation: obs)
            errors?[i - lag] = e
            sse += e * e
        }
        for i in (n + lag)..<(n + 2 * lag) {
            update(s, row: i, observation: forecast(s, row: i))
        }
        return sse
    }

    /// Reverses the order of the first `rows` rows.
    func reverseRows(_ s: UnsafeMutablePointer<Double>, rows: Int) {
        let c = components
        var lo = 0
        var hi = rows - 1
        while lo < hi {
            for k in 0..<c { swap(&s[lo * c + k], &s[hi * c + k]) }
            lo += 1
            hi -= 1
        }
    }

    /// Refines the L starting rows by backcasting: a forward pass, then a pass through the
    /// reversed series from the forecasts beyond its end (statsforecast's `cescalc` with
    /// backfitting; R `smooth::ces` also initialises by backcasting). `s` holds n + 2L rows whose
    /// first L are the starting states; on return those first L rows are the states the final
    /// forward pass starts from.
    func backcast(_ y: UnsafeBufferPointer<Double>, states s: UnsafeMutablePointer<Double>) {
        let rows = y.count + 2 * lag
        _ = pass(y, states: s, reversed: false)
        reverseRows(s, rows: rows)
        _ = pass(y, states: s, reversed: true)
        reverseRows(s, rows: rows)
    }

    /// The sum of squared one-step errors of the final forward pass after `backcast`: the
    /// estimation criterion's Σe², allocation-free.
    func backcastSSE(_ y: UnsafeBufferPointer<Double>, states s: UnsafeMutablePointer<Double>) -> Double {
        backcast(y, states: s)
        return pass(y, states: s, reversed: false)
    }
}
