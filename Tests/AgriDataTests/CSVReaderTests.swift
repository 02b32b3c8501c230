import Foundation
import Testing

@testable import AgriData

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsBOMAndCRLF() throws {
        let text =
            "\u{FEFF}series_id,date,value\r\n\"Đồng Tháp, Tam Nông\",2024-01,\"7,5\"\r\nx,2024-02,\"say \"\"hi\"\"\"\r\n"
        let table = try CSVTable(reader: CSVReader(data: Data(text.utf8), file: "t.csv"))
        #expect(table.header == ["series_id", "date", "value"])
        #expect(table.rows[0].fields == ["Đồng Tháp, Tam Nông", "2024-01", "7,5"])
        #expect(table.rows[1].fields[2] == "say \"hi\"")
        #expect(table.rows[1].line == 3)
    }

    @Test func reportsRaggedRowWithLocation() throws {
        let text = "a,b\n1,2\n3\n"
        #expect(
            throws: DataError(
                .raggedRow, file: "r.csv", line: 3, column: 2,
                "expected 2 fields as in the header, found 1")
        ) {
            try CSVTable(reader: CSVReader(data: Data(text.utf8), file: "r.csv"))
        }
    }

    @Test func detectsSemicolonSeparator() throws {
        let table = try CSVTable(reader: CSVReader(data: Data("a;b\n1;2\n".utf8), file: "s.csv"))
        #expect(table.header == ["a", "b"])
        #expect(try table.numericColumn("b") == [2])
    }
}
