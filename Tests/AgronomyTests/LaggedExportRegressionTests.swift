import Forecasting
import Foundation
import TestSupport
import Testing
import TimeSeriesCore

@testable import Agronomy

/// The export link (`LaggedExportRegression`): regression of a monthly price on the export price
/// of the month before with ARIMA(0,1,1) errors and drift, against statsmodels SARIMAX (exact
/// maximum likelihood) on the Đồng Tháp price 2009-01 – 2012-12 and the Viet Nam 5% export price
/// (`OutlookStudyReference`, from scripts/fixtures/outlook_study_reference.py).
@Suite struct LaggedExportRegressionTests {
    typealias R = OutlookStudyReference

    static func relativelyClose(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    static let price = TimeSeries(
        id: "price", values: R.linkPrice, frequency: .monthly,
        start: .month(year: R.linkPriceStart.year, month: R.linkPriceStart.month))
    static func export(
        _ values: [Double], start: PeriodDate = .month(year: R.linkExportStart.year, month: R.linkExportStart.month)
    )
        -> TimeSeries
    {
        TimeSeries(id: "export", values: values, frequency: .monthly, start: start)
    }
    /// The export price with its unreported month filled linearly, as `"onMissing": "interpolate"`.
    static var filledExport: TimeSeries { export(ConformalRange.filledPrefix(R.linkExport, count: R.linkExport.count)) }

    @Test func theRegressorIsTheExportPriceOfTheMonthBefore() throws {
        let x = try #require(LaggedExportRegression.regressor(for: Self.price, export: Self.filledExport))
        #expect(x.count == R.linkPrice.count + 1)
        for (t, (a, b)) in zip(x, R.regressor).enumerated() {
            #expect(Self.relativelyClose(a, b, 1e-12), "t=\(t): \(a) vs \(b)")
        }
    }

    @Test func noRegressorWhereTheExportPriceDoesNotCoverTheMonthsBefore() {
        // The unreported 2009-03 is needed (x for 2009-04).
        #expect(LaggedExportRegression.regressor(for: Self.price, export: Self.export(R.linkExport)) == nil)
        let filled = Self.filledExport.values
        // Starting with the price's first month: no export price for the month before it.
        #expect(
            LaggedExportRegression.regressor(
                for: Self.price,
                export: Self.export(Array(filled.dropFirst(7)), start: .month(year: 2009, month: 1))) == nil)
        // Starting one month earlier is enough.
        #expect(
            LaggedExportRegression.regressor(
                for: Self.price,
                export: Self.export(Array(filled.dropFirst(6)), start: .month(year: 2008, month: 12))) != nil)
        // Ending with the price's second-to-last month (2012-11): no x for the month after the last
        // price; ending with its last month (2012-12) is enough.
        #expect(
            LaggedExportRegression.regressor(for: Self.price, export: Self.export(Array(filled.prefix(6 + 48)))) == nil)
        #expect(
            LaggedExportRegression.regressor(for: Self.price, export: Self.export(Array(filled.prefix(6 + 49)))) != nil)
        // Without dates there is nothing to align.
        #expect(
            LaggedExportRegression.regressor(for: TimeSeries(id: "p", values: R.linkPrice), export: Self.filledExport)
                == nil)
    }

    @Test(arguments: R.fits.indices)
    func fitAndForecastMatchStatsmodels(_ i: Int) throws {
        let reference = R.fits[i]
        let link = LaggedExportRegression(regressor: R.regressor)
        let f = try link.forecast(
            Array(R.linkPrice.prefix(reference.origin)), period: 12, horizon: 3, levels: [80, 95])
        #expect(link.name == "arima-x")
        for (name, theirs) in [("ma1", reference.ma1), ("drift", reference.drift), ("xreg1", reference.xreg1)] {
            let mine = try #require(f.model.parameters[name], "\(name)")
            #expect(
                Self.relativelyClose(mine, theirs, 1e-3), "origin \(reference.origin), \(name): \(mine) vs \(theirs)")
        }
        let sigma2 = try #require(f.model.criteria["sigma2"])
        #expect(Self.relativelyClose(sigma2, reference.sigma2, 1e-3), "\(sigma2) vs \(reference.sigma2)")
        #expect(f.mean.count == 3)
        for (h, (a, b)) in zip(f.mean, reference.mean).enumerated() {
            #expect(Self.relativelyClose(a, b, 1e-4), "origin \(reference.origin), h=\(h + 1): \(a) vs \(b)")
        }
    }

    @Test func aForecastUsesNothingAfterItsOrigin() throws {
        let origin = 42
        let y = Array(R.linkPrice.prefix(origin))
        let a = try LaggedExportRegression(regressor: R.regressor).forecast(y, period: 12, horizon: 3, levels: [80])
        // Export prices after the origin's x_n changed: the forecast is the same.
        var later = R.regressor
        for t in (origin + 1)..<later.count { later[t] *= 3 }
        let b = try LaggedExportRegression(regressor: later).forecast(y, period: 12, horizon: 3, levels: [80])
        #expect(a.mean == b.mean)
        #expect(a.intervals == b.intervals)
        // x_n itself is the regressor of every step.
        var shifted = R.regressor
        shifted[origin] += 10
        let c = try LaggedExportRegression(regressor: shifted).forecast(y, period: 12, horizon: 3, levels: [80])
        #expect(c.mean != a.mean)
    }

    @Test func noForecastWithoutTheExportPriceOfTheOriginsMonth() {
        let link = LaggedExportRegression(regressor: Array(R.regressor.prefix(R.linkPrice.count)))
        #expect(throws: ForecastingError.self) {
            try link.forecast(R.linkPrice, period: 12, horizon: 3, levels: [80])
        }
    }
}
