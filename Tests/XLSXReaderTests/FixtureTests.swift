import Foundation
import Testing
import XLSXReader

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func book(_ name: String) throws -> XLSXFile {
    try XLSXFile(contentsOf: fixtures.appendingPathComponent(name))
}

/// All rows of a sheet as value lists, for cell-by-cell comparison.
func grid(_ book: XLSXFile, _ sheet: String) throws -> [Int: [CellValue]] {
    var reader = try book.rows(ofSheet: sheet)
    var out: [Int: [CellValue]] = [:]
    while let row = try reader.next() { out[row.index] = row.values }
    return out
}

/// Compares expected cells ("B4": value) and names the first cell that differs.
func expectCells(_ book: XLSXFile, _ sheet: String, _ expected: [String: CellValue], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rows = try grid(book, sheet)
    for (reference, value) in expected.sorted(by: { $0.key < $1.key }) {
        let letters = reference.prefix { $0.isLetter }
        let row = Int(reference.dropFirst(letters.count))! - 1
        let column = letters.reduce(0) { $0 * 26 + Int($1.asciiValue! - 64) } - 1
        let actual = rows[row].flatMap { column < $0.count ? $0[column] : nil } ?? .empty
        #expect(actual == value, "\(book.file): \(sheet)!\(reference)", sourceLocation: sourceLocation)
    }
}

@Suite struct FixtureTests {
    // Written by XlsxWriter, and the same file re-saved by LibreOffice Calc: the same values.
    @Test(arguments: ["xlsxwriter-types.xlsx", "libreoffice-resaved.xlsx"])
    func everyCellType(_ name: String) throws {
        let book = try book(name)
        #expect(book.sheets.map(\.name) == ["Types", "Hidden"])
        #expect(book.sheets.map(\.visibility) == [.visible, .hidden])
        try expectCells(book, "Types", [
            "A1": .string("text"), "B1": .number(1583), "C1": .number(2.71), "D1": .bool(true), "E1": .bool(false),
            "A2": .error("#N/A"), "B2": .error("#DIV/0!"), "C2": .number(3166), "D2": .string("ab"),
            "A3": .string("plain bold end"),
            "A4": .date("2013-07-17"), "B4": .date("2013-07-17T14:30:00"), "C4": .number(0.81),
            "A5": .string("line one\nline two"), "B5": .string("_x0041_ is not A"), "C5": .string("tab\there"),
            "D5": .string("  spaces kept  "), "E5": .string("=SUM(A1:A9)"), "F5": .string("Ünïcödé – “quotes” & <tags>"),
            "A7": .string("merged"), "A6": .empty, "G1": .empty,
        ])
    }

    @Test func formulasKeepTheirCachedValuesAndText() throws {
        var reader = try book("xlsxwriter-types.xlsx").rows(ofSheet: "Types")
        _ = try reader.next()
        let row = try #require(try reader.next())
        #expect(row.cells.map(\.formula) == ["NA()", "1/0", "B1*2", "\"a\"&\"b\""])
    }

    @Test func definedNamesCustomPropertiesAndMergedRanges() throws {
        let book = try book("xlsxwriter-types.xlsx")
        #expect(book.definedNames.contains { $0.name == "Goals" && $0.value == "Types!$A$1:$D$2" && $0.sheet == nil })
        #expect(book.customProperties["Report"] == "kent-medway-2012-13-end-of-year")
        #expect(book.customProperties["Template version"] == "3")
        var reader = try book.rows(ofSheet: "Types")
        while try reader.next() != nil {}
        #expect(reader.mergedRanges == ["A7:C7"])
    }

    @Test func openpyxlTextNumbersAndPercentFormats() throws {
        let book = try book("openpyxl-basic.xlsx")
        try expectCells(book, "Goals", [
            "A1": .string("Goal ID"), "B2": .string("amber "), "C2": .string("81%"), "B3": .string("G"),
            "C3": .number(0.81), "A5": .string("merged note"), "D2": .empty,
        ])
        var reader = try book.rows(ofSheet: "Goals")
        _ = try reader.next(); _ = try reader.next()
        let row3 = try #require(try reader.next())
        #expect(row3.cells.first { $0.column == 2 }?.numberFormat == "0%")
        let formula = try #require(try grid(book, "Goals")[1])
        #expect(formula.count == 3, "a formula without a cached value has no value")
        #expect(book.customProperties["Agency"] == "JPPB")
    }

