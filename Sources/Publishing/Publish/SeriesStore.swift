import Foundation

/// Where a publish configuration's store datasets (`"store": true`) are read from: the series of
/// muavu's store, as tidy CSV. The CLI gives the store this role (`StoreSeries`, in `muavu`).
///
/// Publishing does not import `Store` itself: `Store` loads GRDB, whose SQL operators (`+` on SQL
/// expressions, string literals as SQL) would become visible in every file of Publishing and make
/// its long string concatenations too slow to type-check.
public protocol SeriesStore: Sendable {
    /// The store file (for messages, and so that no output folder holds it).
    var path: String { get }
    /// The series ids the store holds.
    func seriesIDs() throws -> [String]
    /// Series `ids` as the store last knows them, as tidy CSV (`series_id,date,value[,unit]`, the
    /// text `muavu data export` prints), numbers written with a decimal point.
    func tidyCSV(of ids: [String]) throws -> Data
    /// The newest vintage of series `id` known to this reading (its release date, else its import
    /// time; in a replay, the instant its release lag makes it known): the data vintage of a
    /// forecast of record. Nil when unknown.
    func latestVintage(of id: String) throws -> Date?
}

extension SeriesStore {
    public func latestVintage(of id: String) throws -> Date? { nil }
}
