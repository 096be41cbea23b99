import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The cover's contents and the summary's table count the same goals for every theme.
@Suite struct GoalCountTests {
    let scratch = TemporaryFolder()

    @Test(arguments: Examples.all)
    func theCoverAndTheSummaryAgree(_ name: String) throws {
        let (report, file) = try exportedExample(name, into: scratch)
        let book = try XLSXInspector(file.path)
        let cover = try book.sheet("Cover").cells.map(\.text)
        let summary = try book.sheet("Summary").rows
        let header = try #require(summary.values.first { $0["A"]?.text == "Theme" }, "the summary's table header")
        let totalColumn = try #require(header.first { $0.value.text == "Total" }?.key, "the summary has a Total column")
        for theme in report.themes {
            // Cover: "2.1 Accommodation: 3 headline measures, 5 goals".
            let line = try #require(cover.first(where: { $0.hasPrefix(theme.heading + ":") }), "\(theme.heading) on the cover")
            let onCover = Int(line.split(separator: ",").last!.split(separator: " ").first!)
            let row = try #require(summary.values.first { $0["A"]?.text == theme.heading }, "\(theme.heading) in the summary")
            let inSummary = Int(row[totalColumn]?.text ?? "")
            #expect(onCover == inSummary, "\(name): \(theme.heading)")
            #expect(onCover == theme.countedGoals.count)
        }
    }
}
