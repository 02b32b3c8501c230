import Documents
import Forecasting
import Foundation
import Rendering
import TestSupport
import Testing
import TimeSeriesCore

@testable import Publishing

/// The SMS and Zalo forms of an outlook: what they say, the 160-septet rule, the shortening
/// order, and a number never cut.
@Suite struct OutlookMessageTests {
    static let rice = Bilingual(vi: "Gạo (bán buôn)", en: "Rice (wholesale)")
    static let dongThap = Bilingual(vi: "Đồng Tháp", en: "Đồng Tháp")
    static let unit = Bilingual(vi: "đồng/kg", en: "VND/kg")

    /// The Đồng Tháp prices to 2021-06 (real), issued on 15 July 2021 with a hand-made forecast
    /// for July–September: 9,100 (8,600–9,600), 9,200 (8,500–9,900), 9,300 (8,400–10,200).
    static func outlook(
        commodity: Bilingual = rice, market: Bilingual = dongThap, unit: Bilingual = unit,
        issued: PeriodDate? = .day(year: 2021, month: 7, day: 15)
    ) throws -> PriceOutlook {
        let f = Forecast(
            model: ModelSummary(name: "hand", family: "naive"), mean: [9100, 9200, 9300],
            intervals: [PredictionInterval(level: 80, lower: [8600, 8500, 8400], upper: [9600, 9900, 10200])])
        return try PriceOutlook(
            series: ChartSampleData.dongThap, forecast: f, commodity: commodity, market: market, unit: unit,
            issued: issued
        ).with(following: f, after: 1, backtest: .init(held: 278, cases: 327))
    }

    static func septets(_ s: String) -> Int { GSM7.septets(s) ?? .max }

