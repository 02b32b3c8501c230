import TimeSeriesCore

/// The exponential-smoothing state-space family ETS(error, trend, season).
///
/// Hyndman, R. J., Koehler, A. B., Ord, J. K. & Snyder, R. D. (2008). *Forecasting with
/// Exponential Smoothing: The State Space Approach*. Springer (HKOS below). Hyndman, R. J.,
/// Koehler, A. B., Snyder, R. D. & Grose, S. (2002). A state space framework for automatic
/// forecasting using exponential smoothing methods. International Journal of Forecasting 18,
/// 439–454.
///
/// `ETS` is the forecaster (automatic selection by AICc, as R `forecast::ets` and
/// statsforecast `AutoETS`, or one model named by an `ETS.Specification`); `ETS.Model` is a
/// fitted model; `ETS.Form` names one member of the family, e.g. ETS(M,Ad,M).
public struct ETS: Forecaster {
    /// Which models to fit and which parameters to hold.
    public var specification: Specification
    private var registryName: String

    /// How the error enters: additive (yₜ = μₜ + εₜ) or multiplicative (yₜ = μₜ(1 + εₜ)).
    public enum ErrorType: String, Sendable, Codable, CaseIterable, Hashable {
        case additive = "A"
        case multiplicative = "M"
    }

    /// The trend: none, additive (Holt) or additive damped (Gardner & McKenzie 1985).
    /// The multiplicative trends are left out, as R and statsforecast do by default.
    public enum TrendType: String, Sendable, Codable, CaseIterable, Hashable {
        case none = "N"
        case additive = "A"
        case additiveDamped = "Ad"
    }

    /// The season: none, additive or multiplicative.
    public enum SeasonType: String, Sendable, Codable, CaseIterable, Hashable {
        case none = "N"
        case additive = "A"
        case multiplicative = "M"
    }

    /// One member of the family.
    public struct Form: Sendable, Codable, Hashable, CustomStringConvertible {
        public var error: ErrorType
        public var trend: TrendType
        public var season: SeasonType

        public init(error: ErrorType, trend: TrendType, season: SeasonType) {
            self.error = error
            self.trend = trend
            self.season = season
        }

        /// Parses a code such as `ANN`, `AAdN`, `MAdM` (R's notation with `d` for damping).
        public init?(code: String) {
            var chars = Array(code.uppercased())
            guard chars.count == 3 || chars.count == 4 else { return nil }
            var damped = false
            if chars.count == 4 {
                guard chars[2] == "D" else { return nil }
                damped = true
                chars.remove(at: 2)
            }
            guard let e = ErrorType(rawValue: String(chars[0])),
                let s = SeasonType(rawValue: String(chars[2]))
            else { return nil }
            let t: TrendType
            switch (chars[1], damped) {
            case ("N", false): t = .none
            case ("A", false): t = .additive
            case ("A", true): t = .additiveDamped
            default: return nil
            }
            self.init(error: e, trend: t, season: s)
        }

        /// `ETS(M,Ad,M)`.
        public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue))" }
        /// `MAdM`.
        public var code: String { error.rawValue + trend.rawValue + season.rawValue }

        var hasTrend: Bool { trend != .none }
        var isDamped: Bool { trend == .additiveDamped }
        var hasSeason: Bool { season != .none }

        /// Class 1 of HKOS Table 6.1: linear homoscedastic models (additive error, no
        /// multiplicative component), whose forecast variance has a closed form.
        var isLinear: Bool { error == .additive && season != .multiplicative }
        /// Class 2: multiplicative error with a linear mean structure (HKOS §6.3).
        var isClassTwo: Bool { error == .multiplicative && season != .multiplicative }
    }
}

extension ETS {
    /// The registry name (`ets`, `ses`, `holt`, `damped`, `holt-winters`).
    public var name: String { registryName }

    public init(_ specification: Specification = .automatic, name: String = "ets") {
        self.specification = specification
        self.registryName = name
    }
}
