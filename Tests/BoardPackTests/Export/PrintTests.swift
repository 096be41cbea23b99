import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The board pack as it prints: every example rendered by LibreOffice and read back from the
/// PDF, each character's size with the page's scaling included.
@Suite(.libreOffice) struct PrintTests {
    let scratch = TemporaryFolder()

    /// Everything of the report the board should see: titles, introductions, goals, sub-goals,
    /// notes, updates, measure names, caveats, statistics, representatives, comments, proposals.
    static func boardVisibleTexts(_ report: Report) -> [String] {
        var texts = [report.title, report.board] + report.introduction + report.themesIntroduction + [report.description].compactMap { $0 }
        texts += report.caveats.map(\.line) + report.decisions.flatMap { decision in [(decision.subject.map { "\($0): " } ?? "") + decision.text] + decision.detail }
        texts += report.risks.flatMap { [$0.id, $0.text] + $0.impact + $0.mitigation + [$0.owner, $0.rating].compactMap { $0 } }
        for table in report.statistics {
            texts += [table.heading] + table.notes + table.rows.map(\.label) + [table.source].compactMap { $0 }
            texts += table.rows.flatMap { $0.values.compactMap { $0?.text } }
        }
        for theme in report.themes {
            texts += [theme.heading] + theme.introduction + theme.comments + theme.representatives.map(\.name)
            texts += [theme.proposal?.note].compactMap { $0 }
            for measure in theme.measures {
                texts += [measure.name] + measure.notes + measure.values.compactMap { $0?.text } + [measure.notJudged].compactMap { $0 }
            }
            for goal in theme.allGoals {
                texts += [goal.text] + goal.update + goal.notes + [goal.proposal?.wording, goal.proposal?.note].compactMap { $0 }
            }
        }
        return texts.filter { !$0.isEmpty }
    }

    /// The four examples and the worked chain's Q1 pack (printed once, see `PrintedPack`).
    @Test(arguments: PrintedPack.all)
    func everyExamplePrintsAtNinePointsOrMoreWithNothingLost(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        let (report, printed) = (pack.report, pack.pages)
        for (number, page) in printed.pages.enumerated() {
            #expect((page.minSize ?? 9) >= 9, "\(name) page \(number + 1) prints text under 9 pt: \(page.small.prefix(3))")
            // Nothing larger than the title's 16 pt: a footer's "&9" before a date's digits
            // once read as a 92,019-point font.
            #expect((page.maxSize ?? 0) <= 16.5, "\(name) page \(number + 1) prints text at \(page.maxSize ?? 0) pt")
        }
        #expect(!printed.text.contains("###"), "\(name): a figure too wide for its column")
        let missing = Self.boardVisibleTexts(report).filter { !printed.contains(wordsOf: $0) }
        #expect(missing.isEmpty, "\(name): not printed: \(missing.map { String($0.prefix(60)) })")
        // Each statistics table and each theme starts its own block; the plan's goals are all there.
        #expect(printed.pages.count < 4 + report.themes.count * 3, "\(name): \(printed.pages.count) pages")
    }

    @Test func thePlanRefreshShowsEachProposalInItsTheme() throws {
        let (report, file) = try exportedExample(Examples.planRefresh, into: scratch)
        let book = try XLSXInspector(file.path)
        var counts: [String: Int] = [:]
        let sheets = try book.themeSheets(of: report)
        for theme in report.themes {
            let sheet = try #require(sheets[theme.heading], "\(theme.heading) has a sheet")
            #expect(sheet.cells.contains { $0.text == theme.heading }, "\(theme.heading)'s title is on \(sheet.name)")
            let rows = sheet.rows.values
            for goal in theme.allGoals {
                guard let proposal = goal.proposal else { continue }
                let row = try #require(rows.first { $0.values.contains { $0.text.hasSuffix(goal.text) } }, "\(goal.id) on \(theme.name)'s sheet")
                #expect(row.values.contains { $0.text == proposal.action.label }, "\(goal.id) says \(proposal.action.label)")
                if let wording = proposal.wording { #expect(row.values.contains { $0.text.hasPrefix(wording) }, "\(goal.id)'s new wording is beside it") }
                counts[proposal.action.label, default: 0] += goal.subGoals.isEmpty ? 1 : 0
            }
        }
        #expect(counts["Discharge"] == 16 && counts["Carry forward"] == 1 && counts["Amend"] == 2)
        // The Summary counts them by theme, as the theme sheets show them.
        let summary = try book.sheet("Summary").rows.values
        let total = try #require(summary.first { $0.values.contains { $0.text == "Total" } && $0.values.contains { $0.text == "16" } })
        #expect(total.values.map(\.text).contains("1") && total.values.map(\.text).contains("2"))
        let finance = try #require(sheets["Finance, Benefits and Debt"]).cells.map(\.text)
        #expect(finance.contains("Proposed new") && finance.contains { $0.hasPrefix("Proposed new theme") })
    }
}
