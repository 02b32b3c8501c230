/// The rows of a table that a regression can use.
public struct CompleteCases: Sendable, Equatable {
    /// The used numeric columns restricted to complete rows.
    public var columns: [String: [Double]]
    /// The used text (categorical) columns restricted to complete rows.
    public var categories: [String: [String]]
    /// Indices (0-based, into the input rows) of the rows kept.
    public var kept: [Int]
    /// How many rows were dropped because a used column was missing there.
    public var dropped: Int

    /// Keeps the rows where every column in `names` has a value, numeric in `table` or text in
    /// `text` (R's `na.omit` for the variables of the model); a column may be in both.
    public init(_ table: [String: [Double?]], text: [String: [String?]] = [:], using names: [String]) {
        let n = names.compactMap { table[$0]?.count ?? text[$0]?.count }.max() ?? 0
        var kept: [Int] = []
        for i in 0..<n
        where names.allSatisfy({ (table[$0].map { $0[i] != nil } ?? true) && (text[$0].map { $0[i] != nil } ?? true) })
            && names.allSatisfy({ table[$0] != nil || text[$0] != nil })
        {
            kept.append(i)
        }
        var columns: [String: [Double]] = [:]
        var categories: [String: [String]] = [:]
        for name in names {
            if let col = table[name] { columns[name] = kept.map { col[$0] ?? 0 } }
            if let col = text[name] { categories[name] = kept.map { col[$0] ?? "" } }
        }
        self.columns = columns
        self.categories = categories
        self.kept = kept
        self.dropped = n - kept.count
    }
}