    @Test func theSMSSaysPriceMonthAgeAndNextMonthsRange() throws {
        let sms = OutlookMessage.sms(try Self.outlook())
        // 167 septets with the sender and date, which go first.
        #expect(
            sms
                == "Gao (ban buon), Dong Thap: gia moi nhat 9.063 dong/kg (thang 6/2021, cach day 1 thang). "
                + "Thang 8/2021 co the 8.500-9.900 dong/kg (8 tren 10 kha nang).")
        #expect(Self.septets(sms) == 149)
        #expect(!sms.contains("Nen"))
    }

    @Test func theZaloMessageKeepsTheDiacritics() throws {
        let zalo = OutlookMessage.zalo(try Self.outlook())
        #expect(
            zalo == """
                Gạo (bán buôn), Đồng Tháp
                Giá mới nhất: 9.063 đồng/kg (tháng 6/2021, cách đây 1 tháng).
                Tháng 8/2021: có thể từ 8.500 đến 9.900 đồng/kg, 8 trên 10 khả năng.
                muavu, 15/07/2021
                """)
        #expect(zalo.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let en = OutlookMessage.zalo(try Self.outlook(), language: .en)
        #expect(en.contains("Latest price: 9,063 VND/kg (June 2021, 1 month ago)."))
        #expect(en.contains("August 2021: likely 8,500 to 9,900 VND/kg, 8 chances in 10."))
    }

    @Test func waitingIsSaidOnlyWhenTheOutlookAnswersIt() throws {
        let o = try Self.outlook()
        let store = OutlookMessage.Waiting.store(until: .month(year: 2021, month: 9), chance: 6)
        #expect(
            OutlookMessage.zalo(o, waiting: store).contains(
                "\nNên chờ: trữ lúa đến tháng 9/2021, khả năng lời hơn bán ngay 6/10.\n"))
        #expect(
            OutlookMessage.zalo(o, waiting: .sellNow(chance: 3))
                .contains("\nNên bán ngay: trữ lúa để bán sau, khả năng lời hơn không quá 3/10.\n"))
        for w in [store, .sellNow(chance: 3)] {
            let sms = OutlookMessage.sms(o, waiting: w)
            #expect(Self.septets(sms) <= 160, "\(sms)")
            #expect(sms.contains("Nen"))
            #expect(sms.contains("9.063") && sms.contains("8.500-9.900") && sms.contains("thang 6/2021"))
        }
        #expect(!OutlookMessage.zalo(o).contains("Nên"))
    }

    /// Each step of the documented order, on names that push the message just past 160.
    @Test func shortensInTheDocumentedOrder() throws {
        let stamp = " muavu, 15/07/2021"
        let odds = " (8 tren 10 kha nang)"
        let age = ", cach day 1 thang"
        // Padding the commodity's name by k letters makes the whole message k septets longer.
        func sms(padding k: Int) throws -> String {
            let name = Bilingual(vi: "Gạo" + String(repeating: "x", count: k), en: "Rice")
            return OutlookMessage.sms(try Self.outlook(commodity: name, market: Bilingual(vi: "", en: "")))
        }
        let spare = 160 - Self.septets(try sms(padding: 0))
        #expect(try sms(padding: spare).hasSuffix(stamp))
        #expect(try !sms(padding: spare + 1).contains("muavu") && sms(padding: spare + 1).contains(odds))
        let noOdds = try sms(padding: spare + stamp.count + 1)
        #expect(!noOdds.contains(odds) && noOdds.contains(age))
        let noAge = try sms(padding: spare + stamp.count + odds.count + 1)
        #expect(!noAge.contains(age) && noAge.contains("(thang 6/2021)"))
        for s in [noOdds, noAge] { #expect(Self.septets(s) <= 160) }
    }

    /// The answer read from the sell-or-store statements: the first month with 6 in 10 or more and a
    /// gain on average; else sell now with the highest chance; no statement, no answer.
    @Test func waitingFromTheStatements() {
        let now = PeriodDate.month(year: 2026, month: 3)
        typealias W = OutlookMessage.Waiting
        #expect(W(now: now, statements: []) == nil)
        #expect(
            W(now: now, statements: [(1, 0.3, -200_000), (2, 0.62, 15_000), (3, 0.8, 90_000)])
                == .store(until: .month(year: 2026, month: 5), chance: 6))
        // 0.55 rounds to 6 tenths but loses on average: not a reason to wait.
        #expect(W(now: now, statements: [(1, 0.55, -1_000), (2, 0.34, -50_000)]) == .sellNow(chance: 6))
        #expect(W(now: now, statements: [(1, 0.54, 10_000), (2, 0.2, -50_000)]) == .sellNow(chance: 5))
    }

    /// Hostile names and units: the numbers and months stay whole, the message fits.
    @Test(arguments: [
        (String(repeating: "Gạo thơm đặc sản ", count: 30), "đồng/kg"),
        (String(repeating: "x", count: 500), "đồng/kg"),
        ("Lúa IR 50404 " + String(repeating: "5", count: 300), "đồng/kg"),
        ("Gạo", String(repeating: "đồng trên một ki-lô-gam ", count: 20)),
        ("[{€}] ~ | ^ \\ " + String(repeating: "€", count: 100), "€/kg"),
        ("🌾🌾🌾 中文 \u{0}\t", "đ/kg"),
    ])
    func hostileNamesStillFit(name: String, unit: String) throws {
        let o = try Self.outlook(
            commodity: Bilingual(vi: name, en: name), market: Bilingual(vi: name, en: name),
            unit: Bilingual(vi: unit, en: unit))
        for w in [nil, OutlookMessage.Waiting.store(until: .month(year: 2021, month: 9), chance: 7)] {
            let sms = OutlookMessage.sms(o, waiting: w)
            #expect(GSM7.isEncodable(sms))
            #expect(Self.septets(sms) <= 160, "\(Self.septets(sms)): \(sms)")
            #expect(sms.contains(" 9.063 ") && sms.contains("(thang 6/2021") && sms.contains("8.500-9.900 "))
            #expect(sms.contains("Thang 8/2021 co the"))
            // No number is cut: every digit run of the name part is a run of the original name.
            let namePart = sms.prefix { $0 != ":" }
            let original = GSM7.transliterated(name)
            for run in namePart.split(whereSeparator: { !$0.isNumber }) {
                #expect(original.split(whereSeparator: { !$0.isNumber }).contains(run), "\(run)")
            }
        }
    }

    @Test func withoutAnIssueDateTheLatestPriceIsNowAndNoStamp() throws {
        let o = try Self.outlook(issued: nil)
        let sms = OutlookMessage.sms(o)
        #expect(sms.contains("gia hien nay 9.063 dong/kg (thang 6/2021)."))
        #expect(sms.contains("Thang 7/2021 co the 8.600-9.600"))
        #expect(!sms.contains("muavu"))
    }

    /// The messages counted by the Python implementation too.
    @Test func pythonCountsTheMessagesTheSame() throws {
        let o = try Self.outlook()
        let texts = [
            OutlookMessage.sms(o), OutlookMessage.sms(o, waiting: .sellNow(chance: 2)),
            OutlookMessage.sms(o, language: .en),
            OutlookMessage.zalo(o),
        ]
        let counts = try GSM7Reference.counts(texts)
        #expect(counts.map(\.septets) == texts.map { GSM7.septets($0) })
        #expect(counts.prefix(3).allSatisfy { $0.encodable && ($0.septets ?? .max) <= 160 })
        #expect(counts.last?.encodable == false)
    }
}
