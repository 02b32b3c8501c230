import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// `TrackRecord.Share`'s 95% Wilson score interval against statsmodels' `proportion_confint(method=
/// "wilson")` (Fixtures/track-record/wilson.json, scripts/fixtures/wilson_intervals.py), and the
/// summaries' coverage counts against the records counted here.
@Suite struct TrackRecordShareTests {
    struct Fixture: Decodable {
        struct Row: Decodable {
            var hits, cases: Int
            var lower, upper: Double
        }
        var source: String
        var intervals: [Row]

        static func load() throws -> Fixture {
            let url = try #require(
                Bundle.module.url(forResource: "wilson", withExtension: "json", subdirectory: "Fixtures/track-record"))
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        }
    }

    @Test func theWilsonIntervalIsStatsmodels() throws {
        let fixture = try Fixture.load()
        #expect(fixture.intervals.count >= 20)
        for row in fixture.intervals {
            let share = TrackRecord.Share(hits: row.hits, cases: row.cases)
            #expect(abs(share.lower - row.lower) <= 1e-9, "\(row.hits)/\(row.cases) lower")
            #expect(abs(share.upper - row.upper) <= 1e-9, "\(row.hits)/\(row.cases) upper")
            #expect(share.value == Double(row.hits) / Double(row.cases))
        }
    }

    /// Two shares disagree where statsmodels' intervals do not overlap: every pair of the fixture.
    @Test func sharesOverlapWhereStatsmodelsIntervalsDo() throws {
        let rows = try Fixture.load().intervals
        var apart = 0
        for a in rows {
            for b in rows {
                let expected = a.lower <= b.upper + 1e-12 && b.lower <= a.upper + 1e-12
                let shares = (
                    TrackRecord.Share(hits: a.hits, cases: a.cases), TrackRecord.Share(hits: b.hits, cases: b.cases)
                )
                #expect(shares.0.overlaps(shares.1) == expected, "\(a.hits)/\(a.cases) against \(b.hits)/\(b.cases)")
                if !expected { apart += 1 }
            }
        }
        #expect(apart > 0)
    }

    /// Twelve issues of one series at horizon 1, outcomes inside, outside and on the bounds, and three replayed:
    /// the summary's counts are those of the records, issued and replayed apart.
    @Test func summariesCountWhatTheIntervalsHeld() throws {
        let outcomes = [95, 97, 101, 104, 104.1, 110, 100, 91, 107, 96, 92, 105.5]
        var checked: [CheckedRecord] = []
        var held80 = 0
        var held95 = 0
        var absolutePercentages: [Double] = []
        for (i, actual) in outcomes.enumerated() {
            let year = 2010 + i
            let r = ForecastRecord(
                series: "s", issueDay: .day(year: year, month: 6, day: 1), dataVintage: "v", target: .year(year + 1),
                horizon: 1, point: 100, unit: "t",
                intervals: [.init(level: 95, lower: 92, upper: 108), .init(level: 80, lower: 96, upper: 104)],
                model: "Naive", family: "naive", selection: "", origin: .issued)
            if actual >= 96 && actual <= 104 { held80 += 1 }
            if actual >= 92 && actual <= 108 { held95 += 1 }
            absolutePercentages.append(abs(100 * (actual - 100) / actual))
            checked.append(
                CheckedRecord(record: r, check: RecordCheck(release: .first, actual: actual, vintage: Date())))
        }
        for year in 2000..<2003 {
            var r = checked[0].record
            r.issueDay = .day(year: year, month: 6, day: 1)
            r.origin = .replayed
            checked.append(CheckedRecord(record: r, check: RecordCheck(release: .first, actual: 200, vintage: Date())))
        }
        let summaries = TrackRecord.summaries(checked)
        #expect(summaries.map(\.origin) == [.issued, .replayed])
        let issued = try #require(summaries.first)
        #expect(issued.checked == 12 && issued.issues == 12)
        #expect(issued.levels.map(\.level) == [80, 95])
        #expect(issued.levels[0].held.hits == held80 && issued.levels[0].held.cases == 12)
        #expect(issued.levels[1].held.hits == held95)
        let mape = absolutePercentages.reduce(0, +) / 12
        #expect(abs((issued.mape ?? .nan) - mape) <= 1e-9 * mape)
        let replayed = try #require(summaries.last)
        #expect(replayed.checked == 3 && replayed.levels[0].held.hits == 0)
    }
}
