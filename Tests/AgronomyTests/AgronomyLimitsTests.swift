import Foundation
import Testing
import TimeSeriesCore

@testable import Agronomy

/// The crop-yield model guards itself as the generic models do (`LimitsTests`): a horizon past
/// `Limits` is refused, and long horizons simulate within a budget.
@Suite struct AgronomyLimitsTests {
    static let y: [Double] = (0..<20).map { (t: Int) -> Double in
        let season: Double = 10 * sin(Double(t) * Double.pi / 6)
        return 100 + season + Double(t % 7)
    }

    @Test("The crop-yield model refuses a horizon past 10000")
    func yieldForecastRefusesLongHorizons() {
        #expect(throws: ForecastingError.self) {
            _ = try CropYieldModel.forecast(yields: Self.y, firstYear: 2000, horizon: Int.max, levels: [80])
        }
    }

    @Test("Production forecasts draw at least 500 paths per step beyond the budget")
    func productionDrawsStayWithinTheBudget() {
        #expect(ProductionForecast.drawsPerStep(requested: 20_000, horizon: 100) == 20_000)
        #expect(ProductionForecast.drawsPerStep(requested: 20_000, horizon: 10_000) == 500)
    }
}
