import Dispatch
import Foundation
import Testing

@testable import Server

/// Model fits at once are bounded by the cores: one request more is refused 503 (busy) at once,
/// and a fit that ends frees its place.
@Suite("muavu serve: fits at once")
struct FitLimitTests {
    @Test func oneFitMoreThanTheCoresIsRefusedAsBusy() async throws {
        let api = MuavuAPI(settings: ServeSettings(store: "/nonexistent/store.sqlite"))
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let fits = (0..<MuavuAPI.fits).map { _ in
            Task {
                try await api.fit {
                    started.signal()
                    release.wait()
                    return 1
                }
            }
        }
        for _ in fits { started.wait() }
        let busy = await #expect(throws: Problem.self) { try await api.fit { 2 } }
        #expect(busy?.code == .busy && busy?.status == .serviceUnavailable)
        for _ in fits { release.signal() }
        for fit in fits { #expect(try await fit.value == 1) }
        #expect(try await api.fit { 3 } == 3)
    }
}
