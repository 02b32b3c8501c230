import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

/// Dates off a weekly grid (issue 12 §3): one error per off-grid row, naming the row and the grid,
/// whatever the missing-value policy; never a daily series with a gap every week.
@Suite struct OffGridDateTests {
    /// `count` weekly dates from `start` (days since 1970-01-01), with the dates at `moved`
    /// shifted by `by` days; the value of row i is 100 + i. Row i is on line i + 2.
    static func weekly(
        count: Int = 80, from start: Int = PeriodDate.daysFromCivil(year: 2020, month: 1, day: 6),
        moved: [Int: Int]
    ) -> String {
        var text = "series_id,date,value\n"
        for i in 0..<count {
            let c = PeriodDate.civilFromDays(start + 7 * i + (moved[i] ?? 0))
            text += "w,\(PeriodDate.day(year: c.year, month: c.month, day: c.day)),\(100 + i)\n"
        }
        return text
    }

    static func problems(_ text: String, policy: MissingPolicy) throws -> [DataError] {
        var options = TidyReadOptions()
        options.onMissing = policy
        return try TidyReader.validate(data: Data(text.utf8), file: "w.csv", options: options).problems
    }

    @Test(arguments: MissingPolicy.allCases, [(40, 1), (40, -1), (79, 3), (1, 2)])
    func oneMovedDateIsOneErrorOnItsLine(_ policy: MissingPolicy, _ move: (row: Int, days: Int)) throws {
        let found = try Self.problems(Self.weekly(moved: [move.row: move.days]), policy: policy)
        #expect(found.count == 1, "\(found)")
        let e = try #require(found.first)
        #expect(e.line == move.row + 2)
        #expect(e.column == 2)
        #expect(e.code == .mixedFrequency)
        #expect(e.message.contains("weekly from 2020-01-06, every 7 days"), "\(e.message)")
    }

    /// When the first date is the one moved, the grid is still the weekday most dates fall on.
    @Test func movedFirstDateDoesNotMoveTheGrid() throws {
        let found = try Self.problems(Self.weekly(moved: [0: 1]), policy: .fail)
        #expect(found.count == 1)
        #expect(found.first?.line == 2)
        #expect(found.first?.message.contains("weekly from 2020-01-13, every 7 days") == true, "\(found)")
    }

    /// Two moved dates are two errors, each on its own line.
    @Test func eachOffGridDateIsNamed() throws {
        let found = try Self.problems(Self.weekly(moved: [10: 1, 50: 3]), policy: .skip)
        #expect(found.map(\.line) == [12, 52])
    }

    /// On the grid with gaps: the gaps are reported as gaps (a weekly series, not a daily one).
    @Test func weeklyGapsStayWeeklyGaps() throws {
        var text = "series_id,date,value\n"
        let start = PeriodDate.daysFromCivil(year: 2020, month: 1, day: 6)
        for i in 0..<20 where i != 5 {
            let c = PeriodDate.civilFromDays(start + 7 * i)
            text += "w,\(PeriodDate.day(year: c.year, month: c.month, day: c.day)),\(100 + i)\n"
        }
        let found = try Self.problems(text, policy: .fail)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("has no row for 2020-02-10") == true, "\(found)")
        var options = TidyReadOptions()
        options.onMissing = .interpolate
        let s = try TidyReader.read(data: Data(text.utf8), file: "w.csv", options: options).series[0]
        #expect(s.frequency == .weekly)
        #expect(s.count == 20)
        #expect(s.values[5] == 105)  // halfway between 104 and 106
    }
}
