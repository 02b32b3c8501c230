import TimeSeriesCore

/// One part of a run split across machines (a Slurm array task, a Kubernetes indexed Job).
///
/// Deterministic round-robin: the items are sorted by id, and shard `index` of `count` takes the
/// items whose position p (0-based) in that order has p % count == index − 1. Round-robin rather
/// than contiguous blocks, so that every shard gets a similar mix of the subsets (the M3 ids are
/// grouped by frequency) and so a similar amount of work.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based index of this shard.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw ForecastingError(.invalidArgument, "a shard is i/n with 1 ≤ i ≤ n, got \(index)/\(count)")
        }
        try Limits.shards.check(count, "the number of shards n")
        self.index = index
        self.count = count
    }

    /// Parses `i/n`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ForecastingError(.invalidArgument, "a shard is written i/n (e.g. 2/8), got '\(text)'")
        }
        try self.init(index: i, count: n)
    }

    /// The items of this shard, in id order.
    public func select<T>(_ items: [T], id: (T) -> String) -> [T] {
        let sorted = items.sorted { id($0) < id($1) }
        return sorted.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }

    public var description: String { "\(index)/\(count)" }
}
