/// How a model is chosen among candidates scored by a rolling-origin backtest.
public enum BacktestPreference {
    /// The order in which candidates are tried: lowest backtest RMSE first; ties and unscored
    /// candidates (nil) go by the given order. `muavu outlook` and `muavu publish` both choose by it.
    public static func order(_ rmse: [Double?]) -> [Int] {
        rmse.indices.sorted { a, b in
            switch (rmse[a], rmse[b]) {
            case (let x?, let y?): return x < y || (x == y && a < b)
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
    }
}
