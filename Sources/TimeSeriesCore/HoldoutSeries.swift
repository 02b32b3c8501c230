/// One series split in two: the values to fit on (`train`) and the values to score against (`test`),
/// as in the M3 and M4 competitions.
public struct HoldoutSeries: Sendable, Equatable {
    public var id: String
    /// The group the series is reported under (`yearly`, `monthly`, `other`...).
    public var subset: String
    /// Seasonal period (1 = non-seasonal).
    public var period: Int
    /// Training values in time order; `.nan` marks a missing value.
    public var train: [Double]
    /// Test values in time order; `.nan` marks a missing value.
    public var test: [Double]

    public init(id: String, subset: String, period: Int, train: [Double], test: [Double]) {
        (self.id, self.subset, self.period, self.train, self.test) = (id, subset, period, train, test)
    }

    /// All observations, training then test.
    public var values: [Double] { train + test }
}
