/// Seasonal adjustment before a non-seasonal method, and re-seasonalisation of its forecasts:
/// the M3 procedure of the Theta method and of Naive2 (Assimakopoulos & Nikolopoulos 2000;
/// Makridakis & Hibon 2000), as statsforecast's Theta does it.
///
/// - The series is adjusted only when `SeasonalityTest.isSeasonal` says so (which needs n ≥ 2m).
///   statsforecast tests only periods m ≥ 4; this tests any m ≥ 2, so that crop seasons (m = 3)
///   are adjusted too (no difference on M3, whose periods are 1, 4 and 12).
/// - The classical multiplicative decomposition is preferred; it becomes additive when the data
///   are not all positive, or when a multiplicative index falls below 0.01 (a season that would
///   blow up on division).
/// - Forecasts at future time t are multiplied by (or added to) the index of position t mod m.
public struct SeasonalAdjustment: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case none, additive, multiplicative
    }

    public var kind: Kind
    public var period: Int
    /// The m indices by position t mod m from the first observation; empty when `.none`.
    public var indices: [Double]

    /// No adjustment.
    public static let identity = SeasonalAdjustment(kind: .none, period: 1, indices: [])

    public init(kind: Kind, period: Int, indices: [Double]) {
        self.kind = kind
        self.period = period
        self.indices = indices
    }

    /// Tests `y` for seasonality at `period` and, when seasonal, decomposes it
    /// (multiplicative unless `preferred` is additive or the data forbid it).
    public static func detect(
        _ y: [Double], period: Int,
        preferred: ClassicalDecomposition.Kind = .multiplicative
    ) -> SeasonalAdjustment {
        guard SeasonalityTest.isSeasonal(y, period: period) else { return .identity }
        var kind = preferred
        if kind == .multiplicative, y.contains(where: { $0 <= 0 }) { kind = .additive }
        if kind == .multiplicative,
            let d = try? ClassicalDecomposition(y, period: period, kind: .multiplicative),
            !d.indices.contains(where: { $0 < 0.01 })
        {
            return SeasonalAdjustment(kind: .multiplicative, period: period, indices: d.indices)
        }
        guard let d = try? ClassicalDecomposition(y, period: period, kind: .additive) else { return .identity }
        return SeasonalAdjustment(kind: .additive, period: period, indices: d.indices)
    }

    public var isIdentity: Bool { kind == .none }

    /// The index at time `t` (0-based from the first observation); not used when `.none`.
    public func index(at t: Int) -> Double {
        switch kind {
        case .none: return 0
        case .additive, .multiplicative: return indices[((t % period) + period) % period]
        }
    }

    /// The seasonally adjusted series.
    public func adjust(_ y: [Double]) -> [Double] {
        switch kind {
        case .none: return y
        case .multiplicative: return y.indices.map { y[$0] / index(at: $0) }
        case .additive: return y.indices.map { y[$0] - index(at: $0) }
        }
    }

    /// Puts the season back into values for times `start`, `start+1`, ...
    public func reseasonalize(_ values: [Double], startingAt start: Int) -> [Double] {
        switch kind {
        case .none: return values
        case .multiplicative: return values.indices.map { values[$0] * index(at: start + $0) }
        case .additive: return values.indices.map { values[$0] + index(at: start + $0) }
        }
    }

    /// A note for a model summary, or nil when there is no adjustment.
    public var note: String? {
        switch kind {
        case .none: return nil
        case .additive, .multiplicative:
            return
                "\(kind.rawValue) classical seasonal adjustment (period \(period)): the 90% autocorrelation test found seasonality"
        }
    }
}
