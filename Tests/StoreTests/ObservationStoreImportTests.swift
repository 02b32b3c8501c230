import AgriData
import Foundation
import Store
import Testing
import TimeSeriesCore

/// `ObservationStore.import`: new / unchanged / revised, vintages never overwritten, idempotence,
/// and refusals that leave the store as it was.
@Suite struct ObservationStoreImportTests {
    let may = PeriodDate.month(year: 2025, month: 5)

    @Test func importedObservationsReadBackAsGiven() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let given = Batches.monthly("paddy", from: may, [6100, 6250, nil, 6300.5])
        let report = try store.import(Batches.batch(given), file: "a.csv", sha256: "a", now: Batches.day(2025, 9, 1))
        #expect((report.new, report.unchanged, report.revised, report.series) == (3, 0, 0, 1))
        let read = try store.observations(seriesID: "paddy")
        #expect(read.map(\.period) == given.map(\.period))
        #expect(read.map(\.value) == given.map(\.value))
        #expect(read.allSatisfy { $0.unit == "VND/kg" && $0.vintage == Batches.day(2025, 9, 1) })
        #expect(try store.seriesIDs() == ["paddy"])
    }

    @Test func sameFileTwiceWritesNothing() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let batch = Batches.batch(Batches.monthly("paddy", from: may, [6100, 6250]))
        _ = try store.import(batch, file: "a.csv", sha256: "abc", now: Batches.day(2025, 9, 1))
        let again = try store.import(batch, file: "copy/a.csv", sha256: "abc", now: Batches.day(2025, 10, 1))
        #expect(again.alreadyImported)
        #expect(again.previousImport?.path == "a.csv")
        #expect(again.previousImport?.importedAt == Batches.day(2025, 9, 1))
        #expect((again.new, again.unchanged, again.revised) == (0, 0, 0))
        // The same content under another SHA-256 (a re-saved file) is all unchanged, nothing new.
        let resaved = try store.import(batch, file: "b.csv", sha256: "def", now: Batches.day(2025, 10, 1))
        #expect((resaved.new, resaved.unchanged, resaved.revised) == (0, 2, 0))
        #expect(try store.observations(seriesID: "paddy").allSatisfy { $0.vintage == Batches.day(2025, 9, 1) })
    }

    @Test func revisionKeepsBothVintagesAndAsOfReproducesTheOld() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let first = Batches.day(2025, 10, 3)
        let second = Batches.day(2025, 11, 4)
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: may, [6100, 6250, 6300]), releaseDate: first),
            file: "october.xlsx", sha256: "1", now: Batches.day(2025, 12, 1))
        let report = try store.import(
            Batches.batch(Batches.monthly("paddy", from: may, [6100, 6275, 6310, 6400]), releaseDate: second),
            file: "november.xlsx", sha256: "2", now: Batches.day(2025, 12, 1))
        #expect((report.new, report.unchanged, report.revised) == (1, 1, 2))
        #expect(report.vintage == second && report.vintageIsReleaseDate)
        #expect(try store.observations(seriesID: "paddy").map(\.value) == [6100, 6275, 6310, 6400])
        let before = try store.observations(seriesID: "paddy", asOf: Batches.day(2025, 11, 1))
        #expect(before.map(\.value) == [6100, 6250, 6300])
        #expect(before.allSatisfy { $0.vintage == first })
        #expect(try store.observations(seriesID: "paddy", asOf: second).map(\.value) == [6100, 6275, 6310, 6400])
        #expect(try store.observations(seriesID: "paddy", asOf: Batches.day(2025, 10, 1)).isEmpty)
    }

    /// An older release imported after a newer one is compared with what was known at its own
    /// release date, so the newer values stay current.
    @Test func olderReleaseImportedLateFillsThePast() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let (older, newer) = (Batches.day(2025, 10, 3), Batches.day(2025, 11, 4))
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: may, [6100, 6275]), releaseDate: newer), file: "new",
            sha256: "2", now: Batches.day(2025, 12, 1))
        let late = try store.import(
            Batches.batch(Batches.monthly("paddy", from: may, [6100, 6250]), releaseDate: older), file: "old",
            sha256: "1", now: Batches.day(2025, 12, 2))
        #expect((late.new, late.unchanged, late.revised) == (2, 0, 0))
        #expect(try store.observations(seriesID: "paddy").map(\.value) == [6100, 6275])
        #expect(try store.observations(seriesID: "paddy", asOf: older).map(\.value) == [6100, 6250])
    }

    @Test func anotherUnitForAStoredSeriesIsRefusedAndNothingIsWritten() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: may, [6100])), file: "a", sha256: "1",
            now: Batches.day(2025, 9, 1))
        // The first series of this batch is fine; the second changes unit: the whole batch is refused.
        let batch = Batches.batch(
            Batches.monthly("mango", from: may, [30_000]) + Batches.monthly("paddy", from: may, [6.1], unit: "VND/g"))
        let error = try #require(throws: StoreError.self) {
            try store.import(batch, file: "b", sha256: "2", now: Batches.day(2025, 10, 1))
        }
        #expect(error.code == .seriesMismatch)
        #expect(error.description.contains("'VND/kg'") && error.description.contains("'VND/g'"))
        #expect(try store.seriesIDs() == ["paddy"])
        // The refused file was not recorded: importing it again is refused again, not "already imported".
        #expect(throws: StoreError.self) {
            try store.import(batch, file: "b", sha256: "2", now: Batches.day(2025, 10, 1))
        }
    }

    @Test func batchesThatCannotBeStoredAreRefused() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let twice = Batches.monthly("paddy", from: may, [6100]) + Batches.monthly("paddy", from: may, [6200])
        let nan = Batches.monthly("paddy", from: may, [.nan])
        let mixed =
            Batches.monthly("paddy", from: may, [6100]) + [
                ImportedObservation(seriesID: "paddy", period: .year(2025), value: 1, unit: "VND/kg", origin: "row 9")
            ]
        let codes = try [twice, nan, mixed].map { obs in
            try #require(throws: StoreError.self) {
                try store.import(Batches.batch(obs), file: "x", sha256: "x", now: Batches.day(2025, 9, 1))
            }.code
        }
        #expect(codes == [.conflictingValue, .nonFinite, .seriesMismatch])
        #expect(try store.seriesIDs().isEmpty)
        // The same period twice with the same value is one observation.
        let same = Batches.monthly("paddy", from: may, [6100]) + Batches.monthly("paddy", from: may, [6100])
        let report = try store.import(Batches.batch(same), file: "y", sha256: "y", now: Batches.day(2025, 9, 1))
        #expect(report.new == 1)
    }

    @Test func aDifferentValueFromTheSameReleaseIsAConflict() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        let release = Batches.day(2025, 11, 4)
        _ = try store.import(
            Batches.batch(Batches.monthly("paddy", from: may, [6100]), releaseDate: release), file: "a", sha256: "1",
            now: Batches.day(2025, 12, 1))
        let error = try #require(throws: StoreError.self) {
            try store.import(
                Batches.batch(Batches.monthly("paddy", from: may, [6200]), releaseDate: release), file: "b",
                sha256: "2", now: Batches.day(2025, 12, 2))
        }
        #expect(error.code == .conflictingValue)
    }

    @Test func aChangedStatusIsARevision() throws {
        let t = try TemporaryStore()
        let store = try t.open()
        _ = try store.import(
            Batches.batch(Batches.monthly("rice", from: may, [5.9], unit: "t/ha", status: "E")), file: "a",
            sha256: "1", now: Batches.day(2025, 9, 1))
        let report = try store.import(
            Batches.batch(Batches.monthly("rice", from: may, [5.9], unit: "t/ha", status: "A")), file: "b",
            sha256: "2", now: Batches.day(2025, 10, 1))
        #expect(report.revised == 1)
        #expect(try store.observations(seriesID: "rice").map(\.status) == ["A"])
        #expect(try store.observations(seriesID: "rice", asOf: Batches.day(2025, 9, 2)).map(\.status) == ["E"])
    }
}
