import Forecasting
import Foundation

/// Progress of a many-series run on stderr: `series done/total, rate/s, ETA`, rewritten in place.
///
/// Shown only when stderr is a terminal (so logs and CI output stay clean), and redrawn at most
/// four times a second whatever the number of worker threads reporting.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let enabled: Bool
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drewSomething = false
    private static let interval = Duration.milliseconds(250)

    init(label: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.enabled = enabled
    }

    /// Records that `done` of `total` units are finished; redraws when it is time.
    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < Self.interval, done < total { return }
        lastDraw = now
        let elapsed = Self.seconds(now - start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = "\r\(label) \(done)/\(total), \(String(format: "%.1f", rate))/s, ETA \(Self.clock(eta))   "
        FileHandle.standardError.write(Data(line.utf8))
        drewSomething = true
    }

    /// Ends the progress line so that later messages start on a fresh line.
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drewSomething { FileHandle.standardError.write(Data("\n".utf8)) }
        drewSomething = false
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// Sets up a parallel run: the worker pool, and OpenBLAS held to one thread when several series
/// are fitted at once (`BatchRunner.fitting`).
func makeRunner(jobs: Int?) throws -> BatchRunner {
    try BatchRunner.fitting(jobs: jobs)
}
