import AgriData
import Foundation
import Store
import TimeSeriesCore

// Times reading one series as known at a date from a store of SERIES series × MONTHS monthly
// observations × 3 vintages (every value revised at each release), built in a temporary folder.
// Usage: store-bench [series] [months] [reads]
// Prints the build time, then "store-read series months vintages reads median p90 max" (milliseconds).

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let seriesCount = args.count > 0 ? args[0] : 1000
let months = args.count > 1 ? args[1] : 1000
let reads = args.count > 2 ? args[2] : 100

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-store-bench-\(UUID())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let store = try ObservationStore(path: folder.appendingPathComponent("store.sqlite").path)

// Three releases a month apart; each revises every value (release r gives value + r).
let releases = (0..<3).map { Date(timeIntervalSince1970: 1_760_000_000 + Double($0) * 30 * 86_400) }
let start = PeriodDate.month(year: 1900, month: 1)
let buildStart = Date()
for (r, release) in releases.enumerated() {
    var observations: [ImportedObservation] = []
    observations.reserveCapacity(seriesCount * months)
    for s in 0..<seriesCount {
        for m in 0..<months {
            observations.append(
                ImportedObservation(
                    seriesID: "series-\(s)", period: start.advanced(by: m), value: Double(s * 10_000 + m + r),
                    unit: "VND/kg", origin: "generated"))
        }
    }
    let batch = ImportBatch(
        format: .pinksheet, publisher: "bench", releaseDate: release, rowsRead: observations.count,
        observations: observations)
    let report = try store.import(batch, file: "release-\(r)", sha256: "\(r)", now: release)
    precondition(r == 0 ? report.new == seriesCount * months : report.revised == seriesCount * months)
}
print(
    "built \(seriesCount) series × \(months) months × \(releases.count) vintages in \(Date().timeIntervalSince(buildStart)) s"
)

// Each read: a series as known between the second and third release (the middle vintage); the
// series are visited in a fixed order spread over the store (7,919 is prime).
let asOf = releases[1].addingTimeInterval(86_400)
var times: [Double] = []
for i in 0..<reads {
    let s = (i * 7919) % seriesCount
    let t0 = DispatchTime.now().uptimeNanoseconds
    let series = try store.series(id: "series-\(s)", asOf: asOf)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    precondition(series.count == months && series.values[0] == Double(s * 10_000 + 1))
}
times.sort()
print(
    "store-read \(seriesCount) \(months) \(releases.count) \(reads) median \(times[reads / 2]) "
        + "p90 \(times[reads * 9 / 10]) max \(times[reads - 1]) (ms)")
