import AgriData
import Foundation
import FuzzSupport

/// One fuzz input: the first byte chooses the reading options and a chunk size, the rest is the file.
///
/// What must hold for every input (a violation stops the fuzzer with the input saved):
/// - no crash, trap or sanitizer report in the tokenizer, the tidy reader or the structure check;
/// - the records do not depend on how the input is cut into chunks (1 MiB against 1–16 bytes);
/// - a file reported valid yields a dataset whose series are non-empty and whose covariates are as
///   long as their values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTidyReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let control = start.load(as: UInt8.self)
    let data = Data(bytes: start + 1, count: count - 1)

    var options = TidyReadOptions()
    options.onMissing = [.fail, .skip, .interpolate][Int(control % 3)]
    options.period = control & 0x04 != 0 ? Int(control >> 5) + 1 : nil
    if control & 0x08 != 0 { options.covariates = ["oni"] }
    options.maxProblems = 1_000
    let chunk = Int(control >> 4) + 1

    if let report = try? TidyReader.validate(data: data, file: "fuzz.csv", options: options),
        let dataset = report.dataset
    {
        precondition(report.problemCount == 0)
        for s in dataset.series {
            precondition(!s.values.isEmpty, "an empty series in a valid dataset")
            for (_, column) in dataset.covariates[s.id] ?? [:] {
                precondition(column.count == s.values.count, "covariate misaligned")
            }
        }
    }
    _ = try? CSVStructure.check(data: data, file: "fuzz.csv")

    // Chunk boundaries must not change the records.
    func records(_ size: Int) -> [[[UInt8]]]? {
        guard var t = try? CSVTokenizer(data: data, file: "fuzz.csv", lenient: true, chunkSize: size) else {
            return nil
        }
        var all: [[[UInt8]]] = []
        while (try? t.next()) == true {
            all.append(
                (0..<t.fieldCount).map { j in t.withField(j) { Array($0) } } + [[UInt8(truncatingIfNeeded: t.line)]])
        }
        return all
    }
    precondition(records(1 << 20) == records(chunk), "records differ with \(chunk)-byte chunks")
    return 0
}

@_cdecl("TidyReaderFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { start, size in fuzzTidyReader(start, size) }
}
