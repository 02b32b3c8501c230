import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

@Suite struct BatchRunnerTests {
    @Test(arguments: [1, 2, 3, 8]) func resultsComeBackInIndexOrder(jobs: Int) throws {
        let runner = try BatchRunner(jobs: jobs)
        let count = 257
        let out = runner.map(count: count) { i -> Int in
            // Uneven work so that threads finish out of order.
            var x = i
            for _ in 0..<((i * 7919) % 500) { x = (x &* 31) &+ 7 }
            return i * 1000 + (x == Int.min ? 1 : 0)
        }
        #expect(out == (0..<count).map { $0 * 1000 })
    }

    @Test func reportsEveryCompletion() throws {
        let seen = Seen()
        _ = try BatchRunner(jobs: 2).map(count: 50, completed: { seen.add($0) }) { $0 }
        #expect(seen.values.sorted() == Array(1...50))
    }

    @Test func rejectsZeroJobsAndHandlesNothing() throws {
        #expect(throws: ForecastingError.self) { try BatchRunner(jobs: 0) }
        #expect(try BatchRunner(jobs: 4).map(count: 0) { $0 }.isEmpty)
    }

    @Test func shardsPartitionTheSeriesRoundRobinInIdOrder() throws {
        let ids = ["N0003", "N0001", "N0005", "N0002", "N0004"]
        let parts = try (1...2).map { try Shard(index: $0, count: 2).select(ids) { $0 } }
        #expect(parts[0] == ["N0001", "N0003", "N0005"])
        #expect(parts[1] == ["N0002", "N0004"])
        #expect(try Shard(parsing: "3/3") == Shard(index: 3, count: 3))
        for bad in ["0/3", "4/3", "1/0", "a/b", "2", "1/2/3"] {
            #expect(throws: ForecastingError.self) { try Shard(parsing: bad) }
        }
    }

    final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int] = []
        func add(_ v: Int) {
            lock.lock()
            list.append(v)
            lock.unlock()
        }
        var values: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return list
        }
    }
}
