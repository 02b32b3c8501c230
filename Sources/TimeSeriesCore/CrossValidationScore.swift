/// How the chosen model did in a cross-validation on its own series, e.g. leave-one-year-out
/// for crop yields (`CropYieldModel` in Agronomy): the root mean squared error and the mean
/// absolute percentage error (percent) of its out-of-sample predictions, where defined.
public struct CrossValidationScore: Sendable, Equatable {
    public var rmse: Double?
    public var mape: Double?

    public init(rmse: Double?, mape: Double?) {
        self.rmse = rmse
        self.mape = mape
    }

    /// The criteria a document shows, `PREFIXrmse` and `PREFIXmape` where defined (the prefix
    /// names the cross-validation, e.g. `loyo_`).
    public func criteria(prefix: String) -> [String: Double] {
        var c: [String: Double] = [:]
        if let rmse { c[prefix + "rmse"] = rmse }
        if let mape { c[prefix + "mape"] = mape }
        return c
    }
}
