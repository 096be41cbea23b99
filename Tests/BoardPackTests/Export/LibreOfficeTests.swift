import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The board packs open in a real spreadsheet application, which shows what we meant.
@Suite(.libreOffice) struct LibreOfficeTests {
    let scratch = TemporaryFolder()

    @Test func libreOfficeShowsTheKentFiguresAndStatusesAsTyped() throws {
        let (report, file) = try exportedExample(Examples.kent, into: scratch)
        let sheets = try Office.current().sheetsAsShown(file, in: scratch.url)
        // Cells merged across the grid show in their first column; the others are empty.
        func shown(_ rows: [[String]]) -> [[String]] { rows.map { $0.filter { !$0.isEmpty } } }
        let accommodation = shown(try #require(sheets["2.1 Accommodation"], "sheets seen: \(sheets.keys.sorted())"))
        let medway = try #require(accommodation.first { $0.first == "% Medway Young Offenders in suitable accommodation" })
        #expect(Array(medway.dropFirst().prefix(2)) == ["Approx. 97%", "Approx. 98%"])

        let statistics = shown(try #require(sheets["Reoffending statistics"]))
        #expect(statistics.contains(["Total offenders", "13,912", "13,635", "12,526", "12,603"]))
        #expect(statistics.contains(["Proportion of re-offenders (%)", "22.41%", "22.12%", "23.20%", "22.7%"]))
        #expect(statistics.contains(["Average number of re-offences", "2.71", "2.70", "2.82", "2.76"]))

        for (theme, sheetName) in zip(report.themes, ExportKentTests.themeSheets) {
            let rows = shown(try #require(sheets[sheetName]))
            for goal in theme.allGoals where goal.status != nil {
                let row = rows.first { $0.first == goal.id }
                #expect(row?.contains { $0.hasSuffix(goal.text) || $0.contains(goal.text + "\n") } == true, "\(sheetName): \(goal.id) shows its id beside its wording")
                #expect(row?.contains(goal.status!) == true, "\(sheetName): \(goal.id) shows its status")
            }
        }
    }
}
