import AgriData
import Foundation
import GRDB
import Store
import Testing
import TimeSeriesCore

/// Forecasts of record and their checks: written once, checked against the documented release,
/// never rewritten by a revision.
@Suite struct ForecastRecordStoreTests {
    static let series = "paddy"

    /// A forecast of `series` for `target` issued on `day`, with an 80% interval of ± `half`.
    static func record(
        _ target: PeriodDate, point: Double, half: Double = 200, day: PeriodDate = .day(year: 2025, month: 3, day: 5),
        vintage: String = "2025-03-01T00:00:00Z", unit: String = "VND/kg", origin: ForecastRecord.Origin = .issued
    ) -> ForecastRecord {
        ForecastRecord(
            series: series, issueDay: day, dataVintage: vintage, target: target, horizon: 1, point: point, unit: unit,
            intervals: [.init(level: 80, lower: point - half, upper: point + half)], model: "Naive", family: "naive",
            selection: "test", origin: origin)
    }

    /// A store holding `paddy` for January and February 2025, released on 1 March 2025.
    func storeWithHistory(_ t: TemporaryStore) throws -> ObservationStore {
        let store = try t.open()
        _ = try store.import(
            Batches.batch(Batches.monthly(Self.series, from: .month(year: 2025, month: 1), [6000, 6100]),
                releaseDate: Batches.day(2025, 3, 1)),
            file: "january-february.csv", sha256: "a", now: Batches.day(2025, 3, 1))
        return store
    }

    /// March's observation, released on `day` with `value`.
    func release(_ store: ObservationStore, march value: Double, on day: Date, sha: String) throws {
        _ = try store.import(
            Batches.batch(Batches.monthly(Self.series, from: .month(year: 2025, month: 3), [value]), releaseDate: day),
            file: "march-\(sha).csv", sha256: sha, now: day)
    }

    @Test func aRecordIsWrittenOnceAndTheSameKeyAgainChangesNothing() throws {
        let t = try TemporaryStore()
        let store = try storeWithHistory(t)
        let march = PeriodDate.month(year: 2025, month: 3)
        let first = try store.record([Self.record(march, point: 6200)], now: Batches.day(2025, 3, 5))
        #expect(first == RecordWrite(added: 1, existing: 0))
        // The same series, issue day, data vintage, target and origin with another number: ignored.
        let again = try store.record([Self.record(march, point: 9999)], now: Batches.day(2025, 3, 6))
        #expect(again == RecordWrite(added: 0, existing: 1))
        #expect(try store.records().map(\.point) == [6200])
        // Another data vintage the same day is another record; a replayed one is kept apart.
        try store.record(
            [Self.record(march, point: 6250, vintage: "2025-03-05T00:00:00Z"),
             Self.record(march, point: 6300, origin: .replayed)], now: Batches.day(2025, 3, 6))
        #expect(try store.records(origin: .issued).map(\.point) == [6200, 6250])
        #expect(try store.records(origin: .replayed).map(\.point) == [6300])
        #expect(try store.hasRecord(series: Self.series, issueDay: .day(year: 2025, month: 3, day: 5), origin: .issued))
        #expect(try !store.hasRecord(series: Self.series, issueDay: .day(year: 2025, month: 3, day: 6), origin: .issued))
    }

