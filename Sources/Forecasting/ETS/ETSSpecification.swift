import TimeSeriesCore

extension ETS {
    /// Which ETS models to consider and which parameters to hold fixed.
    ///
    /// Each component lists its candidates; one candidate each names a single model, several
    /// make a choice by the information criterion (R `forecast::ets(model = "ZZZ")`).
    /// Candidates that do not suit the data are dropped, as R does: multiplicative error or
    /// season only for strictly positive data; seasonal models only when the period is
    /// between 2 and 24 and the series is longer than one period; additive error is not
    /// paired with a multiplicative season (`restrict = TRUE`).
    public struct Specification: Sendable, Hashable {
        public enum Criterion: String, Sendable, Hashable, CaseIterable {
            case aic, aicc, bic
        }

        public var errors: [ErrorType]
        public var trends: [TrendType]
        public var seasons: [SeasonType]
        /// Smoothing parameters to hold at a given value instead of estimating them.
        public var alpha: Double?
        public var beta: Double?
        public var gamma: Double?
        public var phi: Double?
        /// The criterion that ranks candidates (AICc by default, as R and statsforecast).
        public var criterion: Criterion
        /// Simulated sample paths for the intervals of models without an analytic variance.
        public var simulationPaths: Int
        /// Seed of the simulation, so that intervals are reproducible.
        public var seed: UInt64
        /// Search β in [10⁻⁴, α₀] and γ in [10⁻⁴, 1 − α₀], α₀ the starting α (0.2/m), as
        /// statsforecast does; false searches the whole usual region as R does.
        public var restrainedSearch: Bool = true

        public init(
            errors: [ErrorType] = ErrorType.allCases, trends: [TrendType] = TrendType.allCases,
            seasons: [SeasonType] = SeasonType.allCases, alpha: Double? = nil, beta: Double? = nil,
            gamma: Double? = nil, phi: Double? = nil, criterion: Criterion = .aicc,
            simulationPaths: Int = 5000, seed: UInt64 = 20_080_601
        ) {
            (self.errors, self.trends, self.seasons, self.alpha, self.beta) = (errors, trends, seasons, alpha, beta)
            (self.gamma, self.phi, self.criterion, self.simulationPaths) = (gamma, phi, criterion, simulationPaths)
            self.seed = seed
        }

        /// One fixed model.
        public init(_ form: Form) {
            self.init(errors: [form.error], trends: [form.trend], seasons: [form.season])
        }

        /// R's model strings: three letters for error, trend and season, `Z` for "choose",
        /// and `d` after the trend for damping: `ZZZ`, `MAdM`, `AAN`, `ZAdZ`.
        public init(code: String) throws {
            var chars = Array(code.uppercased())
            var damped = false
            if chars.count == 4, chars[2] == "D" {
                damped = true
                chars.remove(at: 2)
            }
            guard chars.count == 3 else {
                throw ForecastingError(
                    .invalidArgument, "an ETS model code has three letters (e.g. ZZZ, MAdM), got '\(code)'")
            }
            func bad() -> ForecastingError {
                ForecastingError(
                    .invalidArgument,
                    "cannot read the ETS model code '\(code)': use A, M or Z for the error, N, A, Ad or Z for the trend, N, A, M or Z for the season"
                )
            }
            // `Z`: every case; otherwise the case of that letter.
            func choices<T: CaseIterable & RawRepresentable<String>>(_ c: Character) throws -> [T] {
                if c == "Z" { return Array(T.allCases) }
                guard let one = T(rawValue: String(c)) else { throw bad() }
                return [one]
            }
            let errors: [ErrorType] = try choices(chars[0])
            let trends: [TrendType]
            switch (chars[1], damped) {
            case ("Z", false): trends = TrendType.allCases
            case ("Z", true): trends = [.additiveDamped]
            case ("N", false): trends = [.none]
            case ("A", false): trends = [.additive]
            case ("A", true): trends = [.additiveDamped]
            default: throw bad()
            }
            let seasons: [SeasonType] = try choices(chars[2])
            self.init(errors: errors, trends: trends, seasons: seasons)
        }

        /// Every admissible model, the best by AICc (R `ets(y)`, statsforecast `AutoETS()`).
        public static let automatic = Specification()
        /// Simple exponential smoothing, ETS(A,N,N).
        public static let simple = Specification(Form(error: .additive, trend: .none, season: .none))
        /// Holt's linear trend, ETS(A,A,N).
        public static let holt = Specification(Form(error: .additive, trend: .additive, season: .none))
        /// Gardner–McKenzie damped trend, ETS(A,Ad,N).
        public static let damped = Specification(Form(error: .additive, trend: .additiveDamped, season: .none))
        /// Additive Holt–Winters, ETS(A,A,A) (R `hw()`); without a season it becomes Holt's method.
        public static let holtWinters = Specification(Form(error: .additive, trend: .additive, season: .additive))

        /// True when the specification names one model.
        public var isSingleModel: Bool { errors.count == 1 && trends.count == 1 && seasons.count == 1 }
    }
}
