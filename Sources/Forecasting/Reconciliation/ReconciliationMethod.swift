/// How a `Reconciler` weighs the base forecasts: the W of P = (Sᵀ·W⁻¹·S)⁻¹·Sᵀ·W⁻¹, or bottom-up.
///
/// The MinT family follows Wickramasuriya, Athanasopoulos & Hyndman (2019), "Optimal forecast
/// reconciliation for hierarchical and grouped time series through trace minimization", JASA
/// 114(526), 804–819: with W the covariance of the base forecast errors, S·P is the coherent,
/// unbiased reconciliation of least total error variance. The estimates of W are those of
/// Nixtla's hierarchicalforecast (`MinTrace`, methods.py), whose numbers muavu matches.
public enum ReconciliationMethod: Sendable, Equatable {
    /// The bottom series' base forecasts, summed: P = [0 | I_m] (Orcutt, Watts & Edwards 1968,
    /// "Data aggregation and information loss", AER 58). Ignores the aggregates' forecasts;
    /// best when the bottom series are well measured and forecast.
    case bottomUp
    /// W = I: the orthogonal projection onto the coherent subspace (Hyndman et al. 2011, CSDA
    /// 55(9)). Treats every series' errors alike, whatever its scale.
    case ols
    /// W = diag(S·1), the number of bottom series under each series (Athanasopoulos et al.
    /// 2017, EJOR 262(1)): structural scaling, for when no residuals are at hand.
    case wlsStructural
    /// W = diag(Σ_t e_it² / T + 2·10⁻⁸): the in-sample mean squared residual of each series
    /// (not centred; hierarchicalforecast's `wls_var`, with its ridge 2·10⁻⁸).
    case wlsVariance
    /// W = the Schäfer–Strimmer shrinkage of the residuals' sample covariance toward its
    /// diagonal (`ShrinkageCovariance`; hierarchicalforecast's `mint_shrink`), with
    /// W_ii = max(W_ii, ridge). Uses the residuals' correlations; needs T ≥ 2 residuals.
    case minTraceShrink(ridge: Double = 2e-8)
    /// MinT with a W given by the caller (n × n, rows in `Hierarchy.names` order).
    case minTrace(weights: [[Double]])

    /// hierarchicalforecast's name of the method.
    public var name: String {
        switch self {
        case .bottomUp: "BottomUp"
        case .ols: "MinTrace_method-ols"
        case .wlsStructural: "MinTrace_method-wls_struct"
        case .wlsVariance: "MinTrace_method-wls_var"
        case .minTraceShrink: "MinTrace_method-mint_shrink"
        case .minTrace: "MinTrace"
        }
    }

    /// The methods a user names (`muavu reconcile --method`, a publish configuration's
    /// hierarchy), with their defaults, in that order.
    public static let named: [(name: String, method: ReconciliationMethod)] = [
        ("bottom-up", .bottomUp), ("ols", .ols), ("wls-structural", .wlsStructural), ("wls-variance", .wlsVariance),
        ("mint-shrink", .minTraceShrink()),
    ]

    /// The method `name` names (`named`), nil for another name.
    public init?(named name: String) {
        guard let m = Self.named.first(where: { $0.name == name }) else { return nil }
        self = m.method
    }

    /// Whether W is estimated from in-sample residuals.
    public var needsResiduals: Bool {
        switch self {
        case .wlsVariance, .minTraceShrink: true
        default: false
        }
    }
}
