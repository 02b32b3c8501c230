import Documents
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Store
import TestSupport
import Testing
import TimeSeriesCore

@testable import Server

/// The server's forecasts of record, on a real server on loopback: what `GET /v1/outlook` and
/// `GET /v1/forecast/{id}` answer for today is recorded as `issued` once per series per day, on a
/// cache miss only; and the outlook document carries the change since the previous issue and the
/// track record from the store's records, each checked here against the store and the records.
@Suite("muavu serve: forecasts of record")
struct ForecastRecordServerTests {
    static let paddy = "paddy-ir50404-an-giang"
    static let outlook = "/v1/outlook?commodity=lua&market=an%20giang&months=2"
    static let cache = HTTPField.Name("X-Muavu-Cache")!

    static func today() -> PeriodDate {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        let c = PeriodDate.civilFromDays(days)
        return .day(year: c.year, month: c.month, day: c.day)
    }

    @Test func whatIsAnsweredTodayIsRecordedOncePerSeriesOnACacheMiss() async throws {
        let served = try ServedStore(importing: ServedStore.outlookData)
        let store = try ObservationStore(path: served.path)
        try await served.application().test(.live) { client in
            let first = try await client.call(.get, Self.outlook)
            #expect(first.status == 200 && first.headers[Self.cache] == "miss")
            let recorded = try store.records(series: Self.paddy, origin: .issued)
            // Every month of the document, with its expected price and its (calibrated) 80% range.
            let months = try #require(first.json["months"] as? [[String: Any]])
            #expect(recorded.count == months.count && !months.isEmpty)
            for m in months {
                let date = try #require(m["date"] as? String)
                let r = try #require(recorded.first { $0.target.description == date }, "no record of \(date)")
                #expect(r.issueDay == Self.today() && r.origin == .issued)
                // The same numbers (to the last digits JSON keeps).
                for (kept, shown) in [
                    (r.point, m["expected"]), (r.interval(level: 80)?.lower, m["lower"]),
                    (r.interval(level: 80)?.upper, m["upper"]),
                ] {
                    let a = try #require(kept)
                    let b = try #require(shown as? Double)
                    #expect(abs(a - b) <= 1e-12 * abs(b), "\(date): \(a) recorded, \(b) answered")
                }
            }
            // From memory: nothing read or written; computed again for another form: not recorded twice.
            let again = try await client.call(.get, Self.outlook)
            #expect(again.headers[Self.cache] == "hit")
            let other = try await client.call(.get, Self.outlook + "&format=text")
            #expect(other.headers[Self.cache] == "miss")
            #expect(try store.records(series: Self.paddy, origin: .issued).count == recorded.count)

            // A forecast of today is recorded with its points; one asked as_of a date is not.
            let wfp = "wfp-rice-wholesale-dong-thap"
            let forecast = try await client.call(.get, "/v1/forecast/\(wfp)?horizon=2&on_missing=interpolate")
            #expect(forecast.status == 200)
            let points = try #require(
                ((forecast.json["series"] as? [[String: Any]])?.first?["points"]) as? [[String: Any]])
            let wfpRecords = try store.records(series: wfp, origin: .issued)
            let means = points.compactMap { $0["mean"] as? Double }
            #expect(wfpRecords.count == 2 && means.count == 2)
            #expect(zip(wfpRecords.map(\.point), means).allSatisfy { abs($0 - $1) <= 1e-12 * abs($1) })
            #expect(wfpRecords.map(\.target.description) == points.compactMap { $0["date"] as? String })
            // (as_of the end of today, so that the store's data, imported today, is known)
            let past = try await client.call(
                .get, "/v1/forecast/wfp-rice-wholesale-an-giang?horizon=2&as_of=\(Self.today())&on_missing=interpolate")
            #expect(past.status == 200)
            #expect(try store.records(series: "wfp-rice-wholesale-an-giang").isEmpty)
        }
    }

    @Test func theOutlookCarriesTheChangeSinceThePreviousIssueAndTheTrackRecord() async throws {
        let served = try ServedStore(importing: ServedStore.outlookData)
        let store = try ObservationStore(path: served.path)
        let observed = try store.observations(seriesID: Self.paddy).filter { $0.value.isFinite }
        let last = try #require(observed.last)
        try await served.application().test(.live) { client in
            let plain = try await client.call(.get, Self.outlook)
            #expect(plain.json["change_since_previous"] == nil && plain.json["track_record"] == nil)
            let months = try #require(plain.json["months"] as? [[String: Any]]).compactMap { $0["date"] as? String }
            // An earlier issue's naive forecast of each month the outlook gives, and six forecasts one
            // month ahead of months now observed, three of them far too high.
            func record(_ day: String, _ month: PeriodDate, _ point: Double, horizon: Int) -> ForecastRecord {
                ForecastRecord(
                    series: Self.paddy, issueDay: PeriodDate(parsing: day)!, dataVintage: "2026-01-01T00:00:00Z",
                    target: month, horizon: horizon, point: point, unit: last.unit,
                    intervals: [.init(level: 80, lower: point * 0.95, upper: point * 1.05)], model: "Naive",
                    family: "naive", selection: "rolling-origin · 24 × 3 · chosen naive", origin: .issued)
            }
            var earlier = months.map { record("2026-01-15", PeriodDate(parsing: $0)!, 6000, horizon: 9) }
            let scored = Array(observed.suffix(6))
            for (i, o) in scored.enumerated() {
                guard case .month(let y, let m) = o.period else { continue }
                let day = String(format: "%04d-%02d-01", y, m)
                earlier.append(record(day, o.period, o.value * (i % 2 == 0 ? 1.1 : 1.0), horizon: 1))
            }
            try store.record(earlier, now: Date())
            try store.checkRecords(release: .first, now: Date())

            let answer = try await client.call(.get, Self.outlook + "&lang=vi")
            #expect(answer.status == 200 && answer.headers[Self.cache] == "miss")
            let change = try #require(answer.json["change_since_previous"] as? [String: Any])
            // The month the outlook speaks of, and its expected price.
            let target = try #require(change["target"] as? String)
            let month = try #require(
                (answer.json["months"] as? [[String: Any]])?.first { $0["date"] as? String == target })
            let expected = try #require(month["expected"] as? Double)
            let previous = try #require(change["previous"] as? [String: Any])
            #expect(previous["issue_day"] as? String == "2026-01-15" && previous["forecast"] as? Double == 6000)
            #expect(change["rerun_model"] as? String == "naive" && change["forecast"] as? Double == expected)
            #expect(abs((change["change"] as? Double ?? .nan) - (expected - 6000)) < 1e-6)
            // Naive on this issue's data: the latest observed price.
            #expect(abs((change["data_effect"] as? Double ?? .nan) - (last.value - 6000)) < 1e-6)
            #expect(abs((change["model_effect"] as? Double ?? .nan) - (expected - last.value)) < 1e-6)

            let lines = try #require(answer.json["track_record"] as? [[String: Any]])
            let one = try #require(lines.first { $0["horizon"] as? Int == 1 && $0["origin"] as? String == "issued" })
            let held = scored.enumerated().filter { $0.offset % 2 == 1 }.count
            #expect(one["checked"] as? Int == scored.count && one["issues"] as? Int == scored.count)
            let at80 = try #require((one["levels"] as? [[String: Any]])?.first { $0["level"] as? Int == 80 })
            #expect(at80["held"] as? Int == held && at80["cases"] as? Int == scored.count)
            let backtest = try #require(
                ((answer.json["range"] as? [String: Any])?["backtest"]) as? [String: Any])
            let claimed = try #require(one["claimed"] as? [String: Any])
            #expect(claimed["held"] as? Int == backtest["held"] as? Int)
            #expect(claimed["cases"] as? Int == backtest["cases"] as? Int)
            let disagrees =
                (at80["wilson_upper"] as? Double ?? 1) < (claimed["wilson_lower"] as? Double ?? 0)
                || (claimed["wilson_upper"] as? Double ?? 1) < (at80["wilson_lower"] as? Double ?? 0)
            #expect(one["disagrees"] as? Bool == disagrees)
            // The records at horizon 9 are not scored yet: a line of their own with no check.
            let nine = try #require(lines.first { $0["horizon"] as? Int == 9 })
            #expect(nine["records"] as? Int == months.count && nine["checked"] as? Int == 0)
        }
    }
}
