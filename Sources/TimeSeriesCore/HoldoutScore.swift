/// How a method did on a holdout of the series' own last observations, the holdout behind
/// calibrated intervals (`HoldoutCalibrated` in Forecasting): the scale ĉ = √(Σ z_j² / m) of
/// its errors standardised by the model's own standard errors, and its MAE and sMAPE there.
public struct HoldoutScore: Sendable, Equatable {
    /// The holdout scale ĉ (1: errors as large as the model says).
    public var scale: Double
    /// Mean absolute error of the holdout forecast, when defined.
    public var mae: Double?
    /// Symmetric MAPE (M3/M4 definition, percent) of the holdout forecast, when defined.
    public var smape: Double?

    public init(scale: Double, mae: Double?, smape: Double?) {
        self.scale = scale
        self.mae = mae
        self.smape = smape
    }

    /// The criteria a document shows: `holdout_scale`, and `holdout_mae` and `holdout_smape`
    /// where defined.
    public var criteria: [String: Double] {
        var c = ["holdout_scale": scale]
        if let mae { c["holdout_mae"] = mae }
        if let smape { c["holdout_smape"] = smape }
        return c
    }
}
