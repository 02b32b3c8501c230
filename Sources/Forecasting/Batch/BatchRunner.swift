import Dispatch
import Foundation
import TimeSeriesCore

/// Runs one job per index over `jobs` threads and returns the results in index order.
///
/// Workers claim the next index from a shared counter (so long and short series balance out)
/// and write each result into the slot of its index: the output is the same, element for element,
/// whatever the number of jobs. Each job is independent; the body must not share mutable state.
public struct BatchRunner: Sendable {
    /// Worker threads (at least 1).
    public var jobs: Int

    /// `jobs` threads; `nil` means one per core.
    public init(jobs: Int? = nil) throws {
        let jobs = jobs ?? min(BatchRunner.availableCores, Limits.jobs.range.upperBound)
        try ArgumentCheck.atLeastOne(jobs, "jobs")
        try Limits.jobs.check(jobs, "jobs")
        self.jobs = jobs
    }

    /// Cores this process may use.
    public static var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(i)` for i in 0..<count, on up to `jobs` threads; `completed` is called after each job
    /// (from the worker thread) with the number done so far.
    public func map<T: Sendable>(
        count: Int, completed: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        guard count > 0 else { return [] }
        let threads = min(jobs, count)
        if threads == 1 {
            var out: [T] = []
            out.reserveCapacity(count)
            for i in 0..<count {
                out.append(body(i))
                completed?(i + 1)
            }
            return out
        }
        let slots = Slots<T>(count: count)
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let i = counter.claim()
                guard i < count else { return }
                slots.store(body(i), at: i)
                let done = counter.finish()
                completed?(done)
            }
        }
        return slots.values()
    }
}

/// Result slots written by index from many threads; each slot is written once, by one worker,
/// and read only after every worker has finished (`concurrentPerform` returns). The slots are
/// raw memory allocated once: distinct slots can be written concurrently, which an `Array` does
/// not allow (its mutating accessors touch the whole array, and writes can be lost).
private final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }
    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
    func store(_ value: T, at i: Int) { base[i] = value }
    func values() -> [T] { (0..<count).compactMap { base[$0] } }
}

/// The next index to claim and how many are done.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    func claim() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
    func finish() -> Int {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        return done
    }
}
