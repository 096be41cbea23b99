import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// What the printed packs say (issues 19.3, 19.6 and 24), read from LibreOffice's PDFs: the
/// caveats where a reader cannot miss them, the decisions asked of the board first, the risks,
/// a date on every page, and an at-a-glance page a board member can act on.
@Suite(.libreOffice) struct PackContentTests {
    func glance(_ pack: PrintedPack) -> String {
        let head = "\(Style.standard.labels.atAGlance) – \(pack.report.period.label)"
        return PrintedPages.collapse(pack.pages.pages.filter { pack.sheet(of: $0) == head }.map(\.text).joined(separator: " "))
    }

    @Test func kentsIllustrativeStatusesAreSaidOnTheCoverTheGlancePageAndEveryFooter() throws {
        let pack = try PrintedPack.named(Examples.kent)
        let caveat = try #require(pack.report.caveats.first)
        #expect(PrintedPages.collapse(pack.pages.pages[0].text).contains(PrintedPages.collapse(caveat.line)), "the cover gives the caveat and why")
        #expect(glance(pack).contains(PrintedPages.collapse(caveat.line)))
        for (number, page) in pack.pages.pages.enumerated() {
            #expect(page.text.contains("Statuses illustrative"), "page \(number + 1)'s footer says the statuses are illustrative")
        }
        // The goals whose updates say they were not achieved print as such.
        for id in ["ACC-1a", "ACC-1c", "SM-1"] {
            let row = try #require(pack.rows.rows.first { $0.first?.text.trimmingCharacters(in: .whitespacesAndNewlines) == id }, "\(id)'s row")
            #expect(row.contains { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == "Red" } && !row.contains { $0.text.contains("Green") }, "\(id)")
        }
    }

    @Test func aCohortTooSmallToJudgeIsNotJudged() throws {
        let pack = try PrintedPack.named(Examples.leicestershire)
        #expect(pack.pages.contains(wordsOf: "17%: Not judged – the cohort currently is too small to draw any judgement on the results"))
        #expect(!pack.pages.text.contains("Not met"))
        #expect(pack.pages.contains(wordsOf: "Lead agency of YA-1 inferred:"), "the inferred lead is said")
        // Its key figures run onto a second glance page, which repeats the table's header.
        let glancePages = pack.pages.pages.filter { pack.sheet(of: $0) == "At a glance – April to September 2013" }
        for page in glancePages where page.bodyLines.contains(where: { $0.text == "DYO" }) {
            #expect(page.bodyLines.contains { $0.text == "Headline Measure" }, "a page the key figures run onto has their header")
        }
    }

    @Test func thePlanRefreshPrintsItsRisksAndAsksItsDecisionsFirst() throws {
        let pack = try PrintedPack.named(Examples.planRefresh)
        let risks = pack.pages.pages.filter { pack.sheet(of: $0) == "Risks" }
        #expect(!risks.isEmpty && PrintedPages.collapse(risks.map(\.text).joined()).contains("Transforming Rehabilitation: Kent Probation Trust not being in existence from end of 2014"))
        let page = glance(pack)
        let asked = try #require(page.range(of: "Asked of the board"))
        for decision in pack.report.decisions.suffix(3) { #expect(page.contains(decision.text)) }
        let next = try #require(page.range(of: "No goal has a status in this report."))
        #expect(asked.lowerBound < next.lowerBound, "the decisions come first")
    }

    @Test func theQ1PackIsDatedAndItsGlancePageSaysWhatCameBackAndWhy() throws {
        let pack = try PrintedPack.named(PrintedPack.q1)
        for (number, page) in pack.pages.pages.enumerated() {
            #expect(page.text.contains("Returns to 12 July 2013"), "page \(number + 1) carries the pack's date")
        }
        let page = glance(pack)
        let glance = PrintedPages(pages: pack.pages.pages.filter { pack.sheet(of: $0) == "At a glance – 2013-14 Q1" })
        // (pdfminer reads a label's column before its value's.)
        #expect(glance.contains(wordsOf: "Returns Goals without an answer (1) 9 of 10 returns received; missing: Skills Funding Agency. EE-8"))
        // Each goal needing attention with up to two lines of wording and the first sentence of its update.
        #expect(glance.contains(wordsOf: "ACC-8 Expand number of work opportunities for rehabilitation purposes, based on model at"))
        #expect(glance.contains(wordsOf: "The Maidstone model has not been costed for the other districts; the JPPB will look at it"))
        #expect(glance.contains(wordsOf: "Not accepted: Public Health NHS Kent returned Red"))
        #expect(glance.contains(wordsOf: "Conflict: Kent Probation says Green, Public Health NHS Kent says Red"))
        // Headline figures, previous → latest, not judged across a year and a quarter.
        #expect(glance.contains(wordsOf: "83% (2012-13) → 84% (2013-14 Q1)"))
        // No row's two figures compare, so one sentence says why, not a column saying it on every row.
        #expect(glance.contains(wordsOf: "Direction of travel not judged: 2013-14 Q1 is a quarter; the figures before it are of a year or part of a year."))
        #expect(!page.contains("periods differ") && !page.contains("improving"))
        // Where some rows compare (Kent's end of year), the column stays and says it row by row.
        let kent = self.glance(try PrintedPack.named(Examples.kent))
        #expect(kent.contains("▲ improving") && kent.contains("periods differ: not compared") && !kent.contains("not judged:"))
        // Last year's words are not this quarter's.
        #expect(!pack.pages.text.contains("end of year view of progress") && !pack.pages.text.contains("'red' for not achieved"))
    }

    @Test func aReportWithoutRatingsShowsItsObjectivesAndKeyFigures() throws {
        let pack = try PrintedPack.named(Examples.kmrob)
        let page = glance(pack)
        let glance = PrintedPages(pages: pack.pages.pages.filter { pack.sheet(of: $0) == "At a glance – 2019/20" })
        #expect(page.contains("Objectives and progress"))
        #expect(glance.contains(wordsOf: "KM-W-1 Establish Kent & Medway Women's Forum Positive steps have been made in relation to women in Kent and Medway."))
        #expect(glance.contains(wordsOf: "Key figures – October 2019 update"), "the one period, said once")
        let cohort = pack.rows.rows.first { row in row.first.map { PrintedPages.collapse($0.text) } == "IOM cohort" }
        // (pdfminer reads a right-aligned figure and the note beside it as one line.)
        #expect(cohort.map { PrintedPages.collapse($0.map(\.text).joined(separator: " ")) } == "IOM cohort 245 On the 26th July 2019")
        #expect(glance.contains(wordsOf: "To note Recommendations: KCSP is asked to note the progress and actions undertaken by KMROB."))
    }
}
