/// The rows of a table that a regression can use.
public struct CompleteCases: Sendable, Equatable {
    /// The used columns restricted to complete rows.
    public var columns: [String: [Double]]
    /// Indices (0-based, into the input rows) of the rows kept.
    public var kept: [Int]
    /// How many rows were dropped because a used column was missing there.
    public var dropped: Int

    /// Keeps the rows where every column in `names` has a value (R's `na.omit` for the
    /// variables of the model).
    public init(_ table: [String: [Double?]], using names: [String]) {
        let n = names.compactMap { table[$0]?.count }.max() ?? 0
        var kept: [Int] = []
        for i in 0..<n where names.allSatisfy({ (table[$0]?[i] ?? nil) != nil }) {
            kept.append(i)
        }
        var columns: [String: [Double]] = [:]
        for name in names {
            guard let col = table[name] else { continue }
            columns[name] = kept.map { col[$0] ?? 0 }
        }
        self.columns = columns
        self.kept = kept
        self.dropped = n - kept.count
    }
}
