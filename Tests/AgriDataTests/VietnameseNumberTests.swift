import Foundation
import Testing

@testable import AgriData

/// The case of issue 14: a paddy price typed the Vietnamese way, "9.250" đồng/kg, was read as
/// 9.25. It is now refused when the file declares nothing, and read as 9250 when it declares '.'
/// as the thousands separator.
@Suite struct VietnameseNumberTests {
    static let typed = """
        series_id,date,value,unit
        paddy-an-giang,2024-01,9.300,đồng/kg
        paddy-an-giang,2024-02,9.250,đồng/kg

        """

    func report(_ text: String, _ configure: (inout TidyReadOptions) -> Void = { _ in }) throws -> ValidationReport {
        var options = TidyReadOptions()
        configure(&options)
        return try TidyReader.validate(data: Data(text.utf8), file: "quotes.csv", options: options)
    }

    @Test func refusedWhenNothingDeclaresTheFormat() throws {
        let r = try report(Self.typed)
        #expect(r.problems.map(\.code) == [.ambiguousNumber, .ambiguousNumber])
        let p = try #require(r.problems.last)
        #expect(p.file == "quotes.csv" && p.line == 3 && p.column == 3)
        #expect(p.message.contains("could be 9.25 đồng/kg"))
        #expect(p.message.contains("or 9250 đồng/kg"))
        #expect(p.message.contains("--decimal-char"))
    }

    @Test func readAsThousandsWhenTheGroupCharIsDeclared() throws {
        let d = try #require(
            try report(Self.typed) { $0.numberFormat = try! NumberFormat.declared(decimalChar: nil, groupChar: ".") }
                .dataset)
        #expect(d.series[0].values == [9300, 9250])
    }

    @Test func aDecimalCommaWithGroupsIsRead() throws {
        let text = "series_id;date;value;unit\np;2024-01;9.250,5;đồng/kg\np;2024-02;10.100;đồng/kg\n"
        let d = try #require(
            try report(text) { $0.numberFormat = try! NumberFormat(decimalChar: ",", groupChar: ".") }.dataset)
        #expect(d.series[0].values == [9250.5, 10100])
    }

    @Test func aColumnFormatOverridesTheFileFormat() throws {
        let text = "series_id,date,value,unit,usd\np,2024-01,9.250,đồng/kg,\"0,37\"\np,2024-02,9.300,đồng/kg,\"0,38\"\n"
        let d = try #require(
            try report(text) {
                $0.numberFormat = try! NumberFormat(decimalChar: ",", groupChar: ".")
                $0.columnFormats = ["usd": try! NumberFormat(decimalChar: ",")]
                $0.covariates = ["usd"]
            }.dataset)
        #expect(d.series[0].values == [9250, 9300])
        #expect(d.covariates["p"]?["usd"] == [0.37, 0.38])
    }

    @Test func misplacedSeparatorsAreRefusedWithTheLine() throws {
        let text = "series_id,date,value,unit\np,2024-01,9.250,đồng/kg\np,2024-02,92.50,đồng/kg\n"
        let r = try report(text) { $0.numberFormat = try! NumberFormat(decimalChar: ",", groupChar: ".") }
        #expect(r.problems.first?.code == .notNumeric)
        #expect(r.problems.first?.line == 3)
        #expect(r.problems.first?.message.contains("grouped by three digits") == true)
    }

    /// Outside the rule's units a three-decimal value is ordinary: the Pink Sheet's USD/t, a t/ha yield.
    @Test func otherUnitsReadTheDecimalPoint() throws {
        let text = "series_id,date,value,unit\nwb-rice,2024-01,225.802,USD/t\nyield,2024,5.750,t/ha\n"
        let d = try #require(try report(text).dataset)
        #expect(d.series.map(\.values) == [[225.802], [5.75]])
    }

    @Test func aValueThatIsNoDecimalNamesTheReadings() throws {
        let r = try report("series_id,date,value,unit\np,2024-01,1.250.000,VND/t\n")
        #expect(r.problems.first?.code == .notNumeric)
        #expect(r.problems.first?.message.contains("1250000 with --decimal-char , --group-char .") == true)
    }
}
