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
}
