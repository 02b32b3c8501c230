import Documents
import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

@Suite struct ForecastDocumentTests {
    @Test func pointsContinueTheCalendarAndNaNBecomesNull() throws {
        let series = TimeSeries(
            id: "giá lúa", values: [1, 2, 3], frequency: .monthly, start: .month(year: 2024, month: 11))
        let forecast = Forecast(
            model: ModelSummary(name: "Test", family: "test", parameters: ["alpha": .nan, "beta": 0.5]),
            mean: [4, .nan],
            intervals: [PredictionInterval(level: 80, lower: [3, 2], upper: [5, .infinity])])
        let doc = ForecastDocument(
            dataset: "d.csv", horizon: 2, levels: [80, 95], series: [series, series],
            outcomes: [.success(forecast), .failure(ForecastingError(.tooShort, "too short"))],
            issued: Date(timeIntervalSince1970: 0))
        let entry = try #require(doc.series.first)
        #expect(entry.points.map(\.date) == ["2025-02", "2025-03"])
        #expect(entry.points[1].mean == nil)
        #expect(entry.points[1].upper["80"] == .some(nil))
        #expect(entry.points[0].lower["95"] == .some(nil))  // level not computed by the model
        #expect(doc.errors.first?.id == "giá lúa")
        let json = String(decoding: try DocumentEncoder.encode(doc), as: UTF8.self)
        #expect(!json.lowercased().contains("nan") && !json.contains("inf"))
        #expect(json.contains("\"alpha\" : null"))
        #expect(json.contains("\"schema\" : \"muavu.forecast/v1\""))
    }
}
