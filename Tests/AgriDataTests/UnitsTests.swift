import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

@Suite struct UnitsTests {
    /// Factors by definition: the tonne is 1000 kg and the hectare 10,000 m² (BIPM, The
    /// International System of Units, 9th ed. 2019, Table 8, non-SI units accepted for use with
    /// the SI); the Vietnamese market units are 1 tạ = 100 kg and 1 yến = 10 kg (GSO's tables
    /// give yields in tạ/ha = 100 kg/ha, ../shared/data/README.md); nghìn = one thousand
    /// (nghìn tấn = 1000 t, nghìn ha = 1000 ha, nghìn đồng = 1000 đồng).
    @Test(arguments: [
        ("tạ/ha", "t/ha", 0.1), ("t/ha", "tạ/ha", 10), ("t/ha", "kg/ha", 1000), ("kg/m2", "t/ha", 10),
        ("VND/kg", "VND/t", 1000), ("VND/t", "VND/kg", 0.001), ("USD/t", "USD/kg", 0.001), ("t", "tạ", 10),
        ("yến", "kg", 10), ("km2", "ha", 100), ("ha", "ha", 1), ("VND/yến", "VND/kg", 0.1),
        ("VND/t", "đồng/kg", 0.001), ("t", "nghìn tấn", 0.001), ("nghìn tấn", "t", 1000), ("kg", "t", 0.001),
        ("t", "kg", 1000), ("ha", "nghìn ha", 0.001), ("nghìn ha", "ha", 1000), ("nghìn đồng/kg", "VND/kg", 1000),
        ("đ/kg", "VNĐ/kg", 1), ("tấn/ha", "tạ/ha", 10),
    ])
    func factors(_ from: String, _ to: String, _ expected: Double) throws {
        #expect(abs(try Units.factor(from: from, to: to) - expected) <= 1e-15 * expected)
    }

    /// Bounds convert exactly: one product over one product.
    @Test func conversionsOfRoundNumbersAreExact() throws {
        #expect(try UnitOfMeasure("tạ/ha").convert(150, to: UnitOfMeasure("t/ha")) == 15)
        #expect(try UnitOfMeasure("VND/t").convert(9_250_000, to: UnitOfMeasure("đồng/kg")) == 9250)
        #expect(try UnitOfMeasure("t").convert(45_090_560, to: UnitOfMeasure("nghìn tấn")) == 45_090.56)
    }

    @Test func incompatibleUnitsAreRefusedWithTheirQuantities() throws {
        do {
            _ = try Units.factor(from: "t/ha", to: "VND/kg")
            Issue.record("expected a refusal")
        } catch let e as DataError {
            #expect(e.code == .incompatibleUnit)
            #expect(e.message.contains("mass per area") && e.message.contains("an amount of VND per mass"))
        }
        do {
            _ = try Units.factor(from: "USD/t", to: "VND/kg")
            Issue.record("expected a refusal")
        } catch let e as DataError {
            #expect(e.code == .incompatibleUnit)
            #expect(e.message.contains("exchange-rate series"))
        }
    }

    @Test func decomposedTaIsTheSameUnit() throws {
        #expect(try Units.factor(from: "ta\u{323}/ha", to: "t/ha") == 0.1)
    }

    @Test(arguments: [("t/ha", "VND/kg"), ("USD/t", "VND/t"), ("ha", "t"), ("bushel", "t"), ("t/ha/yr", "t/ha")])
    func refusesWhatCannotBeConverted(_ from: String, _ to: String) {
        #expect(throws: DataError.self) { try Units.factor(from: from, to: to) }
    }

    @Test func convertsASeriesAndItsUnit() throws {
        let s = TimeSeries(
            id: "dt-rice-yield", values: [58.2, 60.1], frequency: .yearly, start: .year(2020), unit: "tạ/ha")
        let t = try Units.convert(s, to: "t/ha")
        #expect(t.unit == "t/ha")
        #expect(zip(t.values, [5.82, 6.01]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func usdPerTonneToVndPerKgWithAMonthlyRate() throws {
        // 400 USD/t at 24,000 VND/USD = 9,600,000 VND/t = 9,600 VND/kg; the rate starts a month earlier.
        let price = TimeSeries(
            id: "wb-rice-vnm-5", values: [400, 410, 420], frequency: .monthly,
            start: .month(year: 2023, month: 2), unit: "USD/t")
        let rate = TimeSeries(
            id: "vnd-usd", values: [23_500, 24_000, 24_100], frequency: .monthly,
            start: .month(year: 2023, month: 1), unit: "VND/USD")
        let v = try Units.convertCurrency(price, rate: rate, to: "VND/kg")
        #expect(v.unit == "VND/kg")
        #expect(abs(v.values[0] - 9_600) < 1e-9)
        #expect(abs(v.values[1] - 9_881) < 1e-9)  // 410 × 24,100 / 1000
        #expect(v.values[2].isNaN)  // no rate for April
    }

    @Test func currencyConversionNeedsARateInTheRightDirection() {
        let price = TimeSeries(
            id: "p", values: [1], frequency: .monthly, start: .month(year: 2023, month: 1), unit: "USD/t")
        let rate = TimeSeries(
            id: "r", values: [1], frequency: .monthly, start: .month(year: 2023, month: 1), unit: "USD/VND")
        #expect(throws: DataError.self) { try Units.convertCurrency(price, rate: rate, to: "VND/t") }
    }
}
