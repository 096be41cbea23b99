import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The cover's contents, the summary's tables and the theme sheets count the same goals.
@Suite struct GoalCountTests {
    let scratch = TemporaryFolder()

    /// "2.1 Accommodation: 3 headline measures, 5 goals, 5 proposed" → (5, 5).
    func coverCounts(_ line: String) -> (goals: Int, proposed: Int) {
        var goals = 0, proposed = 0
        for part in line.split(separator: ",") {
            let words = part.split(separator: " ")
            guard let n = words.count >= 2 ? Int(words[words.count - 2]) : nil else { continue }
            if words.last!.hasPrefix("goal") { goals = n }
            if words.last! == "proposed" { proposed = n }
        }
        return (goals, proposed)
    }

    @Test(arguments: Examples.all)
    func theCoverTheSummaryAndTheThemeSheetsAgree(_ name: String) throws {
        let (report, file) = try exportedExample(name, into: scratch)
        let book = try XLSXInspector(file.path)
        let cover = try book.sheet("Cover").cells.map(\.text)
        // A report that rates, proposes and targets nothing has no summary page.
        let summary = book.sheetNames.contains("Summary") ? try book.sheet("Summary").rows : [:]
        #expect(book.sheetNames.contains("Summary") || report.countedGoals.allSatisfy { $0.status == nil && $0.proposal == nil }, "\(name) has a summary")
        // The summary's tables, found by the heading above each.
        func table(_ heading: String) -> (header: [String: XLSXInspector.Sheet.Cell], rows: [[String: XLSXInspector.Sheet.Cell]])? {
            guard let at = summary.first(where: { $0.value["A"]?.text == heading })?.key else { return nil }
            let body = summary.keys.sorted().filter { $0 > at + 1 }.prefix { summary[$0]?["A"]?.text.isEmpty == false }
            return (summary[at + 1]!, body.map { summary[$0]! })
        }
        func total(_ table: (header: [String: XLSXInspector.Sheet.Cell], rows: [[String: XLSXInspector.Sheet.Cell]])?, _ heading: String) -> Int? {
            guard let table, let column = table.header.first(where: { $0.value.text == "Total" })?.key else { return nil }
            return table.rows.first { $0["A"]?.text == heading }.flatMap { Int($0[column]?.text ?? "") }
        }
        let statuses = table("Goal status by theme"), proposals = table("Proposals by theme")
        #expect(statuses != nil || report.countedGoals.allSatisfy { $0.status == nil }, "a report that rates goals has the status table")
        let themeSheets = try book.themeSheets(of: report)
        for theme in report.themes {
            let line = try #require(cover.first(where: { $0.hasPrefix(theme.heading + ":") }), "\(theme.heading) on the cover")
            let (goals, proposed) = coverCounts(line)
            #expect(goals == theme.countedGoals.count && proposed == theme.countedProposedGoals.count, "\(name): \(line)")
            if let inSummary = total(statuses, theme.heading) { #expect(inSummary == goals, "\(name): \(theme.heading) statuses") }
            if let inSummary = total(proposals, theme.heading) {
                #expect(inSummary == theme.allGoals.filter { $0.subGoals.isEmpty && ($0.proposal != nil || !$0.isTracked) }.count, "\(name): \(theme.heading) proposals")
            }
            // The theme's own goals table lists every goal the cover counts.
            let sheet = try #require(themeSheets[theme.heading], "\(theme.heading)'s sheet")
            let texts = Set(sheet.cells.map { $0.text.replacingOccurrences(of: "• ", with: "") })
            let leaves = theme.countedGoals + theme.countedProposedGoals
            #expect(leaves.allSatisfy { goal in texts.contains { $0 == goal.text || $0.hasPrefix(goal.text + "\n") } }, "\(name): \(theme.heading) sheet")
        }
    }
}
