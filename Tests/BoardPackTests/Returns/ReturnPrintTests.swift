import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Returns as they print: rendered by LibreOffice, read back from the PDF.
@Suite(.libreOffice) struct ReturnPrintTests {
    let fixture: ReturnsFixture
    let scratch = TemporaryFolder()

    init() throws { fixture = try ReturnsFixture() }

    /// About 6,000 characters of plain English, as a long update would be.
    static let longUpdate: String = {
        let sentences = [
            "The accommodation pathway review met in May and agreed a revised referral form with the district councils.",
            "Referrals from custody rose in the quarter, but the number of offenders housed on release fell slightly.",
            "Two providers withdrew from the Supporting People framework, and replacement services start in September.",
            "The private rented sector scheme placed fourteen offenders, against a target of twenty for the quarter.",
        ]
        var text = ""
        var i = 0
        while text.count < 6_000 {
            text += (text.isEmpty ? "" : " ") + sentences[i % sentences.count]
            i += 1
        }
        return text
    }()

    @Test func twoReturnsPrintAtNinePointsOrMoreWithTheWholeTypedUpdate() throws {
        #expect(Self.longUpdate.count >= 6_000)
        var goals: [String: (status: String, update: String)] = [:]
        for item in fixture.scope("kent-probation").goals { goals[item.goal.id] = ("Green", "") }
        goals["EE-4"] = ("Red", Self.longUpdate)
        let figures = Dictionary(uniqueKeysWithValues: fixture.scope("kent-probation").measures.map { ($0.measure.id, "tbc") })
        let typed = try fixture.libreOffice("kent-probation", "kp.xlsx", try fixture.typed("kent-probation", goals: goals, figures: figures))
        #expect(fixture.check(typed).goals.first { $0.goalID == "EE-4" }?.update == [Self.longUpdate], "read whole")

        for (agency, file) in [("jppb", try fixture.blank("jppb")), ("kent-probation", typed)] {
            let printed = try PrintedPages(try Office.current().pdf(of: file, into: scratch.url))
            let small = printed.pages.flatMap(\.small)
            #expect((printed.minSize ?? 0) >= 9, "\(agency): text under 9 pt: \(small.prefix(5))")
            #expect(printed.pages.allSatisfy { ($0.maxSize ?? 0) <= 16.5 }, "\(agency): nothing larger than the title")
            for item in fixture.scope(agency).goals {
                #expect(printed.contains(wordsOf: item.goal.text), "\(agency): \(item.goal.id)'s wording is printed")
            }
            if agency == "kent-probation" {
                #expect(printed.contains(wordsOf: Self.longUpdate), "the whole 6,000-character update prints")
            }
        }
    }

    /// A goal's block (its name and wording, then the cells to fill in) is never split across
    /// pages: the cells printed on a page of their own would not say which goal they answer.
    @Test func eachGoalsBlockPrintsOnOnePage() throws {
        // The year end asks for proposals too: a longer block per goal.
        for fixture in [fixture, try ReturnsFixture(report: try Examples.report(Examples.kent))] {
            let printed = try PrintedPages(try Office.current().pdf(of: try fixture.blank("jppb"), into: scratch.url))
            let goals = fixture.scope("jppb").goals
            #expect(goals.count >= 5, "enough goals to fill more than a page")
            // The last label of a block: the proposed wording at a year end, else the update.
            let proposing = printed.text.contains("Proposed wording, if you propose")
            let last = proposing ? "Proposed wording, if you propose to amend the goal" : "Update for"
            for item in goals {
                let heading = "\(item.goal.id) – "
                let page = try #require(printed.pages.first { PrintedPages.collapse($0.text).contains(heading) }, "\(item.goal.id) is printed")
                let rest = PrintedPages.collapse(page.text).components(separatedBy: heading).dropFirst().joined(separator: heading)
                #expect(rest.contains(PrintedPages.collapse(item.goal.text)), "\(fixture.report.period.label) \(item.goal.id)'s wording is on the page of its name")
                #expect(rest.contains(last), "\(fixture.report.period.label) \(item.goal.id)'s last cell is on the page of its name")
            }
        }
    }

    /// Long agency names and periods (Leicestershire's) wrap in the Measures sheet's title and
    /// note: nothing is cut, and the landscape page is not shrunk under 9 pt to fit a note.
    @Test func longNamesPrintWholeAtNinePoints() throws {
        // The example names no lead or supplier of its own for the two longest-named agencies:
        // each is given a figure to supply here.
        var report = try Examples.report(Examples.leicestershire)
        for (measure, agency) in [("LR-RED-TIER", "probation"), ("LR-REFERRALS", "opcc")] {
            let t = try #require(report.themes.firstIndex { $0.measures.contains { $0.id == measure } })
            report.themes[t].measures[report.themes[t].measures.firstIndex { $0.id == measure }!].supplier = agency
        }
        let fixture = try ReturnsFixture(report: report)
        for agency in ["probation", "opcc"] {
            let printed = try PrintedPages(try Office.current().pdf(of: try fixture.blank(agency), into: scratch.url))
            let name = fixture.scope(agency).agency.name
            #expect((printed.minSize ?? 0) >= 9, "\(agency): text under 9 pt: \(printed.pages.flatMap(\.small).prefix(5))")
            #expect(printed.contains(wordsOf: "Headline measures supplied by \(name) – April to September 2013"), "\(agency): the whole title")
        }
    }
}

/// A return filled by a script keeps the blank return's row heights, and LibreOffice prints
/// about a line and a half of its update (issue 19.8); `check --pdf` prints a copy with every
/// row as high as what was typed.
extension ReturnPrintTests {
    @Test func aCopyOfAScriptedReturnPrintsTheWholeUpdate() throws {
        let update = String(Self.longUpdate.prefix(1_500))
        var ops = try fixture.signed("jppb")
        ops.append(["set", "Goals", try fixture.cell("jppb", "ACC-1a", "status"), "Red"])
        ops.append(["set", "Goals", try fixture.cell("jppb", "ACC-1a", "update"), update])
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", ops)
        let last = String(update.split(separator: " ").suffix(8).joined(separator: " "))
        let asFilled = try PrintedPages(try Office.current().pdf(of: file, into: scratch.url))
        #expect(!asFilled.contains(wordsOf: last), "the scripted return prints its update cut (if this fails, LibreOffice now sizes rows itself)")

        let copy = scratch.file("jppb-copy.pdf")
        let result = try boardpack(["check", file.path, "--report", fixture.reportFile.path, "--pdf", copy.path])
        #expect(result.status == 1, "ACC-1a alone is answered: the other goals are listed as unanswered")
        #expect(result.out.contains("Wrote \(copy.path)"))
        let printed = try PrintedPages(copy)
        #expect(printed.contains(wordsOf: update), "the whole update, as typed")
        #expect(printed.contains(wordsOf: "Rob Jacques") && printed.contains(wordsOf: "12/07/2013"), "the signature")
        #expect((printed.minSize ?? 0) >= 9)
    }
}
