import Forecasting
import Foundation
import FuzzSupport

/// One fuzz input: a regression formula (UTF-8 text). What must hold: no crash, trap or
/// sanitizer report; a formula that parses names at least a response, and parsing its own
/// text again gives the same terms.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count <= 4096 else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let formula = try? RegressionFormula(text) {
        precondition(!formula.response.column.isEmpty, "a formula without a response parsed")
        let again = try? RegressionFormula(formula.text)
        precondition(again?.termNames == formula.termNames, "parsing a formula's own text changed its terms")
    }
    return 0
}

@_cdecl("FormulaFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { start, size in fuzzFormula(start, size) }
}
