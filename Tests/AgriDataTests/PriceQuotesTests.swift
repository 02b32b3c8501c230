import AgriData
import Foundation
import Testing
import TimeSeriesCore

/// The monthly series of the An Giang paddy price board built from its irregular daily quotes
/// (`PriceQuotes.monthly`), checked against an independent pandas count over the publisher's file
/// (Fixtures/paddy/board-months.csv, made by scripts/fixtures/paddy_board_months.py).
@Suite("Paddy price quotes → monthly series")
struct PriceQuotesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let quotesPath = root.appendingPathComponent("datasets/paddy-price-quotes.csv").path

    /// One row of the fixture.
    struct Month {
        var variety: String, state: String, month: String, days: Int, value: Double?
    }

    static let reference: [Month] = {
        let path = root.appendingPathComponent("Tests/AgriDataTests/Fixtures/paddy/board-months.csv").path
        guard let table = try? CSVTable(path: path) else { return [] }
        return table.rows.map { r in
            let f = r.fields
            return Month(variety: f[0], state: f[1], month: f[2], days: Int(f[3]) ?? -1, value: Double(f[4]))
        }
    }()

    static let boards: [(variety: String, state: PaddyState)] = [
        ("IR 50404", .fresh), ("IR 50404", .dry), ("OM 5451", .fresh), ("Dai Thom 8", .fresh), ("OM 18", .fresh),
    ]

    @Test("IR 50404 fresh: 36 months quoted of the 71 from 2020-05, 26 of them on a single day")
    func ir50404Counts() throws {
        let quotes = try PriceQuotes(path: Self.quotesPath)
        let m = quotes.monthly(
            market: "An Giang", variety: "IR 50404", state: .fresh, through: .month(year: 2026, month: 3))
        let expected = Self.reference.filter { $0.variety == "IR 50404" && $0.state == "fresh" }
        #expect(!expected.isEmpty)
        #expect(m.start == .month(year: 2020, month: 5))
        #expect(m.values.count == expected.count)
        #expect(m.quotedMonths == expected.filter { $0.days > 0 }.count)
        #expect(m.singleDayMonths == expected.filter { $0.days == 1 }.count)
        // The numbers the press copies of the board give (PROVENANCE.txt: 36 derived months).
        #expect((m.values.count, m.quotedMonths) == (71, 36))
    }

    @Test("Every board series: months, days and means as pandas counts them", arguments: boards)
    func board(_ variety: String, _ state: PaddyState) throws {
        let quotes = try PriceQuotes(path: Self.quotesPath)
        let m = quotes.monthly(
            market: "an giang", variety: variety, state: state, through: .month(year: 2026, month: 3))
        let expected = Self.reference.filter { $0.variety == variety && $0.state == state.rawValue }
        #expect(!expected.isEmpty)
        #expect(m.values.count == expected.count)
        for (i, e) in expected.enumerated() where i < m.values.count {
            #expect(m.month(at: i)?.description == e.month)
            #expect(m.days[i] == e.days, "\(e.month)")
            if let v = e.value {
                #expect(abs(m.values[i] - v) <= 1e-9 * v, "\(e.month): \(m.values[i]) vs \(v)")
            } else {
                #expect(m.values[i].isNaN, "\(e.month) is a gap")
            }
        }
    }

    @Test("Varieties match folded and without spaces", arguments: ["ir50404", "IR 50404", "Ir-50404"])
    func varietyNames(_ name: String) throws {
        let quotes = try PriceQuotes(path: Self.quotesPath)
        let a = quotes.monthly(market: "An Giang", variety: name, state: .fresh)
        #expect(a.quotedMonths == 36)
        let thom = quotes.monthly(market: "An Giang", variety: "Đài Thơm 8", state: .fresh)
        let folded = quotes.monthly(market: "An Giang", variety: "dai thom 8", state: .fresh)
        #expect(thom.days == folded.days && thom.dates == folded.dates)
        #expect(thom.quotedMonths > 0)
    }

    @Test("States: kho is dry; tuoi and unspecified are fresh; other cells are neither")
    func states() {
        #expect(PaddyState(cell: "kho") == .dry)
        #expect(PaddyState(cell: "kho (dry)") == .dry)
        #expect(PaddyState(cell: "tuoi (fresh, at field)") == .fresh)
        #expect(PaddyState(cell: "unspecified(listed 'IR 504')") == .fresh)
        #expect(PaddyState(cell: "") == nil)
    }

    @Test("A day quoted twice counts once; a month without a quote is a gap with 0 days")
    func duplicatesAndGaps() throws {
        let csv = """
            date,market,variety,state,price_low,price_high
            2024-01-05,An Giang,IR 50404,tuoi,6000,6200
            2024-01-05,An Giang,IR 50404,tuoi,6000,6400
            2024-01-20,An Giang,IR 50404,tuoi,5800,6000
            2024-03,An Giang,IR 50404,tuoi,7000,7000
            2024-04-02,An Giang,IR 50404,unspecified,6500,
            """
        let quotes = try PriceQuotes(data: Data(csv.utf8), file: "q.csv")
        #expect(quotes.undated == 1)
        let m = quotes.monthly(market: "An Giang", variety: "IR 50404", state: .fresh)
        #expect(m.days == [2, 0, 0, 1])
        #expect(m.values[0] == (6150 + 5900) / 2)
        #expect(m.values[1].isNaN && m.values[2].isNaN)
        #expect(m.values[3] == 6500)
    }

    @Test("A price that is not a number is refused with its line and column")
    func badPrice() {
        let csv = "date,market,variety,state,price_low,price_high\n2024-01-05,An Giang,IR 50404,tuoi,6000,6.150\n"
        #expect {
            _ = try PriceQuotes(data: Data(csv.utf8), file: "q.csv")
        } throws: { error in
            guard let e = error as? DataError else { return false }
            return e.line == 2 && e.column == 6 && e.code == .notNumeric
        }
    }
}
