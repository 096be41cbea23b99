import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Pages as LibreOffice prints them (issue 19.5): every page is one boardpack planned, every row
/// as high as LibreOffice needs for its text (measured from the PDF, never cut, never more than
/// a line or so taller), no page left with a heading, a title, a key or the representatives
/// alone, and every page a theme's tables run onto saying whose they are.
@Suite(.libreOffice) struct PageLayoutTests {
    @Test(arguments: PrintedPack.all)
    func everyPrintedPageIsAPageBoardpackPlanned(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        // A row that did not fit would make LibreOffice start a page of its own.
        #expect(pack.pages.pages.count == pack.plannedPages, "\(name): \(pack.pages.pages.count) pages printed, \(pack.plannedPages) planned")
    }

    /// Lines are 11.2 points apart (Liberation Sans at 10 points); a row sized exactly leaves
    /// about 5 points under its last line. Lines are counted at Excel's narrower column (5% less
    /// room), so a long text may have a spare line or two in LibreOffice: never more than one,
    /// and one more for each twenty lines.
    @Test(arguments: PrintedPack.all)
    func everyRowShowsItsTextWholeAndIsNoTallerThanItNeeds(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        let pitch = 11.2
        var cut: [String] = [], tall: [String] = []
        for row in pack.rows.rows {
            for cell in row where cell.textBottom < cell.bottom - 1 || cell.textTop > cell.top + 1.5 {
                cut.append("page \(cell.page): \(cell.text.prefix(40))")
            }
            guard let tallest = row.min(by: { $0.textBottom - $0.bottom < $1.textBottom - $1.bottom }) else { continue }
            let lines = Int(((tallest.textTop - tallest.textBottom - pitch) / pitch).rounded()) + 1
            let spare = (tallest.textBottom - tallest.bottom - 5.5) / pitch
            let allowed = 1 + (Double(lines) * 0.055).rounded(.up)
            if spare > allowed + 0.3 { tall.append("page \(tallest.page): \(String(format: "%.1f", spare)) spare lines under \(lines): \(tallest.text.prefix(40))") }
        }
        #expect(cut.isEmpty, "\(name): text cut by its row: \(cut)")
        #expect(tall.isEmpty, "\(name): rows taller than their text needs: \(tall)")
        #expect(pack.rows.rows.count > 20, "\(name): the tables' rows were found")
    }

    @Test(arguments: PrintedPack.all)
    func noPageHoldsOnlyAHeadingATitleAKeyOrTheRepresentatives(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        let labels = Style.standard.labels
        // A section's heading is never the last line of a page: it goes with what it heads.
        let headings = Set([
            labels.deliveryAgainstGoals, labels.key, labels.representatives, labels.comments, labels.statusByTheme,
            labels.needsAttention, labels.askedOfTheBoard, labels.caveats, labels.objectives, labels.keyFigures,
            labels.headlineMeasures, labels.proposalsByTheme, labels.measuresAgainstTarget,
        ] + pack.report.themes.map(\.heading) + pack.report.earlierPeriods.map { labels.whatChanged.replacingOccurrences(of: "{period}", with: $0.period.label) })
        for (number, page) in pack.pages.pages.enumerated() {
            let body = pack.body(page)
            #expect(body.count > 1, "\(name) page \(number + 1) holds only \(body)")
            let lowest = page.bodyLines.last?.text ?? ""
            #expect(!headings.contains(lowest), "\(name) page \(number + 1) ends with the heading \(lowest)")
            // The key and the representatives follow the goals table on its last page.
            #expect(![labels.key, labels.representatives].contains(body.first ?? ""), "\(name) page \(number + 1) starts with \(body.first ?? "")")
        }
    }