    @Test func the1904DateSystem() throws {
        let book = try book("openpyxl-date1904.xlsx")
        #expect(book.date1904)
        try expectCells(book, "Dates", [
            "A1": .date("2013-07-17"), "B1": .date("2013-07-17T14:30:00"), "A3": .string("after a gap"), "E3": .number(5), "B3": .empty,
        ])
    }

    @Test func inlineStringsMissingReferencesPrefixesAndNoSharedStrings() throws {
        let book = try book("handmade-inline-prefixed-no-sst.xlsx")
        try expectCells(book, "Returns", [
            "A1": .string("no r attributes"), "B1": .number(42), "C1": .date("2013-07-17T14:30:00"), "D1": .date("2013-07-17"),
            "A2": .string("rich  runs "), "B2": .string("carriage\rreturn"), "C2": .bool(true), "D2": .error("#REF!"),
            "E2": .string("<cdata & kept>"), "B5": .string("<escaped> & – —"), "A5": .empty,
        ])
    }

    @Test func strictOOXMLWithPhoneticRunsAndEmptyStrings() throws {
        let book = try book("handmade-strict.xlsx")
        try expectCells(book, "Strict", [
            "A1": .string("strict"), "B1": .string(""), "C1": .string("ph"), "D1": .string("  padded  "),
            "A2": .date("2013-07-17"), "B2": .number(0.0905),
        ])
    }

    @Test func aLoneCellAtTheLastAddressCostsNothing() throws {
        var reader = try book("handmade-last-cell.xlsx").rows(ofSheet: "Returns")
        let row = try #require(try reader.next())
        #expect(row.index == 1_048_575)
        #expect(row.cells == [Cell(column: 16_383, value: .number(1))])
        #expect(try reader.next() == nil)
    }

    @Test func dumpsJSONAndCSVAsDocumented() throws {
        let book = try book("handmade-inline-prefixed-no-sst.xlsx")
        var json = ""
        try Dump.json(book, sheet: nil) { json += String(decoding: $0, as: UTF8.self) }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let sheet = (parsed["sheets"] as! [[String: Any]])[0]
        #expect(sheet["name"] as? String == "Returns")
        let rows = sheet["rows"] as! [[Any]]
        #expect(rows.count == 5, "row i is sheet row i+1, up to the last row with content")
        #expect(rows[2].isEmpty && rows[3].isEmpty)
        #expect(rows[4][0] is NSNull && rows[4][1] as? String == "<escaped> & – —")
        #expect(json.contains(#"["no r attributes", 42, "2013-07-17T14:30:00", "2013-07-17"]"#))
        var csv = ""
        try Dump.csv(book, sheet: "returns") { csv += String(decoding: $0, as: UTF8.self) }
        #expect(csv.hasPrefix("no r attributes,42,2013-07-17T14:30:00,2013-07-17\r\nrich  runs ,\"carriage\rreturn\",TRUE,#REF!,<cdata & kept>\r\n\r\n\r\n,<escaped> & – —\r\n"))
    }
}

/// Everything that is not an .xlsx is refused with one sentence naming the file.
@Suite struct RefusalTests {
    static let cases: [(String, String)] = [
        ("refuse-legacy.xls", "refuse-legacy.xls: is a legacy Excel 97-2003 (.xls) or other OLE2 file, not .xlsx; open it and save it as Excel Workbook (.xlsx)"),
        ("refuse-encrypted.xlsx", "refuse-encrypted.xlsx: is password-protected (encrypted); remove the password in Excel (File > Info > Protect Workbook) and send it again"),
        ("refuse-opendocument.ods", "refuse-opendocument.ods: is an OpenDocument spreadsheet (.ods), not .xlsx; save it as Excel 2007-365 (.xlsx)"),
        ("refuse-csv.xlsx", "refuse-csv.xlsx: is a CSV or other text file, not an .xlsx workbook; open it in a spreadsheet program and save it as .xlsx"),
        ("refuse-pdf.xlsx", "refuse-pdf.xlsx: is a PDF, not a spreadsheet; send the .xlsx workbook"),
    ]

