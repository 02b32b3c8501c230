import Foundation
import Testing

@testable import AgriData

/// Numbers written with declared marks (Frictionless `decimalChar`, `groupChar`), against the
/// readings of pandas.read_csv with `decimal=` and `thousands=` (Fixtures/numbers/*.csv, made by
/// scripts/fixtures/number_formats.py).
@Suite struct NumberFormatTests {
    static func reference(_ name: String) throws -> [(text: String, value: Double)] {
        let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let text = try String(contentsOf: dir.appendingPathComponent("numbers/\(name).csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            return (String(parts[0]), Double(parts[1])!)
        }
    }

    @Test(arguments: [("vi", ",", "."), ("en", ".", ","), ("space", ",", " ")])
    func readsAsPandasReadsWithTheSameMarks(_ name: String, _ decimal: String, _ group: String) throws {
        let format = try NumberFormat(decimalChar: decimal, groupChar: group)
        let cases = try Self.reference(name)
        #expect(cases.count >= 4)
        for c in cases {
            #expect(format.parse(c.text) == c.value, "\(c.text)")
        }
    }

    @Test func groupCharDotAloneMakesCommaTheDecimalMark() throws {
        let f = try #require(try NumberFormat.declared(decimalChar: nil, groupChar: "."))
        #expect(f.decimalChar == ",")
        #expect(f.parse("9.250") == 9250)
        #expect(try NumberFormat.declared(decimalChar: nil, groupChar: nil) == nil)
        #expect(try NumberFormat.declared(decimalChar: ".", groupChar: nil) == .standard)
    }

    /// A separator must stand between groups of three digits after a first group of one to three.
    @Test(arguments: [
        "92.50", "9.2500", "9..250", "9.", ".250", "9.25", "1234.567", "0.250", "9.250.5", "9,250.5", "9.250,5.0",
        "9,25.0", "+.250", "12.50,5",
    ])
    func misplacedGroupSeparatorsAreRefused(_ text: String) throws {
        let f = try NumberFormat(decimalChar: ",", groupChar: ".")
        #expect(f.parse(text) == nil, "\(text)")
        #expect(f.refusal(text).contains(text))
    }

    @Test func aMisplacedSeparatorIsSaidToBeOne() throws {
        let f = try NumberFormat(decimalChar: ",", groupChar: ".")
        #expect(f.refusal("92.50").contains("grouped by three digits"))
        #expect(f.refusal("1,2.5").contains("no place after ','"))
    }

    @Test(arguments: [(".", "."), ("", nil), ("ab", nil), ("5", nil), ("-", nil), ("e", nil), (",", "9")])
    func marksMustBeOneCharacterAndDiffer(_ decimal: String, _ group: String?) {
        #expect(throws: DataError.self) { try NumberFormat(decimalChar: decimal, groupChar: group) }
    }

    @Test func theStandardFormatIsTheDecimalPoint() {
        #expect(NumberFormat.standard.parse("9.250") == 9.25)
        #expect(NumberFormat.standard.parse("9,250") == nil)
    }

    /// "9.250" reads 9.25 or 9250; the readings are exact (the grouped one an integer, the other
    /// that integer over 1000).
    @Test(arguments: [
        ("9.250", 9.25, 9250.0), ("12.500", 12.5, 12500), ("-999.001", -999.001, -999_001), (" 1.000 ", 1, 1000),
    ])
    func ambiguousValuesHaveTwoReadings(_ text: String, _ decimal: Double, _ grouped: Double) throws {
        let r = try #require(NumberFormat.ambiguousReadings(text))
        #expect(r.decimal == decimal && r.grouped == grouped)
    }

    @Test(arguments: ["0.250", "9.25", "9.2500", "1234.567", "1.250.000", "9250", "9.250e3", "9.25x", "a.bcd"])
    func otherValuesAreNotAmbiguous(_ text: String) {
        #expect(NumberFormat.ambiguousReadings(text) == nil)
    }

    @Test func theRuleCoversDongMassesAndAreasOnly() {
        for unit in ["VND/kg", "đồng/kg", "VND/t", "đ/kg", "VND", "t", "kg", "tạ", "nghìn tấn", "ha", "nghìn ha"] {
            #expect(NumberFormat.checksAmbiguity(unit: unit), "\(unit)")
        }
        for unit in ["USD/t", "t/ha", "tạ/ha", "°C", "index", "THB/t"] {
            #expect(!NumberFormat.checksAmbiguity(unit: unit), "\(unit)")
        }
        #expect(!NumberFormat.checksAmbiguity(unit: nil))
    }

    @Test func aValueThatIsNoDecimalSaysHowItWouldRead() {
        let hint = NumberFormat.readingsHint("9.250,5")
        #expect(hint.contains("9250.5 with --decimal-char , --group-char ."))
        #expect(NumberFormat.readingsHint("abc").isEmpty)
    }
}
