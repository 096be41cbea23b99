import Foundation
import Testing
import XLSXReader

/// What files from other programs hold and the reader once got wrong (found by
/// `compat/peer-corpus` over other projects' test files): each case rebuilt here in a file of
/// our own, and each failure names the cell.
@Suite struct RealWorldTests {
    func handBuilt(_ workbook: HandBuiltWorkbook, _ name: String = "hand-built.xlsx") throws -> XLSXFile {
        try XLSXFile(bytes: workbook.bytes(), name: name)
    }

    // Written by XlsxWriter, and the same file re-saved by LibreOffice: times of day, elapsed
    // times and milliseconds in the dump's ISO 8601 forms, numbers no date can be kept as numbers.
    @Test(arguments: ["xlsxwriter-times.xlsx", "libreoffice-times.xlsx"])
    func timesDurationsAndMilliseconds(_ name: String) throws {
        let book = try book(name)
        try expectCells(book, "Times", [
            "A1": .time("13:30:55.2"), "A2": .time("12:00:00"), "A3": .time("00:00:00"),
            "A4": .duration("PT255H10M10S"), "A5": .duration("PT36H"), "A6": .date("2012-03-14T13:30:55.2"),
            "A7": .number(-1.2), "A8": .time("00:00:00"), "A9": .date("1900-01-01T12:00:00"),
            "A10": .time("00:00:00.5"), "A11": .duration("-PT6H"), "A12": .time("18:00:00"),
            // XlsxWriter writes the CR as _x000D_, which is a CR; LibreOffice drops it on saving.
            "A13": .string(name.hasPrefix("xlsxwriter") ? "Foo\r\nBar" : "Foo\nBar"),
        ])
    }

    @Test func aTimeTypedAsISOTextKeepsItsMilliseconds() throws {
        let book = try handBuilt(HandBuiltWorkbook(rows: """
            <row r="1"><c r="A1" t="d"><v>2014-02-14T08:27:48.765Z</v></c><c r="B1" t="d"><v>10:10:10</v></c>\
            <c r="C1" t="d"><v>2013-07-17T00:00:00</v></c><c r="D1" t="d"><v>2013-07-17T14:30:00.500</v></c></row>
            """))
        try expectCells(book, "Sheet1", [
            "A1": .date("2014-02-14T08:27:48.765"), "B1": .time("10:10:10"), "C1": .date("2013-07-17"), "D1": .date("2013-07-17T14:30:00.5"),
        ])
    }

