import Foundation
import Testing

@testable import AgriData

@Suite struct NumberParserTests {
    /// Every accepted text must give exactly the double `strtod` (correctly rounded) gives.
    static let numbers = [
        "0", "-0", "1", "+1.5", "8680", "43497625", "1256038.4", "0.3364", "-1.53", "1e3", "2.5E-3",
        ".5", "5.", "123456789012345678", "0.1", "9007199254740993", "1.7976931348623157e308",
        "4.9e-324", "  7.25  ", "0.000000000000000000000000001", "12345678901234567890123",
    ]

    @Test(arguments: numbers)
    func agreesWithStrtod(_ text: String) {
        let expected = strtod(text, nil)
        #expect(NumberParser.parse(text)?.bitPattern == expected.bitPattern)
    }

    @Test(arguments: [
        "", " ", "abc", "7,5", "1,234", "inf", "nan", "0x1A", "1e", "--1", "1.2.3", "1e999", "NA", "+", ".",
    ])
    func rejects(_ text: String) {
        #expect(NumberParser.parse(text) == nil)
    }
}
