import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Server

/// Model fits at once are bounded by the cores: one request more is refused 503 (busy) at once,
/// and a fit that ends frees its place.
@Suite("muavu serve: fits at once")
struct FitLimitTests {
    @Test func oneFitMoreThanTheCoresIsRefusedAsBusy() async throws {
        let api = MuavuAPI(settings: ServeSettings(store: "/nonexistent/store.sqlite"))
        // The fits wait on their own threads; the test never blocks one of Swift's cooperative threads.
        let release = DispatchSemaphore(value: 0)
        let started = Counter()
        let fits = (0..<MuavuAPI.fits).map { _ in
            Task {
                try await api.fit {
                    started.count.withLock { $0 += 1 }
                    release.wait()
                    return 1
                }
            }
        }
        while started.count.withLock({ $0 }) < MuavuAPI.fits { try await Task.sleep(for: .milliseconds(10)) }
        let busy = await #expect(throws: Problem.self) { try await api.fit { 2 } }
        #expect(busy?.code == .busy && busy?.status == .serviceUnavailable)
        for _ in fits { release.signal() }
        for fit in fits { #expect(try await fit.value == 1) }
        #expect(try await api.fit { 3 } == 3)
    }
}

/// A count shared between the fits' threads and the test.
final class Counter: Sendable {
    let count = Mutex(0)
}