    // Excel saves a line break typed in a cell as CR LF inside the XML text; XML reads a CR LF
    // (or a lone CR) as LF. Only `_x000D_` or `&#13;` is a CR.
    @Test func lineBreaksAreReadAsXMLReadsThem() throws {
        var workbook = HandBuiltWorkbook(rows: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="inlineStr"><is><t>Foo\r\nBar</t></is></c><c r="E1" t="str"><v>one\rtwo</v></c><c r="F1" t="s"><v>3</v></c></row>
            """)
        workbook.sharedStrings = ["<t>Foo\r\nBar</t>", "<t>ABC_x000D_\r\nDEF</t>", "<r><t>rich\r\n</t></r><r><t>run</t></r>", "<t>kept&#13;\n</t>"]
        try expectCells(try handBuilt(workbook), "Sheet1", [
            "A1": .string("Foo\nBar"), "B1": .string("ABC\r\nDEF"), "C1": .string("rich\nrun"),
            "D1": .string("Foo\nBar"), "E1": .string("one\ntwo"), "F1": .string("kept\r\n"),
        ])
    }

    // Excel 2013 and later add `<x15:workbookPr chartTrackingRefBase="1"/>` in an extension: it
    // is no date system, and must not reset the workbook's 1904 one.
    @Test func anExtensionsWorkbookPrDoesNotResetThe1904DateSystem() throws {
        var workbook = HandBuiltWorkbook(rows: #"<row r="1"><c r="A1" s="1"><v>1</v></c></row>"#)
        workbook.styles = #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>"#
        workbook.workbookExtra = """
            <workbookPr date1904="1"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" \
            xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>
            """
        let book = try handBuilt(workbook)
        #expect(book.date1904)
        try expectCells(book, "Sheet1", ["A1": .date("1904-01-02")])
    }

    // A conditional format's style (`<dxfs>`) carries a numFmt of its own, with an id a cell
    // format also uses: the cell keeps its own.
    @Test func aConditionalFormatsNumberFormatDoesNotReplaceTheCells() throws {
        var workbook = HandBuiltWorkbook(rows: #"<row r="4"><c r="B4" s="1"><v>42062</v></c><c r="C4" s="2"><v>0.25</v></c></row>"#)
        workbook.styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>\
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs>\
            <dxfs count="2"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf><dxf><numFmt numFmtId="165" formatCode="h:mm"/></dxf></dxfs>
            """
        try expectCells(try handBuilt(workbook), "Sheet1", ["B4": .date("2015-02-27"), "C4": .number(0.25)])
    }

    // Some writers leave `<v/>` in a shared-string cell: an empty cell, not a broken reference.
    @Test func anEmptySharedStringValueIsAnEmptyCell() throws {
        var workbook = HandBuiltWorkbook(rows: #"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v/></c><c r="C2" t="s"><v></v></c><c r="D2" t="e"><v/></c></row>"#)
        workbook.sharedStrings = ["<t>first</t>"]
        try expectCells(try handBuilt(workbook), "Sheet1", ["A2": .string("first"), "B2": .empty, "C2": .empty, "D2": .empty])
    }

    // Excel 2007's betas wrote their own namespace and element names: the file is named for
    // what it is, not refused for a shared string it seems to lack.
    @Test func anExcel2007BetaWorkbookIsNamedForWhatItIs() throws {
        var workbook = HandBuiltWorkbook(rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)
        workbook.namespace = "http://schemas.microsoft.com/office/excel/2006/2"
        #expect {
            _ = try handBuilt(workbook, "beta.xlsx")
        } throws: { error in
            "\(error)".contains("beta.xlsx") && "\(error)".contains("was saved by a beta of Excel 2007")
                && "\(error)".contains("save it again as .xlsx") && !"\(error)".contains("shared string")
        }
    }

    @Test func theDumpWritesTimesAndDurationsAsISOText() throws {
        var json = ""
        try Dump.json(try book("xlsxwriter-times.xlsx"), sheet: "Times") { json += String(decoding: $0, as: UTF8.self) }
        #expect(json.contains(#"["13:30:55.2"]"#) && json.contains(#"["PT255H10M10S"]"#) && json.contains(#"[-1.2]"#))
        var csv = ""
        try Dump.csv(try book("xlsxwriter-times.xlsx"), sheet: "Times") { csv += String(decoding: $0, as: UTF8.self) }
        #expect(csv.hasPrefix("13:30:55.2\r\n12:00:00\r\n00:00:00\r\nPT255H10M10S\r\n"))
    }
}

extension RealWorldTests {
    /// Excel writes a formula filled down once, in its first cell (`<f t="shared" ref=…>`), and
    /// the cells below carry only `<f t="shared" si="0"/>`; an array formula's other cells carry
    /// no `<f>` at all. Every one of them holds a formula's result, not something typed.
    @Test func filledDownAndArrayFormulasAreFormulasInEveryCell() throws {
        let book = try handBuilt(HandBuiltWorkbook(rows: """
            <row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c><c r="B1"><v>1</v></c></row>\
            <row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>\
            <row r="3"><c r="A3"><f t="shared" si="0"></f><v>6</v></c>\
            <c r="C3"><f t="array" ref="C3:D4">TRANSPOSE(A1:B2)</f><v>2</v></c><c r="D3"><v>1</v></c></row>\
            <row r="4"><c r="C4"><v>4</v></c><c r="D4"><v>0</v></c><c r="E4"><v>9</v></c></row>\
            <row r="5"><c r="C5"><v>5</v></c></row>
            """))
        var reader = try book.rows(ofSheet: "Sheet1")
        var formulas: [String: String?] = [:]
        while let row = try reader.next() {
            for cell in row.cells { formulas[WorksheetReader.reference(cell.column, row.index)] = cell.formula }
        }
        #expect(formulas == [
            "A1": "B1*2", "B1": nil, "A2": "", "A3": "", "C3": "TRANSPOSE(A1:B2)", "D3": "", "C4": "", "D4": "",
            "E4": nil, "C5": nil,
        ])
    }
}

extension RealWorldTests {
    /// How a format shows a plain number, for reading a figure back as it is shown: "14,000"
    /// through "#,##0", 2.70 through "0.00"; quoted text, escapes, colours and later sections
    /// do not count.
    @Test func aFormatsShapeOfNumbers() {
        #expect(NumberFormat.shape("General") == (false, nil))
        #expect(NumberFormat.shape("@") == (false, nil))
        #expect(NumberFormat.shape("0") == (false, 0))
        #expect(NumberFormat.shape("#,##0") == (true, 0))
        #expect(NumberFormat.shape("0.00") == (false, 2))
        #expect(NumberFormat.shape("#,##0.00;[Red](#,##0.00)") == (true, 2))
        #expect(NumberFormat.shape(#""Approx. "0.0"#) == (false, 1))
        #expect(NumberFormat.shape(#"0" items, all""#) == (false, 0))
        #expect(NumberFormat.shape(#"[Blue]0\,0"#) == (false, 0), "an escaped comma is text")
    }
}
