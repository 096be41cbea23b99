import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

@Suite struct ExportPlanRefreshTests {
    let scratch = TemporaryFolder()

    @Test func proposalsHaveASheetOfTheirOwn() throws {
        let report = try Examples.report(Examples.planRefresh)
        let file = scratch.file("refresh.xlsx")
        try BoardPackExporter(report: report).write(to: file)
        let book = try XLSXInspector(file.path)
        #expect(book.sheetNames.suffix(2) == ["Plan refresh proposals", "_report"])
        let sheet = try book.sheet("Plan refresh proposals")
        #expect(["A3", "B3", "C3", "D3", "E3"].map { sheet.cell($0)?.text } == ["Theme", "Goal", "Lead Agency", "Proposal", "Proposed wording"])
        let rows = sheet.rows.values
        let amended = rows.first { $0["B"]?.text == "Increase and improve links with local employers to drive up employment prospects" }
        #expect(amended?["D"]?.text == "Amend")
        #expect(amended?["E"]?.text.hasPrefix("Continue to build and strengthen current links") == true)
        #expect(rows.contains { $0["B"]?.text == "Theme: Finance, Benefits and Debt" && $0["D"]?.text == "Proposed new" })
        let proposals = report.themes.flatMap { t in t.allGoals.filter { $0.proposal != nil } }.count
            + report.themes.flatMap { $0.measures.filter { $0.proposal != nil } }.count + report.themes.filter { $0.proposal != nil }.count
        #expect(rows.count - 2 == proposals, "one row per proposal under the title and header")
        // Theme sheets keep only the goals table's own header.
        let finance = try book.sheet("Finance, Benefits and Debt")
        #expect(!finance.cells.contains { $0.text == "Proposal" })
    }
}
