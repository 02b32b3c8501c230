import Foundation
import TimeSeriesCore

/// Whether a paddy price is of fresh paddy, straight from the field (lúa tươi), or of dried
/// paddy (lúa khô), as a price board writes it.
public enum PaddyState: String, Sendable, CaseIterable, Codable {
    case fresh, dry

    /// The words that name the state, as typed (compared folded, like commodity names).
    public var words: [String] {
        switch self {
        case .fresh: ["tươi", "tuoi", "fresh"]
        case .dry: ["khô", "kho", "dry"]
        }
    }

    /// The state in each language: "tươi" / "fresh".
    public var vi: String { self == .fresh ? "tươi" : "khô" }
    public var en: String { rawValue }

    /// Which state a quote's `state` cell says: `kho…` is dry; `tuoi…` and `unspecified…` are
    /// fresh (the An Giang board quotes fresh paddy unless it says dry: the press copies that do not
    /// name the state copy its fresh column); nil for anything else.
    public init?(cell: String) {
        let c = TextKey.compact(cell)
        if c.hasPrefix("kho") || c.hasPrefix("dry") {
            self = .dry
        } else if c.hasPrefix("tuoi") || c.hasPrefix("fresh") || c.hasPrefix("unspecified") {
            self = .fresh
        } else {
            return nil
        }
    }
}

/// One farm-gate price quote: a day, a market, a variety, a state and the price range printed.
public struct PriceQuote: Sendable, Equatable {
    public var day: PeriodDate
    public var market: String
    public var variety: String
    public var state: PaddyState?
    public var low: Double
    public var high: Double
    /// The line of the quote in its file.
    public var line: Int

    /// The day's price: the midpoint of the range quoted, (low + high) / 2.
    public var midpoint: Double { (low + high) / 2 }
}

/// The paddy price quotes of a file like `datasets/paddy-price-quotes.csv` (one row per day,
/// market, variety and state: `date,market,variety,state,price_low,price_high`, other columns
/// kept aside), and the monthly series built from them (`monthly`).
///
/// Rows dated to a month only, or with a date that is not a calendar day (`2018 (season
/// average)`, `2019-02 (a few days before article)`), are not quotes of a day and are left out of
/// the monthly series; `undated` counts them.
public struct PriceQuotes: QuoteTable {
    public var file: String
    public var quotes: [PriceQuote]
    /// Rows whose date is not a calendar day (`YYYY-MM-DD`).
    public var undated: Int

    /// Reads the quotes of `table`; a missing column, a price that is not a number, or a high below
    /// the low is a `DataError` naming the file, line and column.
    public init(table: CSVTable) throws {
        file = table.file
        let date = try table.columnIndex("date")
        let market = try table.columnIndex("market")
        let variety = try table.columnIndex("variety")
        let state = try table.columnIndex("state")
        let lowColumn = try table.columnIndex("price_low")
        let highColumn = try table.columnIndex("price_high")
        var quotes: [PriceQuote] = []
        var undated = 0
        for row in table.rows {
            let f = row.fields
            func price(_ j: Int, _ name: String) throws -> Double? {
                let cell = f[j].trimmingCharacters(in: .whitespaces)
                if CSVTable.isMissing(cell) { return nil }
                // Digits only: "6.150" would read as six đồng (a Vietnamese thousands mark), never guessed.
                guard cell.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Double(cell), v > 0 else {
                    throw DataError(
                        .notNumeric, file: table.file, line: row.line, column: j + 1, columnName: name,
                        "expected a price in đồng/kg written with digits only (e.g. 6150), found '\(cell)'")
                }
                return v
            }
            let text = f[date].trimmingCharacters(in: .whitespaces)
            guard text.count == 10, let day = PeriodDate(parsing: text), case .day = day else {
                undated += 1
                continue
            }
            guard let low = try price(lowColumn, "price_low") ?? price(highColumn, "price_high") else {
                throw DataError(
                    .missingValue, file: table.file, line: row.line, column: lowColumn + 1, columnName: "price_low",
                    "a quote needs a price: price_low or price_high")
            }
            let high = try price(highColumn, "price_high") ?? low
            guard high >= low else {
                throw DataError(
                    .impossibleValue, file: table.file, line: row.line, column: highColumn + 1,
                    columnName: "price_high", "the high price \(high) is below the low price \(low)")
            }
            quotes.append(
                PriceQuote(
                    day: day, market: f[market], variety: f[variety], state: PaddyState(cell: f[state]),
                    low: low, high: high, line: row.line))
        }
        self.quotes = quotes
        self.undated = undated
    }

