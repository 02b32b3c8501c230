import Foundation
import FuzzSupport
import Publishing

/// One fuzz input: a publish configuration (JSON). What must hold: no crash, trap or sanitizer
/// report; a configuration that decodes has a name, levels in 1–99, a horizon of at least 1 and
/// at least one forecast, as `PublishConfiguration.validate` promises.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let c = try? PublishConfiguration.decode(data, file: "fuzz.json") {
        precondition(!c.name.isEmpty && !c.forecasts.isEmpty && c.horizon >= 1, "an invalid configuration decoded")
        precondition(c.levels.allSatisfy { (1...99).contains($0) }, "a level outside 1–99 decoded")
        for entry in c.forecasts { precondition(c.horizon(of: entry) >= 1) }
    }
    return 0
}

@_cdecl("ConfigurationFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { start, size in fuzzConfiguration(start, size) }
}
