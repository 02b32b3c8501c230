import Testing
import TimeSeriesCore

@testable import AgriData

/// `CovariateTerm` (`ID@lagK`) and `CovariateAligner.design`: lagged covariates of the target's
/// frequency, lined up by date on hand-checkable series.
@Suite struct CovariateDesignTests {
    @Test(arguments: [
        ("enso", "enso", 0), ("wb-rice-vnm-5@lag2", "wb-rice-vnm-5", 2), (" x@lag0 ", "x", 0),
        ("giá lúa@lag12", "giá lúa", 12),
    ])
    func parsesTerms(_ text: String, _ id: String, _ lag: Int) throws {
        let t = try CovariateTerm(parsing: text)
        #expect(t.id == id && t.lag == lag)
        #expect(try CovariateTerm(parsing: t.description) == t)
    }

    @Test(arguments: ["", "@lag1", "x@lag", "x@lag-1", "x@lead1", "x@lag1.5", "x@lag١"])
    func rejectsMalformedTerms(_ text: String) {
        #expect(throws: DataError.self) { try CovariateTerm(parsing: text) }
    }

    static func monthly(_ id: String, from year: Int, _ month: Int, _ values: [Double]) -> TimeSeries {
        TimeSeries(id: id, values: values, frequency: .monthly, start: .month(year: year, month: month))
    }

    /// Target Jan–Jun 2020; driver Nov 2019–May 2020 (x = 1...7). At lag 2, January's regressor is
    /// November's value (1), June's is April's (6); steps 1–2 (Jul, Aug) need May (7) and June,
    /// June coming from the future values (70).
    @Test func linesUpLaggedValuesAndFuture() throws {
        let target = Self.monthly("y", from: 2020, 1, [10, 11, 12, 13, 14, 15])
        let driver = Self.monthly("x", from: 2019, 11, [1, 2, 3, 4, 5, 6, 7])
        let future = Self.monthly("x", from: 2020, 6, [70])
        let d = try CovariateAligner.design(
            target: target, terms: [CovariateTerm(id: "x", lag: 2)], covariates: [driver],
            future: [future], horizon: 2, file: "f.csv")
        #expect(d.firstObservation == 0)
        #expect(d.rows == [[1], [2], [3], [4], [5], [6]])
        #expect(d.future == [[7], [70]])
        // Without the future value the second step is missing, named by the driver's month.
        #expect {
            try CovariateAligner.design(
                target: target, terms: [CovariateTerm(id: "x", lag: 2)], covariates: [driver],
                horizon: 2, file: "f.csv")
        } throws: { e in
            (e as? DataError)?.message.contains("'x' has no value for 2020-06, needed at lag 2 by forecast step(s) 2")
                == true
        }
    }

    /// A covariate starting later moves the first observation; the same series at two lags.
    @Test func startsWhereEveryCovariateHasAValue() throws {
        let target = Self.monthly("y", from: 2020, 1, [1, 2, 3, 4, 5, 6])
        let driver = Self.monthly("x", from: 2020, 2, [20, 30, 40, 50, 60, 70])
        let terms = [CovariateTerm(id: "x", lag: 0), CovariateTerm(id: "x", lag: 1)]
        let d = try CovariateAligner.design(
            target: target, terms: terms, covariates: [driver, driver], horizon: 1, file: "f")
        #expect(d.firstObservation == 2)
        #expect(d.rows == [[30, 20], [40, 30], [50, 40], [60, 50]])
        #expect(d.future == [[70, 60]])
    }

    @Test func gapsAndFrequenciesAreNamed() throws {
        let target = Self.monthly("y", from: 2020, 1, [1, 2, 3, 4, 5, 6])
        let gappy = Self.monthly("x", from: 2020, 1, [1, 2, .nan, .nan, 5, 6])
        #expect {
            try CovariateAligner.design(
                target: target, terms: [CovariateTerm(id: "x")], covariates: [gappy], horizon: 0, file: "f")
        } throws: { e in
            (e as? DataError)?.message.contains("'x' has no value for 2020-03 – 2020-04") == true
        }
        let quarterly = TimeSeries(
            id: "q", values: [1, 2, 3], frequency: .quarterly, start: .quarter(year: 2020, quarter: 1))
        #expect(throws: DataError.self) {
            try CovariateAligner.design(
                target: target, terms: [CovariateTerm(id: "q")], covariates: [quarterly], horizon: 0, file: "f")
        }
    }
}