    /// The varieties quoted at `market` (compared folded), in the order first met.
    public func varieties(at market: String) -> [String] {
        var seen: [String] = []
        for q in quotes where TextKey.compact(q.market) == TextKey.compact(market) {
            if !seen.map(TextKey.compact).contains(TextKey.compact(q.variety)) { seen.append(q.variety) }
        }
        return seen
    }

    /// The monthly series of one variety in one state at one market (`MonthlyQuotes`): each
    /// month's value is the mean of the days quoted in it, a day's price the midpoint of its range;
    /// a month without a quoted day is a gap (NaN, 0 days). The months run from the first month
    /// quoted through `through` (default: the last month quoted). Variety and market compare
    /// folded and without spaces ("IR 50404" = "ir50404", "Đài Thơm 8" = "Dai Thom 8").
    /// A day quoted twice (two copies of the board) counts once, at the mean of its midpoints.
    public func monthly(market: String, variety: String, state: PaddyState, through: PeriodDate? = nil)
        -> MonthlyQuotes
    {
        let (m, v) = (TextKey.compact(market), TextKey.compact(variety))
        let chosen = quotes.filter {
            TextKey.compact($0.market) == m && TextKey.compact($0.variety) == v && $0.state == state
        }
        var byDay: [PeriodDate: [Double]] = [:]
        for q in chosen { byDay[q.day, default: []].append(q.midpoint) }
        let days = byDay.keys.sorted()
        func month(_ d: PeriodDate) -> PeriodDate {
            guard case .day(let y, let mo, _) = d else { return d }
            return .month(year: y, month: mo)
        }
        guard let first = days.first.map(month), let lastQuoted = days.last.map(month) else {
            return MonthlyQuotes(
                market: market, variety: variety, state: state, start: nil, values: [], days: [], dates: [])
        }
        let last = max(lastQuoted, through ?? lastQuoted)
        let count = last.ordinal - first.ordinal + 1
        var sums = [Double](repeating: 0, count: count)
        var dates = [[PeriodDate]](repeating: [], count: count)
        for d in days {
            let i = month(d).ordinal - first.ordinal
            let prices = byDay[d] ?? []
            sums[i] += prices.reduce(0, +) / Double(prices.count)
            dates[i].append(d)
        }
        let values = (0..<count).map { dates[$0].isEmpty ? Double.nan : sums[$0] / Double(dates[$0].count) }
        return MonthlyQuotes(
            market: market, variety: variety, state: state, start: first, values: values,
            days: dates.map(\.count), dates: dates)
    }
}

/// A monthly price series built from irregular daily quotes (`PriceQuotes.monthly`): the mean of
/// the days quoted in each month, NaN in a month without a quote, and the number of days behind
/// each month, so that a month resting on one day is never taken for a full monthly average.
public struct MonthlyQuotes: Sendable, Equatable {
    public var market: String
    public var variety: String
    public var state: PaddyState
    /// The first month (nil: nothing was quoted).
    public var start: PeriodDate?
    /// The monthly means, NaN where no day was quoted.
    public var values: [Double]
    /// The days quoted in each month (0 in a gap).
    public var days: [Int]
    /// The days quoted, month by month.
    public var dates: [[PeriodDate]]

    /// Months with at least one quoted day.
    public var quotedMonths: Int { days.filter { $0 > 0 }.count }
    /// Months whose value rests on a single day.
    public var singleDayMonths: Int { days.filter { $0 == 1 }.count }

    /// The month of index `i`.
    public func month(at i: Int) -> PeriodDate? { start?.advanced(by: i) }

    /// The series (monthly, NaN in the gaps) under `id`, in đồng/kg (`VND/kg`).
    public func series(id: String) -> TimeSeries {
        TimeSeries(id: id, values: values, frequency: .monthly, start: start, unit: "VND/kg")
    }

    /// The days behind each month of `months` (0 where nothing was quoted or the month lies outside).
    public func days(in months: [PeriodDate]) -> [Int] {
        guard let start else { return months.map { _ in 0 } }
        return months.map { m in
            let i = m.ordinal - start.ordinal
            return days.indices.contains(i) ? days[i] : 0
        }
    }
}

/// A table of quotes read from a CSV file (`PriceQuotes`, `QuoteSheet`): from a path or from bytes.
public protocol QuoteTable: Sendable {
    init(table: CSVTable) throws
}

extension QuoteTable {
    public init(path: String) throws {
        try self.init(table: CSVTable(path: path))
    }

    public init(data: Data, file: String) throws {
        try self.init(table: CSVTable(reader: CSVReader(data: data, file: file)))
    }
}