    @Test(arguments: cases.map(\.0))
    func refusesWithASentence(_ name: String) {
        let expected = Self.cases.first { $0.0 == name }!.1
        #expect(throws: XLSXError.self) { try book(name) }
        do { _ = try book(name) } catch { #expect("\(error)" == expected) }
    }

    @Test func refusesAnImageATruncatedFileAndAZipThatIsNoWorkbook() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 40)
        #expect(throws: XLSXError(file: "logo.xlsx", message: "is an image, not a spreadsheet; send the .xlsx workbook")) {
            try XLSXFile(bytes: png, name: "logo.xlsx")
        }
        let good = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent("xlsxwriter-types.xlsx")))
        #expect(throws: XLSXError(file: "cut.xlsx", message: "is truncated or damaged (no end of central directory)")) {
            try XLSXFile(bytes: Array(good.prefix(good.count / 2)), name: "cut.xlsx")
        }
        var zip = ZipBuilder()
        zip.add("notes.txt", "hello")
        #expect(throws: XLSXError(file: "notes.xlsx", message: "is a ZIP archive but not an Excel workbook (it has no workbook part)")) {
            try XLSXFile(bytes: zip.build(), name: "notes.xlsx")
        }
    }

    @Test func refusesBillionLaughsWithoutExpandingAnything() throws {
        var reader = try book("hostile-billion-laughs.xlsx").rows(ofSheet: "Returns")
        #expect(throws: XLSXError(file: "hostile-billion-laughs.xlsx", sheet: "Returns", message: "is not well-formed XML: XML with a document type declaration (DOCTYPE) is refused")) {
            _ = try reader.next()
        }
    }

    @Test func refusesACellPastTheGrid() throws {
        var reader = try book("hostile-past-xfd.xlsx").rows(ofSheet: "Returns")
        #expect(throws: XLSXError(file: "hostile-past-xfd.xlsx", sheet: "Returns", cell: "XFE1", message: "is past XFD1048576, the last cell a sheet can have")) {
            _ = try reader.next()
        }
    }

    @Test func aMissingSheetNamesTheSheetsThereAre() throws {
        #expect(throws: XLSXError(file: "openpyxl-basic.xlsx", message: "has no sheet named \"Measures\" (it has \"Goals\")")) {
            _ = try book("openpyxl-basic.xlsx").rows(ofSheet: "Measures")
        }
    }
}

@Suite struct ErrorPlaceTests {
    @Test func aRowOutOfOrderIsNamedAsARow() throws {
        let bytes = HandBuiltWorkbook(rows: #"<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row>"#).bytes()
        var reader = try XLSXFile(bytes: bytes, name: "rows.xlsx").rows(ofSheet: "Sheet1")
        _ = try reader.next()
        #expect(throws: XLSXError(place: Place(file: "rows.xlsx", sheet: "Sheet1", row: 3), message: "comes after row 5; rows must be in order")) {
            _ = try reader.next()
        }
        #expect(Place(file: "rows.xlsx", sheet: "Sheet1", row: 3).description == "rows.xlsx: Sheet1 row 3")
    }

    @Test func placesPrintTheWayMessagesUseThem() {
        #expect(Place(file: "jppb.xlsx", sheet: "Goals", cell: "G7").description == "jppb.xlsx: Goals!G7")
        #expect(Place(file: "jppb.xlsx", part: "xl/styles.xml").description == "jppb.xlsx: xl/styles.xml")
        #expect(Place(file: "jppb.xlsx").description == "jppb.xlsx")
    }
}
