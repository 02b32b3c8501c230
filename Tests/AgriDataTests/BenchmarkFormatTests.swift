import Foundation
import Testing
import TimeSeriesCore

@testable import AgriData

@Suite struct BenchmarkFormatTests {
    func read(_ text: String) throws -> [HoldoutSeries] {
        try BenchmarkFormat.read(reader: CSVReader(data: Data(text.utf8), file: "b.csv"))
    }

    @Test func readsSeriesInIdOrderWhateverTheRowOrder() throws {
        let s = try read(
            """
            series_id,subset,period,split,t,value
            B,monthly,3,test,3,30
            A,yearly,1,train,1,1.5
            B,monthly,3,train,1,10
            A,yearly,1,train,2,NA
            B,monthly,3,train,2,20
            A,yearly,1,test,3,3

            """)
        #expect(s.map(\.id) == ["A", "B"])
        #expect(s[0].subset == "yearly" && s[0].period == 1)
        #expect(s[0].train.count == 2 && s[0].train[0] == 1.5 && s[0].train[1].isNaN)
        #expect(s[0].test == [3])
        #expect(s[1].train == [10, 20] && s[1].test == [30] && s[1].period == 3)
    }

    @Test(arguments: [
        ("series_id,subset,period,split,t\nA,y,1,train,1\n", DataError.Code.missingColumn, 1),
        ("series_id,subset,period,split,t,value\nA,y,1,train,1,x\n", .notNumeric, 2),
        ("series_id,subset,period,split,t,value\nA,y,0,train,1,1\n", .notNumeric, 2),
        ("series_id,subset,period,split,t,value\nA,y,1,valid,1,1\n", .impossibleValue, 2),
        ("series_id,subset,period,split,t,value\nA,y,1,train,1,1\nA,y,1,train,1,2\n", .duplicateKey, 3),
        ("series_id,subset,period,split,t,value\nA,y,1,train,1,1\nA,y,1,train,3,2\n", .outOfOrder, 3),
        ("series_id,subset,period,split,t,value\nA,y,1,test,1,1\nA,y,1,train,2,2\n", .outOfOrder, 3),
        ("series_id,subset,period,split,t,value\nA,y,1,train,1,1\nA,y,4,train,2,2\n", .impossibleValue, 3),
        ("series_id,subset,period,split,t,value\nA,y,1,train,1\n", .raggedRow, 2),
    ])
    func badFilesNameTheLine(text: String, code: DataError.Code, line: Int) throws {
        do {
            _ = try read(text)
            Issue.record("expected \(code)")
        } catch let e as DataError {
            #expect(e.code == code)
            #expect(e.line == line)
            #expect(e.file == "b.csv")
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: DataError.self) { try read("") }
    }
}