    @Test(arguments: PrintedPack.all)
    func everyPageAThemeRunsOntoNamesItAndRepeatsTheTablesHeader(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        let labels = Style.standard.labels
        var seen = Set<String>()
        // The cover, a page or two, has no running head; every page after it has.
        let cover = pack.pages.pages.prefix { pack.sheet(of: $0) == nil }.count
        #expect((1...2).contains(cover), "\(name): \(cover) pages before the first with a running head")
        for (number, page) in pack.pages.pages.enumerated().dropFirst(cover) {
            let sheet = try #require(pack.sheet(of: page), "\(name) page \(number + 1) has no running head: \(page.text.prefix(60))")
            let themes = pack.themes(named: sheet)
            guard let theme = themes.first else { continue }
            let body = pack.body(page)
            if themes.count > 1 {
                // Themes sharing a sheet share one page, each under its title, in order.
                let titles = body.filter { line in themes.contains { $0.heading == line } }
                #expect(body.first == theme.heading && titles == themes.map(\.heading), "\(name) page \(number + 1) shows the titles \(titles) of \(sheet)")
                #expect(themes.allSatisfy { seen.insert($0.id).inserted }, "\(name) page \(number + 1): the themes of \(sheet) are on one page")
            } else if seen.insert(theme.id).inserted {
                #expect(body.first == theme.heading, "\(name) page \(number + 1): the theme's first page starts with its title")
            } else {
                let starts = [labels.ref, "\(labels.goal) \(labels.continued)", "\(labels.headlineMeasure) \(labels.continued)", labels.deliveryAgainstGoals, labels.comments]
                #expect(body.prefix(2).contains(where: starts.contains), "\(name) page \(number + 1) of \(theme.heading) starts \(body.prefix(3))")
            }
        }
    }

    /// Themes shorter than a page share one (issue 19.5: the refresh printed five pages a fifth
    /// to two fifths full): two neighbouring theme sheets of a page each, measured from the PDF,
    /// are together longer than a page.
    @Test(arguments: PrintedPack.all)
    func themesThatFitOnAPageTogetherShareIt(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        // Each page's themes and the points its lines take, from the first line's foot to the
        // last's, with a line more for the first and the blank row between two themes.
        let pages = pack.pages.pages.compactMap { page -> (head: String, used: Double, body: Double)? in
            guard let head = pack.sheet(of: page), !pack.themes(named: head).isEmpty,
                let top = page.bodyLines.first?.bottom, let bottom = page.bodyLines.last?.bottom
            else { return nil }
            return (head, top - bottom + 15, page.height - 86.4)
        }
        let sheets = Dictionary(grouping: pages, by: \.head)
        var pairs = 0
        for (a, b) in zip(pages, pages.dropFirst()) where a.head != b.head && sheets[a.head]!.count == 1 && sheets[b.head]!.count == 1 {
            pairs += 1
            #expect(a.used + 15 + b.used > a.body - 20, "\(name): \(a.head) (\(Int(a.used)) points) and \(b.head) (\(Int(b.used)) points) print on two pages but fit on one (\(Int(a.body)) points)")
        }
        if name == Examples.planRefresh { #expect(pairs >= 3, "\(name): its short themes were found") }
    }

    /// A goal that reads "to include:-" is printed on the page of its first sub-goal.
    @Test(arguments: PrintedPack.all)
    func noGoalIsPartedFromItsFirstSubGoal(_ name: String) throws {
        let pack = try PrintedPack.named(name)
        for theme in pack.report.themes {
            let pages = Set(pack.pages.pages.indices.filter { pack.themes(of: pack.pages.pages[$0]).contains { $0.id == theme.id } }.map { $0 + 1 })
            // The page of the Goal cell that starts with the goal's text (a sub-goal's after its bullet).
            func page(of goal: Goal) -> Int? {
                let start = PrintedPages.collapse(String(goal.text.prefix(30)))
                return pack.rows.cells.first { pages.contains($0.page) && PrintedPages.collapse($0.text).replacingOccurrences(of: "• ", with: "").hasPrefix(start) }?.page
            }
            for goal in theme.goals where !goal.subGoals.isEmpty {
                let parent = try #require(page(of: goal), "\(name): \(goal.id) is printed on \(theme.heading)'s pages \(pages.sorted())")
                #expect(page(of: goal.subGoals[0]) == parent, "\(name): \(goal.id) and \(goal.subGoals[0].id) are on one page")
            }
        }
    }
}
