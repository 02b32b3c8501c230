import LinearAlgebra
import TimeSeriesCore

/// A hierarchy (or grouping) of series: m bottom series and aggregates, each the sum of a set of
/// bottom series, with its summing matrix S (Hyndman & Athanasopoulos, *Forecasting: Principles
/// and Practice*, 3rd ed., §11.1).
///
/// The n = a + m series are ordered aggregates first (in the order given), then the bottom
/// series, so that S = [A; I_m] (n × m): row i of A has a 1 in column j when bottom series j is
/// a member of aggregate i. A vector y is coherent when y = S·b for some b, i.e. when every
/// aggregate equals the sum of its members. An aggregate may be any set of bottom series, so
/// that grouped structures (provinces and seasons crossed) are hierarchies too.
///
/// Refused with a `ForecastingError` (`invalid-argument`): no bottom series, no aggregate, a
/// name used twice, an aggregate of nothing, a member that is not a bottom series, a member
/// listed twice in one aggregate.
public struct Hierarchy: Sendable, Equatable {
    /// An aggregate series: its name and the names of the bottom series it sums.
    public struct Aggregate: Sendable, Equatable, Codable {
        public var name: String
        public var members: [String]

        public init(name: String, members: [String]) {
            self.name = name
            self.members = members
        }
    }

    /// The bottom series' names, in the order of S's columns.
    public let bottom: [String]
    public let aggregates: [Aggregate]
    /// For each aggregate, the indices of its members among `bottom` (ascending).
    public let memberIndices: [[Int]]

    public init(bottom: [String], aggregates: [Aggregate]) throws {
        guard !bottom.isEmpty else {
            throw ForecastingError(.invalidArgument, "a hierarchy needs at least one bottom series")
        }
        guard !aggregates.isEmpty else {
            throw ForecastingError(.invalidArgument, "a hierarchy needs at least one aggregate")
        }
        var seen = Set<String>()
        for name in bottom + aggregates.map(\.name) where !seen.insert(name).inserted {
            throw ForecastingError(.invalidArgument, "the series name \"\(name)\" is used twice in the hierarchy")
        }
        var index: [String: Int] = [:]
        for (j, name) in bottom.enumerated() { index[name] = j }
        var members: [[Int]] = []
        for aggregate in aggregates {
            guard !aggregate.members.isEmpty else {
                throw ForecastingError(.invalidArgument, "the aggregate \"\(aggregate.name)\" has no members")
            }
            var indices = Set<Int>()
            for member in aggregate.members {
                guard let j = index[member] else {
                    throw ForecastingError(
                        .invalidArgument,
                        "the aggregate \"\(aggregate.name)\" lists \"\(member)\", which is not a bottom series")
                }
                guard indices.insert(j).inserted else {
                    throw ForecastingError(
                        .invalidArgument, "the aggregate \"\(aggregate.name)\" lists \"\(member)\" twice")
                }
            }
            members.append(indices.sorted())
        }
        self.bottom = bottom
        self.aggregates = aggregates
        self.memberIndices = members
    }

    /// The names of all n series, aggregates first: the order of S's rows and of every input
    /// and output of `Reconciler`.
    public var names: [String] { aggregates.map(\.name) + bottom }

    /// n, the number of series.
    public var count: Int { aggregates.count + bottom.count }

    /// S as rows of 0 and 1 (n × m).
    public var summingRows: [[Double]] {
        let m = bottom.count
        let aggregateRows = memberIndices.map { indices in
            var row = [Double](repeating: 0, count: m)
            for j in indices { row[j] = 1 }
            return row
        }
        let bottomRows = (0..<m).map { j in (0..<m).map { $0 == j ? 1.0 : 0.0 } }
        return aggregateRows + bottomRows
    }

    /// S (n × m).
    var summing: Matrix { Matrix(rowsOf: summingRows) }

    /// The largest |aggregate − sum of its members| of `values` (one value per series, in
    /// `names` order): 0 for a coherent vector.
    public func incoherence(_ values: [Double]) -> Double {
        precondition(values.count == count, "\(values.count) values for \(count) series")
        let a = aggregates.count
        return memberIndices.enumerated().map { i, indices in
            abs(values[i] - indices.reduce(0) { $0 + values[a + $1] })
        }.max() ?? 0
    }
}
