import Agronomy
import Documents
import Forecasting
import Foundation
import Testing
import TimeSeriesCore

@testable import Publishing

@Suite struct OutlookTests {
    static let rice = Bilingual(vi: "Lúa gạo bán buôn", en: "Wholesale rice")
    static let tamNong = Bilingual(vi: "Tam Nông, Đồng Tháp", en: "Tam Nông, Đồng Tháp")
    static let unit = Bilingual(vi: "đồng/kg", en: "VND/kg")

    /// The Đồng Tháp record to 2017-12 (real prices) and a hand-made forecast for 2018-01:
    /// 8,200 with an 80% range of 7,700–8,700. Latest price 8,080 (2017-12), a year before the
    /// target 6,916.67 (2017-01): up 1.49% → 1% and up 18.55% → 19%.
    func to2017() -> (TimeSeries, Forecast) {
        var s = ChartSampleData.dongThap
        s.values = Array(s.values.prefix(36))
        let f = Forecast(
            model: ModelSummary(name: "hand", family: "naive"), mean: [8200],
            intervals: [PredictionInterval(level: 80, lower: [7700], upper: [8700])])
        return (s, f)
    }

    @Test func wordsTheOutlookByHand() throws {
        let (s, f) = to2017()
        let o = try PriceOutlook(series: s, forecast: f, commodity: Self.rice, market: Self.tamNong, unit: Self.unit)
        #expect(o.target == .month(year: 2018, month: 1) && o.latestDate == .month(year: 2017, month: 12))
        #expect(o.yearAgoDate == .month(year: 2017, month: 1) && o.yearAgo == 6916.67)
        #expect(
            o.text.vi
                == "Lúa gạo bán buôn tại Tam Nông, Đồng Tháp: giá tháng 1/2018 dự kiến khoảng 8.200 đồng/kg, 8 trên 10 khả năng trong khoảng 7.700–8.700 đồng/kg. So với hiện nay (tháng 12/2017: 8.080 đồng/kg): tăng 1%; so với cùng kỳ năm trước (tháng 1/2017: 6.917 đồng/kg): tăng 19%."
        )
        #expect(
            o.text.en
                == "Wholesale rice at Tam Nông, Đồng Tháp: the price for January 2018 is expected to be about 8,200 VND/kg, with 8 chances in 10 of lying between 7,700 and 8,700 VND/kg. Against the latest price (December 2017: 8,080 VND/kg): up 1%; against the same month last year (January 2017: 6,917 VND/kg): up 19%."
        )
    }

    @Test func withoutAMarketName() throws {
        let (s, f) = to2017()
        let o = try PriceOutlook(
            series: s, forecast: f, commodity: Self.rice, market: Bilingual(vi: "", en: ""), unit: Self.unit)
        #expect(o.text.vi.hasPrefix("Lúa gạo bán buôn: giá tháng 1/2018 dự kiến"))
        #expect(o.text.en.hasPrefix("Wholesale rice: the price for January 2018"))
    }

    @Test(arguments: [
        (100.0, 100.4, "không đổi", "unchanged"), (100, 97, "giảm 3%", "down 3%"),
        (100, 112.5, "tăng 13%", "up 13%"),
    ])
    func changes(old: Double, new: Double, vi: String, en: String) {
        #expect(PriceOutlook.change(from: old, to: new) == Bilingual(vi: vi, en: en))
    }

    @Test func alertsAndMissingYearAgo() throws {
        let s = ChartSampleData.dongThap
        let asOf = PeriodDate.month(year: 2021, month: 7)
        let spike = try PriceSpikeAlert().assess(s, asOf: asOf)
        let anomaly = try PriceAnomalyIndicator().assess(s, asOf: asOf)
        let o = try PriceOutlook(
            series: s, forecast: ChartSampleData.forecast, anomaly: anomaly, spike: spike,
            commodity: Self.rice, market: Self.tamNong, unit: Self.unit)
        // 2020-07 lies in the survey gap.
        #expect(o.yearAgo == nil)
        #expect(o.text.vi.contains("so với cùng kỳ năm trước (tháng 7/2020): chưa có số liệu."))
        #expect(o.text.en.contains("(July 2020): no price recorded."))
        #expect(o.text.vi.contains("So với hiện nay (tháng 6/2021: 9.063 đồng/kg): không đổi"))
        let severity = try #require(spike.severity)
        let meaning = AlertWording.meaning(severity).vi
        #expect(
            o.text.vi.contains(
                "Cảnh báo giá ALPS (WFP): \(AlertWording.name(severity).vi) — \(meaning.prefix(1).lowercased() + meaning.dropFirst())"
            ))
        #expect(o.text.en.contains("IPA (FAO): Not computable"))
        // Three months later the ALPS class is withheld.
        let stale = try PriceSpikeAlert().assess(s, asOf: .month(year: 2021, month: 9))
        let later = try PriceOutlook(
            series: s, forecast: ChartSampleData.forecast, spike: stale,
            commodity: Self.rice, market: Self.tamNong, unit: Self.unit)
        #expect(
            later.text.vi.hasSuffix(
                "Cảnh báo giá ALPS (WFP): Không đưa ra cảnh báo vì giá mới nhất (tháng 6/2021) đã cũ hơn 2 tháng."))
    }

    /// Three months forecast by hand: the headline for January 2018, the later months listed
    /// with their ranges, and the backtest's 249 of 291 → 85.6% → "86%".
    @Test func laterMonthsAndTheBacktestSentence() throws {
        let (s, _) = to2017()
        let f = Forecast(
            model: ModelSummary(name: "hand", family: "naive"), mean: [8200, 8300, 8400],
            intervals: [PredictionInterval(level: 80, lower: [7700, 7600, 7500], upper: [8700, 8900, 9100])])
        let o = try PriceOutlook(series: s, forecast: f, commodity: Self.rice, market: Self.tamNong, unit: Self.unit)
            .with(following: f, backtest: .init(held: 249, cases: 291))
        #expect(o.following.map(\.date) == [.month(year: 2018, month: 2), .month(year: 2018, month: 3)])
        #expect(
            o.text.vi.contains(
                " Các tháng sau: tháng 2/2018 khoảng 8.300 (7.600–8.900) đồng/kg; tháng 3/2018 khoảng 8.400 (7.500–9.100) đồng/kg."
            ))
        #expect(
            o.text.en.contains(
                " Later months: February 2018 about 8,300 (7,600–8,900) VND/kg; March 2018 about 8,400 (7,500–9,100) VND/kg."
            ))
        #expect(
            o.text.vi.hasSuffix(
                " Kiểm tra trên giá các năm trước: 86% khoảng dự báo như vậy chứa đúng giá thực tế (249/291 lần)."))
        #expect(
            o.text.en.hasSuffix(" In backtests on past prices, 86% of such ranges held the actual price (249 of 291)."))
        // No backtest, no sentence; the headline month is not listed again.
        let plain = try PriceOutlook(
            series: s, forecast: f, commodity: Self.rice, market: Self.tamNong, unit: Self.unit
        )
        .with(following: f, after: 3, backtest: .init(held: 0, cases: 0))
        #expect(plain.following.isEmpty && !plain.text.en.contains("backtests"))
    }

    @Test func badArgumentsAreConfigurationErrors() {
        let (s, f) = to2017()
        for (step, level) in [(0, 80), (2, 80), (1, 95)] {
            #expect(throws: PublishingError.self) {
                try PriceOutlook(
                    series: s, forecast: f, step: step, level: level, commodity: Self.rice, market: Self.tamNong)
            }
        }
        let undated = TimeSeries(id: "x", values: [1, 2, 3])
        #expect(throws: PublishingError.self) {
            try PriceOutlook(series: undated, forecast: f, commodity: Self.rice, market: Self.tamNong)
        }
    }
}
