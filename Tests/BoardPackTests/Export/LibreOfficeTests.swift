import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The board packs open in a real spreadsheet application, which shows what we meant.
@Suite(.libreOffice) struct LibreOfficeTests {
    let scratch = TemporaryFolder()

    @Test(arguments: Examples.all)
    func everyExamplePrintsToPDF(_ name: String) throws {
        let (report, file) = try exportedExample(name, into: scratch)
        let pdf = try Office.current().pdf(of: file, into: scratch.url)
        let info = String(decoding: try run("/usr/bin/pdfinfo", [pdf.path]), as: UTF8.self)
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        #expect(pages >= 2 + report.statistics.count + report.themes.count, "one page or more per sheet, got \(pages)")
    }

    @Test func libreOfficeShowsTheKentFiguresAndStatusesAsTyped() throws {
        let (report, file) = try exportedExample(Examples.kent, into: scratch)
        let sheets = try Office.current().sheetsAsShown(file, in: scratch.url)
        let accommodation = try #require(sheets["2.1 Accommodation"], "sheets seen: \(sheets.keys.sorted())")
        let medway = try #require(accommodation.first { $0.first == "% Medway Young Offenders in suitable accommodation" })
        #expect(Array(medway.dropFirst().prefix(2)) == ["Approx. 97%", "Approx. 98%"])

        let adult = try #require(sheets["1.1 Adult reoffending"])
        #expect(adult.contains(["Total offenders", "13,912", "13,635", "12,526", "12,603"]))
        #expect(adult.contains(["Proportion of re-offenders (%)", "22.41%", "22.12%", "23.20%", "22.7%"]))
        #expect(adult.contains(["Average number of re-offences", "2.71", "2.70", "2.82", "2.76"]))

        for (theme, sheetName) in zip(report.themes, ExportKentTests.themeSheets) {
            let rows = try #require(sheets[sheetName])
            for goal in theme.allGoals where goal.status != nil {
                let row = rows.first { $0.first?.hasSuffix(goal.text) == true || $0.first?.contains(goal.text + "\n") == true }
                #expect(row.map { $0.count > 2 ? $0[2] : nil } == goal.status, "\(sheetName): \(goal.id) shows its status")
            }
        }
    }
}