    @Test func theStoreRefusesToEditOrDeleteARecordOrACheck() throws {
        let t = try TemporaryStore()
        let store = try storeWithHistory(t)
        let march = PeriodDate.month(year: 2025, month: 3)
        try store.record([Self.record(march, point: 6200)], now: Batches.day(2025, 3, 5))
        try release(store, march: 6150, on: Batches.day(2025, 4, 2), sha: "b")
        #expect(try store.checkRecords(release: .first, now: Batches.day(2025, 4, 3)).added == 1)
        let db = try DatabaseQueue(path: t.path)
        for sql in [
            "UPDATE forecast_record SET point = 1", "DELETE FROM forecast_record",
            "UPDATE record_interval SET lower = 0", "DELETE FROM record_interval",
            "UPDATE record_check SET actual = 0", "DELETE FROM record_check",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try db.write { try $0.execute(sql: sql) } }
        }
        #expect(try store.records().map(\.point) == [6200])
        #expect(try store.checkedRecords(release: .first).map(\.check?.actual) == [6150])
    }

    @Test func aRecordIsReadBackAsWritten() throws {
        let t = try TemporaryStore()
        let store = try storeWithHistory(t)
        let season = ForecastRecord(
            series: "rice-ds", issueDay: .day(year: 2026, month: 1, day: 31), dataVintage: "sha256:00ff",
            target: .season(year: 2026, season: 2, seasonsPerYear: 3), horizon: 3, point: 61.25, unit: "tạ/ha",
            intervals: [.init(level: 95, lower: 55, upper: 67.5), .init(level: 80, lower: 57, upper: 65.5)],
            model: "CropYield(linear trend)", family: "crop-yield", selection: "loyo · 2005–2016", origin: .replayed)
        let month = Self.record(.month(year: 2025, month: 3), point: 0.1 + 0.2)
        try store.record([season, month], now: Batches.day(2026, 1, 31))
        let back = try store.records()
        #expect(back.count == 2)
        #expect(back.contains(season) && back.contains(month))
        #expect(back.first { $0.series == "rice-ds" }?.intervals.map(\.level) == [80, 95])
    }

    /// The first release scores a forecast; a revision adds a `latest` check and never rewrites the
    /// first, nor an older `latest` one.
    @Test func verificationUsesTheFirstReleaseAndARevisionDoesNotRewriteAnOldScore() throws {
        let t = try TemporaryStore()
        let store = try storeWithHistory(t)
        let march = PeriodDate.month(year: 2025, month: 3)
        try store.record([Self.record(march, point: 6200)], now: Batches.day(2025, 3, 5))
        // Not observed yet: nothing to check.
        #expect(try store.checkRecords(release: .first, now: Batches.day(2025, 3, 20)).added == 0)
        #expect(try store.checkedRecords(release: .first).map(\.check) == [nil])
        try release(store, march: 6150, on: Batches.day(2025, 4, 2), sha: "b")
        #expect(try store.checkRecords(release: .first, now: Batches.day(2025, 4, 3)).added == 1)
        #expect(try store.checkRecords(release: .latest, now: Batches.day(2025, 4, 3)).added == 1)
        // Checking again without new data writes nothing.
        #expect(try store.checkRecords(release: .first, now: Batches.day(2025, 4, 4)).added == 0)
        #expect(try store.checkRecords(release: .latest, now: Batches.day(2025, 4, 4)).added == 0)
        // A revision of March.
        try release(store, march: 6400, on: Batches.day(2025, 5, 2), sha: "c")
        #expect(try store.checkRecords(release: .first, now: Batches.day(2025, 5, 3)).added == 0)
        #expect(try store.checkRecords(release: .latest, now: Batches.day(2025, 5, 3)).added == 1)
        let first = try #require(try store.checkedRecords(release: .first).first?.check)
        #expect(first.actual == 6150 && first.vintage == Batches.day(2025, 4, 2))
        let latest = try #require(try store.checkedRecords(release: .latest).first?.check)
        #expect(latest.actual == 6400 && latest.vintage == Batches.day(2025, 5, 2))
        // The older latest check is still there, unchanged.
        let rows = try DatabaseQueue(path: t.path).read {
            try Row.fetchAll($0, sql: "SELECT release, actual FROM record_check ORDER BY release, vintage")
                .map { row -> String in
                    let release: String = row[0]
                    let actual: Double = row[1]
                    return "\(release) \(actual)"
                }
        }
        #expect(rows == ["first 6150.0", "latest 6150.0", "latest 6400.0"])
    }

    /// The observation is converted to the record's unit; a unit that does not convert is named and
    /// the record stays unchecked.
    @Test func theActualIsConvertedToTheRecordsUnit() throws {
        let t = try TemporaryStore()
        let store = try storeWithHistory(t)
        let march = PeriodDate.month(year: 2025, month: 3)
        try store.record(
            [Self.record(march, point: 6.2, half: 0.2, unit: "nghìn đồng/kg"),
             Self.record(march, point: 1, half: 0.1, vintage: "x", unit: "t/ha")], now: Batches.day(2025, 3, 5))
        try release(store, march: 6150, on: Batches.day(2025, 4, 2), sha: "b")
        let write = try store.checkRecords(release: .first, now: Batches.day(2025, 4, 3))
        #expect(write.added == 1 && write.unconvertible == ["paddy (VND/kg → t/ha)"])
        let checked = try store.checkedRecords(release: .first)
        let converted = try #require(checked.first { $0.record.unit == "nghìn đồng/kg" }?.check)
        #expect(abs(converted.actual - 6.15) < 1e-12)
        #expect(checked.first { $0.record.unit == "t/ha" }?.check == nil)
    }

    /// A replay's reading: where the store has no vintage as old as the issue day, a period counts
    /// as known from its end plus the release lag, with today's value.
    @Test func aReleaseLagStandsInForVintagesTheStoreDoesNotHave() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        _ = try store.import(
            Batches.batch(
                Batches.monthly("wb", from: .month(year: 2015, month: 10), [400, 410, 420, 430]),
                releaseDate: Batches.day(2025, 12, 2)), file: "pink.csv", sha256: "p", now: Batches.day(2025, 12, 3))
        // 15 January 2016 with a lag of one month: October and November (known from 30 November and
        // 30 December: a month after their last day), not December (known from 31 January).
        let asOf = Batches.day(2016, 1, 15)
        let known = try store.observations(seriesID: "wb", asOf: asOf, releaseLagMonths: 1)
        #expect(known.map(\.value) == [400, 410])
        #expect(known.last?.vintage == Date(timeIntervalSince1970: Double(PeriodDate.daysFromCivil(year: 2015, month: 12, day: 30)) * 86_400))
        #expect(try store.observations(seriesID: "wb", asOf: Batches.day(2016, 1, 31), releaseLagMonths: 1).count == 3)
        #expect(try store.observations(seriesID: "wb", asOf: asOf).isEmpty)
        // Real vintages as old as the issue day are used as they are.
        #expect(try store.observations(seriesID: "wb", asOf: Batches.day(2026, 1, 1), releaseLagMonths: 12).count == 4)
    }
}
