import AgriData
import Foundation
import Store
import Testing
import TimeSeriesCore

/// `series(id:asOf:)` and `status()`.
@Suite struct ObservationStoreReadTests {
    @Test func seriesIsLaidOnItsCalendarWithGapsMissing() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let start = PeriodDate.month(year: 2024, month: 11)
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: start, [6100, nil, 6300])), file: "a", sha256: "1",
            now: Batches.day(2025, 9, 1))
        let s = try store.series(id: "paddy")
        #expect(s.start == start && s.frequency == .monthly && s.period == 12 && s.unit == "VND/kg")
        #expect(s.values.count == 3 && s.values[0] == 6100 && s.values[1].isNaN && s.values[2] == 6300)
    }

    @Test func weeklyAndSeasonSeriesKeepTheirCalendar() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let monday = PeriodDate.day(year: 2025, month: 1, day: 6)
        let weekly = [0, 1, 3].map {
            ImportedObservation(
                seriesID: "w", period: monday.advanced(by: $0, frequency: .weekly), value: Double($0), unit: "",
                origin: "")
        }
        let seasons = (0..<4).map {
            ImportedObservation(
                seriesID: "s", period: PeriodDate.season(year: 2020, season: 1, seasonsPerYear: 3).advanced(by: $0),
                value: Double($0), unit: "t", origin: "")
        }
        var batch = Batches.batch(weekly + seasons)
        batch.seriesFrequencies = ["w": .weekly]
        _ = try store.import(batch, file: "a", sha256: "1", now: Batches.day(2025, 9, 1))
        let w = try store.series(id: "w")
        #expect(w.frequency == .weekly && w.start == monday && w.values.count == 4 && w.values[2].isNaN)
        let s = try store.series(id: "s")
        #expect(s.frequency == .season && s.period == 3 && s.values == [0, 1, 2, 3])
        #expect(s.date(at: 3) == .season(year: 2021, season: 1, seasonsPerYear: 3))
    }

    @Test func unknownSeriesAndNothingKnownAreNamed() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        _ = try store.import(
            Batches.batch(
                Batches.monthly("paddy", from: .month(year: 2025, month: 1), [1]),
                releaseDate: Batches.day(2025, 2, 1)), file: "a", sha256: "1", now: Batches.day(2025, 9, 1))
        #expect(throws: StoreError(.unknownSeries, store: t.path, "no series 'mango' in the store")) {
            try store.series(id: "mango")
        }
        let error = try #require(throws: StoreError.self) {
            try store.series(id: "paddy", asOf: Batches.day(2025, 1, 15))
        }
        #expect(error.code == .nothingKnown)
    }

    @Test func statusGivesSpanCountSourceAndAge() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let start = PeriodDate.month(year: 2025, month: 1)
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: start, [1, 2, 3]), releaseDate: Batches.day(2025, 4, 2)),
            file: "jan.xlsx", sha256: "1", now: Batches.day(2025, 4, 5))
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: start, [1, 2.5, 3, 4]), releaseDate: Batches.day(2025, 5, 2)),
            file: "feb.xlsx", sha256: "2", now: Batches.day(2025, 5, 6))
        let status = try #require(try store.status().first)
        #expect(status.id == "paddy" && status.unit == "VND/kg" && status.frequency == .monthly)
        #expect(status.first == start && status.last == .month(year: 2025, month: 4) && status.count == 4)
        #expect(status.source == "feb.xlsx" && status.publisher == "World Bank")
        #expect(status.lastImport == Batches.day(2025, 5, 6) && status.lastVintage == Batches.day(2025, 5, 2))
        // April is the last month: in the middle of July it is three months old.
        #expect(status.age(at: Batches.day(2025, 7, 15)) == 3)
    }
}
