import Foundation
import TestSupport
import Testing
import XLSXWriter

@Suite struct WorkbookTests {
    let scratch = TemporaryFolder()

    @Test func cellReferences() {
        #expect(CellReference.column(0) == "A")
        #expect(CellReference.column(25) == "Z")
        #expect(CellReference.column(26) == "AA")
        #expect(CellReference.column(701) == "ZZ")
        #expect(CellReference.column(16_383) == "XFD")
        #expect(CellReference.cell(row: 6, col: 1) == "B7")
        #expect(CellReference.absolute(row: 0, col: 2) == "$C$1")
    }

    func newWorkbook() throws -> (Workbook, String) {
        let path = scratch.file("t.xlsx").path
        return (try Workbook(path: path), path)
    }

    @Test func writesTextNumbersAndSharedFormats() throws {
        let (book, path) = try newWorkbook()
        let sheet = try book.addWorksheet(named: "Goals")
        let bold = CellFormat().with { $0.bold = true; $0.fill = 0xFFC000 }
        try sheet.write("=1+1", row: 0, col: 0, format: bold)
        try sheet.write("plain", row: 0, col: 1, format: CellFormat().with { $0.bold = true; $0.fill = 0xFFC000 })
        try sheet.write(0.97, row: 1, col: 0, format: CellFormat().with { $0.numberFormat = "\"Approx. \"0%" })
        try book.close()

        let inspector = try XLSXInspector(path)
        let goals = try inspector.sheet("Goals")
        let a1 = try #require(goals.cell("A1"))
        #expect(a1.type == "s" && a1.text == "=1+1" && !a1.hasFormula)
        #expect(goals.cell("B1")?.style == a1.style, "equal formats are one style")
        #expect(inspector.style(a1.style).fill == "FFFFC000" && inspector.style(a1.style).bold)
        #expect(goals.cell("A2")?.text == "0.97")
        #expect(inspector.style(goals.cell("A2")!.style).numberFormat == #""Approx. "0%"#)
    }

    @Test func anInvalidSheetNameIsAnErrorNamingIt() throws {
        let (book, _) = try newWorkbook()
        #expect {
            _ = try book.addWorksheet(named: "Substance Misuse (Drugs & Alcohol)")
        } throws: { error in
            "\(error)".contains("Substance Misuse (Drugs & Alcohol)") && "\(error)".contains("31")
        }
    }

    @Test func textOverTheCellLimitIsAnErrorNamingTheCell() throws {
        let (book, _) = try newWorkbook()
        let sheet = try book.addWorksheet(named: "Goals")
        #expect {
            try sheet.write(String(repeating: "x", count: 32_768), row: 6, col: 3)
        } throws: { error in
            "\(error)".hasPrefix("writing Goals!D7:")
        }
    }

    @Test func printSetupIsWritten() throws {
        let (book, path) = try newWorkbook()
        let sheet = try book.addWorksheet(named: "Theme")
        try sheet.write("x", row: 0, col: 0)
        var setup = PageSetup()
        setup.repeatRows = 4...4
        setup.footer = "&CPage &P of &N"
        try sheet.setUpPrinting(setup)
        sheet.freezePanes(row: 2)
        try book.close()
        let theme = try XLSXInspector(path).sheet("Theme")
        #expect(theme.pageSetup?["orientation"] == "landscape")
        #expect(theme.pageSetup?["paperSize"] == "9")
        #expect(theme.footer == "&CPage &P of &N")
        #expect(theme.xml.first("pane")?["ySplit"] == "2")
    }

    @Test func anAbandonedWorkbookWritesNoFile() throws {
        let path: String
        do {
            let (book, p) = try newWorkbook()
            path = p
            try book.addWorksheet(named: "Goals").write("x", row: 0, col: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
