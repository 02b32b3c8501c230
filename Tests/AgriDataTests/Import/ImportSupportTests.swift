import Foundation
import Testing

@testable import AgriData

@Suite struct ImportSupportTests {
    /// Names with or without Vietnamese marks, in any case, give one id part.
    @Test(arguments: [
        ("Đồng Tháp", "dong-thap"), ("Dong Thap", "dong-thap"), ("ĐỒNG THÁP", "dong-thap"),
        (" WHOLE COUNTRY", "whole-country"), ("Mekong River Delta (region)", "mekong-river-delta-region"),
        ("Rice (coarse)", "rice-coarse"), ("RICE_05_VNM", "rice-05-vnm"), ("Bạc Liêu", "bac-lieu"),
        ("Hè Thu + Thu Đông", "he-thu-thu-dong"),
    ])
    func slugs(name: String, slug: String) {
        #expect(ImportSupport.slug(name) == slug)
    }

    @Test func linesKeepTheirNumbersAcrossLineEnds() {
        let lines = ImportSupport.lines("a\r\nb\n\nc\rd")
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines.map { String($0.text) } == ["a", "b", "", "c", "d"])
    }
}
