import Foundation
import Testing

@testable import AgriData

@Suite struct ValueBoundsTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test func theBundledBoundsFileIsTheStandard() throws {
        let path = Self.root.appendingPathComponent("datasets/bounds.json").path
        #expect(try ValueBounds.load(path: path) == ValueBounds.standard)
    }

    /// Every plausible range says where it comes from; every impossible one why.
    @Test func everyRangeHasItsSource() {
        for r in ValueBounds.standard.ranges {
            if r.impossible == true {
                #expect(r.note?.isEmpty == false)
            } else {
                #expect(r.source?.isEmpty == false, "\(r)")
            }
        }
    }

    @Test func rangesIntersectAndMatchIdTokensAndConvertibleUnits() {
        let b = ValueBounds.standard
        let rice = b.bounds(id: "dt-rice-he-thu-yield", unit: "t/ha")
        #expect(rice.impossibleMin?.value == 0 && rice.impossibleMax?.value == 15)
        #expect(rice.plausibleMin?.value == 1 && rice.plausibleMax?.value == 12)
        // The same rules in tạ/ha, converted (1 t/ha = 10 tạ/ha).
        let ta = b.bounds(id: "dt-rice-he-thu-yield", unit: "tạ/ha")
        #expect(ta.impossibleMax?.value == 150 && ta.plausibleMin?.value == 10)
        #expect(b.bounds(id: "vnm-mango-yield", unit: "t/ha").impossibleMax?.value == 40)
        #expect(b.bounds(id: "maize-yield", unit: "t/ha").max == 60)
        #expect(b.bounds(id: "enso-oni", unit: "°C").min == -.infinity)
        #expect(b.bounds(id: "price", unit: nil).max == .infinity)
        // "ricefarm" is not the token "rice".
        #expect(b.bounds(id: "ricefarm-yield", unit: "t/ha").max == 60)
        // Paddy: 2,000–20,000 đồng/kg, also for a series in VND/t (×1000).
        let paddy = b.bounds(id: "paddy-an-giang", unit: "VND/t")
        #expect(paddy.min == 2_000_000 && paddy.max == 20_000_000)
    }

    @Test func customBoundsPerCrop() throws {
        var o = TidyReadOptions()
        o.bounds = ValueBounds(ranges: [
            PlausibleRange(unit: "t/ha", idContains: ["rice"], max: 8, note: "Mekong rice", impossible: true)
        ])
        let text = "series_id,date,value,unit\nrice-yield,2020,7.5,t/ha\nrice-yield,2021,8.5,t/ha\n"
        let p = try TidyReader.validate(data: Data(text.utf8), file: "b.csv", options: o).problems
        #expect(p.map(\.code) == [.impossibleValue])
        #expect(p.first?.line == 3)
        #expect(p.first?.message.contains("above the maximum 8 t/ha") == true)
    }

    static let paddy = """
        series_id,date,value,unit,flag
        paddy-an-giang,2024-01,9.25,VND/kg,
        paddy-an-giang,2024-02,9250,VND/kg,
        paddy-an-giang,2024-03,1500,VND/kg,confirmed
        paddy-an-giang,2024-04,-5,VND/kg,confirmed

        """

    /// 9.25 đồng/kg is refused (line, column, bound and source named); a confirmed 1,500 passes;
    /// a negative price does not, confirmed or not.
    @Test func implausibleValuesAreRefusedUnlessConfirmed() throws {
        let r = try TidyReader.validate(data: Data(Self.paddy.utf8), file: "p.csv")
        #expect(r.problems.map(\.code) == [.implausibleValue, .impossibleValue])
        let p = r.problems[0]
        #expect(p.line == 2 && p.column == 3)
        #expect(p.message.contains("9.25 is below the plausible minimum 2000 VND/kg"))
        #expect(p.message.contains("source: paddy-price-quotes"))
        #expect(p.message.contains("confirmed"))
        #expect(r.problems[1].line == 5)
    }

    @Test func importersAskTheSameQuestion() {
        let b = ValueBounds.standard
        #expect(b.violation(9.25, id: "paddy", unit: "đồng/kg", confirmed: false)?.code == .implausibleValue)
        #expect(b.violation(9.25, id: "paddy", unit: "đồng/kg", confirmed: true) == nil)
        #expect(b.violation(9250, id: "paddy", unit: "đồng/kg", confirmed: false) == nil)
        #expect(b.violation(-1, id: "paddy", unit: "đồng/kg", confirmed: true)?.code == .impossibleValue)
    }
}
