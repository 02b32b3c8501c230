/// Treatments of missing observations (`MissingPolicy`), on columns that share one time axis.
public enum MissingValues {
    /// The longest run of indices where every column is observed; a tie goes to the latest run.
    /// (R's `stats::na.contiguous` keeps the first of equal runs; a forecast wants the latest.)
    public static func longestCompleteRun(_ columns: [[Double]]) -> Range<Int> {
        let n = columns.first?.count ?? 0
        var best = 0..<0
        var runStart = 0
        for i in 0...n {
            let complete = i < n && columns.allSatisfy { !$0[i].isNaN }
            if !complete {
                if i - runStart > 0, i - runStart >= best.count { best = runStart..<i }
                runStart = i + 1
            }
        }
        return best
    }

    /// From the first index where every column is observed to the last such index.
    public static func completeEnds(_ columns: [[Double]]) -> Range<Int> {
        let n = columns.first?.count ?? 0
        let complete = (0..<n).filter { i in columns.allSatisfy { !$0[i].isNaN } }
        guard let lo = complete.first, let hi = complete.last else { return 0..<0 }
        return lo..<(hi + 1)
    }

    /// Fills each run of `.nan` between two observed values on the straight line joining them:
    /// x[i] = x[a] + (x[b] − x[a])·(i − a)/(b − a). Leading and trailing `.nan` stay.
    public static func interpolateLinearly(_ x: [Double]) -> [Double] {
        var y = x
        var previous: Int? = nil
        for i in y.indices where !y[i].isNaN {
            if let a = previous, i - a > 1 {
                for k in (a + 1)..<i {
                    y[k] = y[a] + (y[i] - y[a]) * Double(k - a) / Double(i - a)
                }
            }
            previous = i
        }
        return y
    }
}
