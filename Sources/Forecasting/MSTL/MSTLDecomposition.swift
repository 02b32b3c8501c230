import TimeSeriesCore

/// MSTL: multiple seasonal-trend decomposition by LOESS (Bandara, Hyndman & Bergmeir 2021,
/// "MSTL: A seasonal-trend decomposition algorithm for time series with multiple seasonal
/// patterns", arXiv:2107.13462; R `forecast::mstl`, statsforecast `mstl`).
///
///     yₜ = Tₜ + S⁽¹⁾ₜ + … + S⁽ᵏ⁾ₜ + Rₜ,   periods m₁ < … < mₖ
///
/// Starting from S⁽ⁱ⁾ = 0 and the deseasonalised series D = y, each of `iterations` sweeps
/// visits the periods from the shortest: D ← D + S⁽ⁱ⁾, S⁽ⁱ⁾ ← the seasonal component of
/// `STL(D, mᵢ)` with seasonal window n_s⁽ⁱ⁾, D ← D − S⁽ⁱ⁾. The trend T is that of the last STL
/// fit, and R = D − T. With one period a single sweep is made. Seasonal windows default to
/// 7 + 4i (11, 15, 19, …), each STL has a constant seasonal LOESS, and two sweeps are made, as in
/// R and statsforecast; Box-Cox is not applied (statsforecast's default).
public struct MSTLDecomposition: Sendable, Equatable {
    /// How the components are smoothed.
    public struct Settings: Sendable, Equatable, Hashable, Codable {
        /// n_s for each period, shortest period first; nil for 7 + 4i; one value for all periods.
        public var seasonalWindows: [Int]?
        /// Sweeps over the periods (1 when there is a single period).
        public var iterations: Int
        /// Degree of each STL's seasonal LOESS.
        public var seasonalDegree: Int
        /// Inner passes of each STL.
        public var innerIterations: Int
        /// Robust outer runs of each STL (0: none, the default of R and statsforecast).
        public var robustIterations: Int

        public init(
            seasonalWindows: [Int]? = nil, iterations: Int = 2, seasonalDegree: Int = 0,
            innerIterations: Int = 5, robustIterations: Int = 0
        ) {
            (self.seasonalWindows, self.iterations, self.seasonalDegree) = (seasonalWindows, iterations, seasonalDegree)
            (self.innerIterations, self.robustIterations) = (innerIterations, robustIterations)
        }

        enum CodingKeys: String, CodingKey {
            case seasonalWindows = "seasonal_windows"
            case iterations
            case seasonalDegree = "seasonal_degree"
            case innerIterations = "inner_iterations"
            case robustIterations = "robust_iterations"
        }

        /// The STL settings for the i-th (0-based) of `count` periods.
        func stl(_ i: Int, of count: Int) throws -> STL.Settings {
            let window: Int
            switch seasonalWindows {
            case nil: window = 7 + 4 * (i + 1)
            case let w? where w.count == 1: window = w[0]
            case let w? where w.count == count: window = w[i]
            case let w?:
                throw ForecastingError(
                    .invalidArgument,
                    "MSTL has \(count) seasonal periods but \(w.count) seasonal windows")
            }
            return STL.Settings(
                seasonalWindow: window, seasonalDegree: seasonalDegree,
                innerIterations: innerIterations, robustIterations: robustIterations)
        }
    }

    /// The seasonal periods decomposed, ascending.
    public var periods: [Int]
    public var settings: Settings
    public var trend: [Double]
    /// One component per period, in the order of `periods`.
    public var seasonal: [[Double]]
    public var remainder: [Double]

    /// The periods MSTL can estimate on `count` observations: those of at least 2 that fit twice
    /// into the series (R `mstl` keeps mᵢ < n/2), ascending and without repeats.
    public static func usablePeriods(_ periods: [Int], count n: Int) -> [Int] {
        Array(Set(periods.filter { $0 >= 2 && 2 * $0 < n })).sorted()
    }

    /// The most smoothing passes one decomposition may run (sweeps × periods × outer runs × inner
    /// passes): 20 with the defaults, 128 for a robust decomposition of two seasons.
    public static let maximumPasses = 600

    /// Decomposes `y` (finite values) at `periods` (each at least 2 and below n/2).
    public init(_ y: [Double], periods: [Int], settings: Settings = Settings()) throws {
        let n = y.count
        let sorted = periods.sorted()
        guard !sorted.isEmpty, sorted == MSTLDecomposition.usablePeriods(sorted, count: n) else {
            throw ForecastingError(
                .invalidArgument,
                "MSTL needs distinct seasonal periods of at least 2 and below half the "
                    + "\(n) observations, got \(periods)")
        }
        guard (1...100).contains(settings.iterations) else {
            throw ForecastingError(
                .invalidArgument,
                "MSTL iterations must be between 1 and 100, got \(settings.iterations)")
        }
        let stlSettings = try sorted.indices.map { try settings.stl($0, of: sorted.count) }
        // Each pass is a smoothing over every observation; a saved model's settings may not ask
        // for more passes than a robust decomposition of several seasons needs (statsmodels'
        // robust STL: 16 outer runs of 2 inner passes).
        let sweeps = sorted.count == 1 ? 1 : settings.iterations
        let passes = sweeps * sorted.count * (settings.robustIterations + 1) * settings.innerIterations
        guard passes <= MSTLDecomposition.maximumPasses else {
            throw ForecastingError(
                .invalidArgument,
                "MSTL settings ask for \(passes) smoothing passes (sweeps × periods × (robust runs + 1) "
                    + "× inner passes); at most \(MSTLDecomposition.maximumPasses)")
        }
        var seasonal = [[Double]](repeating: [Double](repeating: 0, count: n), count: sorted.count)
        var deseasonalised = y
        var trend = [Double](repeating: 0, count: n)
        for _ in 0..<sweeps {
            for (i, m) in sorted.enumerated() {
                for t in 0..<n { deseasonalised[t] += seasonal[i][t] }
                let fit = try STL(deseasonalised, period: m, settings: stlSettings[i])
                seasonal[i] = fit.seasonal
                for t in 0..<n { deseasonalised[t] -= seasonal[i][t] }
                trend = fit.trend
            }
        }
        self.periods = sorted
        self.settings = settings
        self.trend = trend
        self.seasonal = seasonal
        remainder = zip(deseasonalised, trend).map { $0 - $1 }
    }

    /// The seasonally adjusted series Tₜ + Rₜ, which the trend forecaster models.
    public var adjusted: [Double] { zip(trend, remainder).map { $0 + $1 } }

    /// The last cycle of each seasonal component (mᵢ values, oldest first): what its
    /// seasonal-naive continuation repeats.
    public var lastCycles: [[Double]] {
        zip(periods, seasonal).map { m, s in Array(s.suffix(m)) }
    }

    /// Σᵢ S⁽ⁱ⁾ continued h steps by seasonal naive: step j (1-based) repeats
    /// S⁽ⁱ⁾ₙ₋ₘᵢ₊((j−1) mod mᵢ)+1.
    public static func seasonalForecast(lastCycles: [[Double]], horizon h: Int) -> [Double] {
        (0..<h).map { j in lastCycles.reduce(0) { $0 + $1[j % $1.count] } }
    }
}
