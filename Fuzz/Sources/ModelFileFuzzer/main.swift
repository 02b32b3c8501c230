import Forecasting
import Foundation
import FuzzSupport
import Publishing

/// One fuzz input: a saved model (`muavu.model/v1` JSON). What must hold: no crash, trap or
/// sanitizer report, in reading and checking the file or in forecasting 1–12 steps from it; a
/// forecast has as many points as asked and finite means or a thrown error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let file = try? ModelFile.decode(data, file: "fuzz.json") else { return 0 }
    let horizon = count % 12 + 1
    if let forecast = try? file.model.forecast(horizon: horizon, levels: [80, 95]) {
        precondition(forecast.mean.count == horizon, "a forecast of the wrong length")
    }
    return 0
}

@_cdecl("ModelFileFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { start, size in fuzzModelFile(start, size) }
}
