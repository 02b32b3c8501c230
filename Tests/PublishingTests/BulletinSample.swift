import Agronomy
import Documents
import Forecasting
import Foundation
import Rendering
import TimeSeriesCore

@testable import Publishing

/// A bulletin built from the Đồng Tháp wholesale rice price (real, WFP) and an illustrative
/// Hè Thu yield forecast (the renderer is under test here, not a model): 5.9 t/ha with an 80%
/// range of 5.6–6.2 and a 95% range of 5.4–6.4 against a 5-year average of 5.73.
enum BulletinSample {
    static let yieldForecast = Forecast(
        model: ModelSummary(name: "Trend + ONI regression", family: "regression"), mean: [5.9],
        intervals: [
            PredictionInterval(level: 80, lower: [5.6], upper: [6.2]),
            PredictionInterval(level: 95, lower: [5.4], upper: [6.4]),
        ])

    static let heThu = Bilingual(vi: "Năng suất lúa Hè Thu", en: "Summer–autumn rice yield")
    static let tonnesPerHectare = Bilingual(vi: "tấn/ha", en: "t/ha")

    static func make() throws -> Bulletin {
        let series = ChartSampleData.dongThap
        let asOf = PeriodDate.day(year: 2021, month: 7, day: 15)
        let anomaly = try PriceAnomalyIndicator().assess(series, asOf: asOf)
        let spike = try PriceSpikeAlert().assess(series, asOf: asOf)
        let chart = try FanChart(
            series: series, forecast: ChartSampleData.forecast,
            title: "Giá lúa gạo bán buôn tại Đồng Tháp (Tam Nông)",
            note: "Nguồn: WFP VAM. Dự báo minh hoạ.", historyLength: 30)
        let outlook = try PriceOutlook(
            series: series, forecast: ChartSampleData.forecast, anomaly: anomaly, spike: spike,
            commodity: Bilingual(vi: "Lúa gạo bán buôn", en: "Wholesale rice"),
            market: Bilingual(vi: "Tam Nông", en: "Tam Nông"),
            unit: Bilingual(vi: "đồng/kg", en: "VND/kg"))
        var header = Bulletin.Header(
            title: Bilingual(vi: "Bản tin dự báo mùa vụ và giá nông sản", en: "Crop and price forecast bulletin"),
            issued: asOf)
        header.coverage = Bilingual(vi: "Vụ Hè Thu 2021", en: "Summer–autumn crop 2021")
        header.validUntil = .day(year: 2021, month: 8, day: 14)
        header.nextIssue = .day(year: 2021, month: 8, day: 15)
        header.number = "07/2021"
        var comparison = Bulletin.Comparison(item: heThu, unit: tonnesPerHectare, forecast: 5.9)
        comparison.fiveYearAverage = 5.73
        comparison.lastYear = 5.8
        comparison.decimals = 2
        return Bulletin(
            header: header,
            headlines: [
                try Headline.forecast(
                    subject: heThu, forecast: yieldForecast, unit: tonnesPerHectare,
                    decimals: 1, average: 5.73)
            ],
            comparisons: [comparison],
            charts: [
                .init(
                    file: "charts/gia-lua-dong-thap.svg",
                    caption: Bilingual(
                        vi: "Giá lúa gạo bán buôn và dự báo 6 tháng, đồng/kg.",
                        en: "Wholesale rice price and 6-month forecast, VND/kg."),
                    chart: chart)
            ],
            outlooks: [outlook.text],
            priceAlerts: [
                .init(
                    commodity: Bilingual(vi: "Lúa gạo (bán buôn)", en: "Rice (wholesale)"),
                    market: Bilingual(vi: "Tam Nông, Đồng Tháp", en: "Tam Nông, Đồng Tháp"),
                    unit: "đồng/kg", anomaly: anomaly, spike: spike)
            ],
            method: .init(
                model: Bilingual(
                    vi: "Năng suất: xu hướng tuyến tính theo năm và hồi quy theo chỉ số ONI.",
                    en: "Yield: linear trend over years plus a regression on the ONI index."),
                skill: [
                    Bilingual(
                        vi: "Sai số MAPE khi bỏ lần lượt từng năm: 4,1%.",
                        en: "Leave-one-year-out MAPE: 4.1%.")
                ],
                sources: [
                    Bilingual(
                        vi: "Giá: WFP VAM (HDX). Chỉ số ENSO: NOAA CPC.",
                        en: "Prices: WFP VAM (HDX). ENSO index: NOAA CPC.")
                ],
                caveats: [
                    Bilingual(
                        vi: "Số liệu giá Tam Nông bị gián đoạn từ 4/2018 đến 12/2020.",
                        en: "The Tam Nông price record has a gap from April 2018 to December 2020.")
                ]))
    }
}
