import Foundation
import Testing

@testable import AgriData

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The worksheet and shared-string parsers on the cell forms of ECMA-376 Part 1 §18.3.1.4 that
/// the Pink Sheet excerpt does not hold: references left out, rich text, phonetic runs, logical
/// and error cells.
@Suite struct XLSXSheetTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    func parse(_ delegate: XMLParserDelegate, _ xml: String) {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        #expect(parser.parse())
    }

    @Test func sharedStringsJoinRichTextRunsAndLeaveOutPhoneticOnes() {
        let p = XLSXSharedStringsParser()
        parse(
            p,
            """
            <sst xmlns="\(Self.main)"><si><t>Updated on</t></si>\
            <si><r><t>Rice, </t></r><r><rPr><b/></rPr><t>Thai 5%</t></r><rPh><t>ignored</t></rPh></si>\
            <si><t xml:space="preserve"> Urea </t></si></sst>
            """)
        #expect(p.strings == ["Updated on", "Rice, Thai 5%", " Urea "])
    }

    @Test func cellsWithAndWithoutReferences() {
        let p = XLSXSheetParser(sharedStrings: ["1960M01", "…"])
        parse(
            p,
            """
            <worksheet xmlns="\(Self.main)"><sheetData>\
            <row r="8"><c r="A8" t="s"><v>0</v></c><c r="C8"><v>0.14000000000000001</v></c></row>\
            <row><c t="inlineStr"><is><t>…</t></is></c><c><v>2</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c>\
            <c r="F9" s="3"/></row>\
            </sheetData></worksheet>
            """)
        #expect(p.problem == nil)
        #expect(p.rows[8] == [1: .text("1960M01"), 3: .number("0.14000000000000001")])
        #expect(p.rows[9] == [1: .text("…"), 2: .number("2"), 3: .bool(true), 4: .error("#N/A")])
    }

    @Test func aReferenceOutsideItsRowOrAMissingSharedStringIsAProblem() {
        let wrongRow = XLSXSheetParser(sharedStrings: [])
        parse(wrongRow, "<worksheet><sheetData><row r=\"2\"><c r=\"A3\"><v>1</v></c></row></sheetData></worksheet>")
        #expect(wrongRow.problem == "cell reference 'A3' is not a cell of row 2")
        let noString = XLSXSheetParser(sharedStrings: ["x"])
        parse(
            noString,
            "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>")
        #expect(noString.problem == "cell A1 names shared string '7', which does not exist")
    }

    @Test func referencesAndColumnNames() {
        #expect(XLSXSheet.parseReference("A1")! == (1, 1))
        #expect(XLSXSheet.parseReference("AB12")! == (12, 28))
        #expect(XLSXSheet.parseReference("12A") == nil)
        #expect(XLSXSheet.parseReference("A0") == nil)
        #expect(XLSXSheet.columnName(1) == "A")
        #expect(XLSXSheet.columnName(28) == "AB")
        #expect(XLSXSheet.columnName(89) == "CK")
        #expect(XLSXWorkbook.resolve("worksheets/sheet2.xml", from: "xl") == "xl/worksheets/sheet2.xml")
        #expect(XLSXWorkbook.resolve("/xl/sharedStrings.xml", from: "xl") == "xl/sharedStrings.xml")
        #expect(XLSXWorkbook.resolve("../customXml/item1.xml", from: "xl") == "customXml/item1.xml")
    }
}
