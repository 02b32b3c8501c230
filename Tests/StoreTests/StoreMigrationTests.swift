import Foundation
import GRDB
import Store
import Testing
import TimeSeriesCore

/// A store made by an older muavu opens, upgrades and keeps every row: the fixture is the SQL
/// dump of a store muavu wrote with schema v1 (Fixtures/v1/make-store-v1.sh).
@Suite struct StoreMigrationTests {
    /// The store of Fixtures/v1/store-v1.sql, built in `t`.
    func v1Store(in t: TemporaryStore) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/v1/store-v1", withExtension: "sql"))
        let sql = try String(contentsOf: url, encoding: .utf8)
        try DatabaseQueue(path: t.path).writeWithoutTransaction { try $0.execute(sql: sql) }
    }

    /// The values of release-1.csv and release-2.csv, read from the files themselves.
    func release(_ name: String) throws -> [String: [Double]] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/v1/\(name)", withExtension: "csv"))
        var values: [String: [Double]] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            values[String(f[0]), default: []].append(Double(f[2])!)
        }
        return values
    }

    @Test func aVersion1StoreUpgradesWithoutLoss() throws {
        let t = try TemporaryStore()
        try v1Store(in: t)
        let store = try ObservationStore(path: t.path)
        let vintages = try DatabaseQueue(path: t.path).read {
            try Int64.fetchAll($0, sql: "SELECT DISTINCT vintage FROM observation ORDER BY vintage")
        }
        #expect(vintages.count == 2)
        let firstVintage = Date(timeIntervalSince1970: Double(vintages[0]) / 1000)
        let one = try release("release-1")
        let two = try release("release-2")
        #expect(try store.seriesIDs() == ["paddy-dt", "rice-area"])
        #expect(try store.observations(seriesID: "paddy-dt", asOf: firstVintage).map(\.value) == one["paddy-dt"])
        #expect(try store.observations(seriesID: "rice-area").map(\.value) == one["rice-area"])
        // Now: release 1's first month, then release 2's months (a revision, an unchanged month, a new one).
        #expect(try store.observations(seriesID: "paddy-dt").map(\.value) == [one["paddy-dt"]![0]] + two["paddy-dt"]!)
        #expect(try store.status().map(\.source) == ["release-2.csv", "release-1.csv"])
    }

    /// An upgraded store has the schema a new store gets.
    @Test func anUpgradedStoreHasTheSchemaOfANewOne() throws {
        let old = try TemporaryStore()
        try v1Store(in: old)
        _ = try ObservationStore(path: old.path)
        let new = try TemporaryStore()
        _ = try ObservationStore(path: new.path)
        func schema(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read {
                try String.fetchAll($0, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
                    + [try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations").joined(separator: ",")]
            }
        }
        #expect(try schema(old.path) == schema(new.path))
    }

    @Test func aStoreOfANewerMuavuIsRefusedUntouched() throws {
        let t = try TemporaryStore()
        try v1Store(in: t)
        try DatabaseQueue(path: t.path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        let before = try DatabaseQueue(path: t.path).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM observation")
        }
        let error = try #require(throws: StoreError.self) { try ObservationStore(path: t.path) }
        #expect(error.code == .newerSchema && error.message.contains("v99"))
        #expect(
            try DatabaseQueue(path: t.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM observation") }
                == before)
    }
}
