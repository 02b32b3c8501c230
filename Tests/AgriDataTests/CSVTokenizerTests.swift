import Foundation
import Testing

@testable import AgriData

@Suite struct CSVTokenizerTests {
    static let inputs: [String] = [
        "a,b\n1,2\n",
        "\u{FEFF}series_id;date;value\r\ns;2020-01;1\r\n\r\ns;2020-02;2",
        "a,b\r\"x\ny\",\"say \"\"hi\"\"\"\r1,\n",
        "h\n\"never closed,1\n2\n",
        "a,b\n\"q\"tail,2\n,\n",
        "only-header-no-newline",
        "\n\n\na,b\n\n1,2\n\n",
        "a\r\"x\ry\"\r\"p\rq\rr\"\r1\r",  // lone CRs inside quotes count as line ends
    ]

    func records(_ text: String, chunk: Int) throws -> [[String]] {
        var t = try CSVTokenizer(data: Data(text.utf8), file: "c.csv", lenient: true, chunkSize: chunk)
        var out: [[String]] = []
        while try t.next() {
            out.append((0..<t.fieldCount).map { t.lossyString($0) } + ["@\(t.line)"])
        }
        out.append(t.problems.map { "\($0.code.rawValue)@\($0.line ?? 0):\($0.column ?? 0)" })
        return out
    }

    @Test(arguments: inputs)
    func recordsDoNotDependOnChunkBoundaries(_ text: String) throws {
        let whole = try records(text, chunk: 1 << 20)
        for chunk in 1...9 {
            #expect(try records(text, chunk: chunk) == whole, "chunk \(chunk)")
        }
    }

    @Test func fieldsLinesAndSeparator() throws {
        let r = try records("\u{FEFF}a;b\r\n\"x\ny\";2\r\n3;4", chunk: 1 << 20)
        #expect(r == [["a", "b", "@1"], ["x\ny", "2", "@2"], ["3", "4", "@4"], []])
    }

    @Test func unclosedQuoteEndsTheInputWhenLenient() throws {
        let r = try records("h\n\"never closed,1\n2\n", chunk: 1 << 20)
        #expect(r == [["h", "@1"], ["unterminated-quote@2:1"]])
    }

    @Test func unclosedQuoteThrowsOtherwise() throws {
        var t = try CSVTokenizer(data: Data("h\n\"x\n".utf8), file: "c.csv")
        #expect(try t.next())
        #expect(throws: DataError.self) { try t.next() }
    }

    @Test func streamsAFileLongerThanItsChunk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-tokenizer-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "series_id,date,value\n"
        for k in 0..<500 { text += "s,\(1000 + k),\(k)\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var t = try CSVTokenizer(path: path, chunkSize: 64)
        var n = 0
        var last = ""
        while try t.next() {
            n += 1
            last = t.lossyString(2)
        }
        #expect(n == 501)
        #expect(last == "499")
    }
}
