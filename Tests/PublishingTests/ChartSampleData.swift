import Forecasting
import Foundation
import TimeSeriesCore

/// Real data for the publishing tests: WFP VAM wholesale rice price, Đồng Tháp (Tam Nông),
/// VND/kg, 2015-01 to 2021-06 (/work/shared/data/wfp-vnm-prices, PROVENANCE.txt there); the
/// market was not surveyed from 2018-04 to 2020-12 (NaN).
enum ChartSampleData {
    static let dongThap: TimeSeries = {
        let observed2015to2018: [Double] = [
            6950.0, 6650.0, 6937.5, 6912.5, 6712.5, 6737.5, 6750.0, 6750.0, 6750.0, 6975.0, 7500.0, 7525.0,
            7462.5, 7325.0, 7330.0, 7350.0, 7275.0, 7237.5, 7200.0, 7150.0, 6962.5, 6840.0, 7037.5, 6940.0,
            6916.67, 7083.33, 7133.33, 7083.33, 6860.0, 7425.0, 8030.0, 7883.33, 7740.0, 7975.0, 8187.5, 8080.0,
            7962.5, 7950.0, 8850.0,
        ]
        let gap = [Double](repeating: .nan, count: 33)  // 2018-04 ... 2020-12
        let observed2021: [Double] = [10625.0, 10600.0, 10637.5, 9887.5, 10137.5, 9062.5]
        return TimeSeries(
            id: "dong-thap-rice-wholesale", values: observed2015to2018 + gap + observed2021,
            frequency: .monthly, start: .month(year: 2015, month: 1), unit: "đồng/kg")
    }()

    /// A six-month forecast shaped like a random walk's: flat median at the last price and
    /// bands ± z·σ·√h with σ = 400 đồng/kg. Only the drawing is under test, not the numbers.
    static let forecast: Forecast = {
        let last = 9062.5
        let sigma = 400.0
        let mean = [Double](repeating: last, count: 6)
        func band(_ level: Int) -> PredictionInterval {
            let z = NormalDistribution.criticalValue(level: level)
            let half = (1...6).map { z * sigma * Double($0).squareRoot() }
            return PredictionInterval(level: level, lower: half.map { last - $0 }, upper: half.map { last + $0 })
        }
        return Forecast(
            model: ModelSummary(name: "Naive", family: "naive"), mean: mean,
            intervals: [band(80), band(95)])
    }()
}
