import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Returns filled in LibreOffice as an officer types (UK locale, Enter after each cell), then
/// checked and merged: what reaches the merged report, and the exact message for what cannot.
@Suite(.libreOffice) struct TypedReturnsTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    @Test func whatIsTypedReachesTheMergedReportAsTyped() throws {
        let edits = try fixture.typed("kent-probation", goals: fixture.answers("kent-probation", [
            "EE-3": ("amber ", "=Sign-off moved to July."),
            "EE-4": ("R", "-5% on last year: referrals fell.\n\nA new provider starts in August."),
        ]), figures: fixture.figures("kent-probation", ["ACC-M1": "84%", "EE-M1": "47.5%", "MH-M1": "Approx. 15.5%"]))
        let file = try fixture.libreOffice("kent-probation", "kp.xlsx", edits)
        #expect(fixture.problems(file) == [])

        let (merged, summary) = fixture.merge([file])
        let ee3 = try #require(merged.goal("EE-3")), ee4 = try #require(merged.goal("EE-4"))
        #expect(ee3.status == "Amber" && ee3.update == ["=Sign-off moved to July."], "text beginning with = stays text")
        #expect(ee4.status == "Red" && ee4.update == ["-5% on last year: referrals fell.", "A new provider starts in August."])
        #expect(ee3.returns.map(\.period) == ["2013-14 Q1"], "each answer records its period")
        let source = try #require(ee4.returns.first?.source)
        let cells = [try fixture.cell("kent-probation", "EE-4", "status"), try fixture.cell("kent-probation", "EE-4", "update")]
        #expect(source.file == "kp.xlsx" && source.sheet == "Goals" && source.cells == cells)
        #expect(merged.measure("ACC-M1")?.1.values.last??.text == "84%")
        #expect(merged.measure("EE-M1")?.1.values.last??.text == "47.5%")
        #expect(merged.measure("MH-M1")?.1.values.last??.qualifier == "Approx.")
        #expect(merged.returnsReceived.map { [$0.agency, $0.completedBy, $0.date] } == [["kent-probation", "Rob Jacques", "12/07/2013"]])
        #expect(summary.isClean && summary.accepted == ["kp.xlsx"])
    }

    @Test func aFormulaIsRefusedWithItsCellAndTheRestIsKept() throws {
        // A cell that lost its text format (pasted over) turns "-5% on last year" into a formula,
        // as Excel saves it: the result (#NAME?) is not what the officer wrote.
        let update = try fixture.cell("kent-probation", "EE-4", "update")
        var edits = try fixture.typed("kent-probation", goals: fixture.answers("kent-probation", ["EE-4": ("Red", "")]), figures: fixture.figures("kent-probation"))
        edits.append(.formula("=1/0", sheet: "Goals", cell: update))
        let file = try fixture.libreOffice("kent-probation", "kp.xlsx", edits)
        let checked = fixture.check(file)
        #expect(checked.problems.map(\.description) == [
            "kp.xlsx: Goals!\(update): goal EE-4's update holds the formula =1/0 (showing #DIV/0!), not text; retype it: the cell keeps what you type as text, = or - at the start included"
        ])
        #expect(checked.goals.map(\.goalID) == fixture.scope("kent-probation").goals.map(\.goal.id).filter { $0 != "EE-4" })
        let (merged, summary) = fixture.merge([file])
        #expect(merged.goal("EE-4")?.status == nil && merged.goal("EE-4")?.update == [], "nothing of the refused cell reaches the report")
        #expect(merged.goal("EE-3")?.status == "Green", "the other answers are merged")
        #expect(!summary.isClean)
    }

    @Test func anUntouchedReturnIsBlankAndItsAgencyStillMissing() throws {
        let file = try fixture.libreOffice("jppb", "jppb.xlsx", [])
        #expect(fixture.problems(file).last == "jppb.xlsx: is blank: no status, update or figure is filled in, so JPPB is still missing")
        let (merged, summary) = fixture.merge([file])
        #expect(summary.blank == ["jppb.xlsx"] && summary.returnsAccepted == 0)
        #expect(summary.agenciesMissing.contains("JPPB"))
        #expect(merged.returnsReceived.isEmpty && !summary.isClean)
    }

    @Test func unansweredGoalsAreListedById() throws {
        let edits = try fixture.typed("jppb", goals: ["ACC-1a": ("Green", "Protocol signed."), "ACC-2": ("Green", "")])
        let file = try fixture.libreOffice("jppb", "jppb.xlsx", edits)
        #expect(fixture.problems(file) == ["jppb.xlsx: Goals: 3 goals not answered: ACC-1b, ACC-1c, EE-6"])
        let (merged, summary) = fixture.merge([file])
        #expect(merged.goal("ACC-1a")?.status == "Green")
        #expect(summary.goalsWithoutAnswer.starts(with: ["ACC-1b", "ACC-1c"]))
        #expect(merged.goal("ACC-1b")?.status == nil, "not last period's status")
    }

    @Test func anUpdateWithoutAStatusIsAProblemNotLastQuartersStatus() throws {
        let edits = try fixture.typed("jppb", goals: fixture.answers("jppb", ["ACC-2": ("", "Waiting for the protocol.")]))
        let file = try fixture.libreOffice("jppb", "jppb.xlsx", edits)
        let status = try fixture.cell("jppb", "ACC-2", "status")
        #expect(fixture.problems(file) == ["jppb.xlsx: Goals!\(status): goal ACC-2 has an answer but no status; choose one of Red, Amber or Green"])
        let (merged, _) = fixture.merge([file])
        #expect(merged.goal("ACC-2")?.status == nil && merged.goal("ACC-2")?.update == [])
        #expect(merged.goal("ACC-2")?.history.last?.status == "Green", "last period's rating stays in its history")
    }

    @Test func anUpdateBelongsToTheStatusGivenWithIt() throws {
        // A first return explains an Amber; a corrected one says Green and nothing more.
        let first = try fixture.libreOffice("jppb", "first.xlsx", try fixture.typed("jppb", goals: fixture.answers("jppb", ["ACC-2": ("Amber", "Behind plan.")])))
        let (afterFirst, _) = fixture.merge([first])
        let second = try fixture.libreOffice("jppb", "second.xlsx", try fixture.typed("jppb", goals: fixture.answers("jppb", ["ACC-2": ("Green", "")])))
        let (merged, _) = ReturnMerger(report: afterFirst).merge(ReturnChecker(report: afterFirst).check(filesAt: [second]))
        #expect(merged.goal("ACC-2")?.status == "Green")
        #expect(merged.goal("ACC-2")?.update == [], "the Amber's explanation is not printed under Green")
    }

    @Test func statusCellsMergedTogetherAreRefusedWithTheirRange() throws {
        let from = try fixture.cell("kent-probation", "EE-3", "status"), to = try fixture.cell("kent-probation", "EE-4", "status")
        var edits = try fixture.typed("kent-probation", goals: fixture.answers("kent-probation"), figures: fixture.figures("kent-probation"))
        // The sheet is protected; an officer unprotects it (no password) and merges.
        edits += [.unprotect(sheet: "Goals"), .merge(sheet: "Goals", range: "\(from):\(to)")]
        let file = try fixture.libreOffice("kent-probation", "kp.xlsx", edits)
        #expect(fixture.problems(file) == [
            "kp.xlsx: Goals!\(from):\(to): is merged into one cell over goal EE-3's status; unmerge it (Format > Merge Cells) and answer each in its own cell",
            "kp.xlsx: Goals!\(from):\(to): is merged into one cell over goal EE-4's status; unmerge it (Format > Merge Cells) and answer each in its own cell",
        ])
        let (merged, _) = fixture.merge([file])
        #expect(merged.goal("EE-4")?.status == nil, "the hidden second status is not taken")
        #expect(merged.goal("EE-6")?.status == "Green")
    }

    @Test func figuresAreFiguresOfTheMeasuresKind() throws {
        let value = { (id: String, agency: String) in try fixture.cell(agency, id, ReturnLayout.measureField) }
        let kp = try fixture.libreOffice("kent-probation", "kp.xlsx", try fixture.typed(
            "kent-probation", goals: fixture.answers("kent-probation"), figures: ["ACC-M1": "30/06/2013", "EE-M1": "1,234", "MH-M1": "85"]))
        #expect(fixture.problems(kp) == [
            "kp.xlsx: Measures!\(try value("ACC-M1", "kent-probation")): measure ACC-M1: 30/06/2013 is a date, not a figure; type the figure as you would write it (81%, 1,493, tbc)",
            "kp.xlsx: Measures!\(try value("EE-M1", "kent-probation")): measure EE-M1: 1,234 is not a percentage; type it as a percentage, such as 81% or 81.5%",
            "kp.xlsx: Measures!\(try value("MH-M1", "kent-probation")): measure MH-M1: 85 is not a percentage; type it as a percentage, such as 81% or 81.5%",
        ])
        let kcc = try fixture.libreOffice("kcc-commissioned", "kcc.xlsx", try fixture.typed(
            "kcc-commissioned", goals: fixture.answers("kcc-commissioned"), figures: ["SM-M1": "85.5%"]))
        #expect(fixture.problems(kcc) == [
            "kcc.xlsx: Measures!\(try value("SM-M1", "kcc-commissioned")): measure SM-M1: 85.5% is a percentage, but this measure counts; type a whole number, such as 1,493"
        ])
        let good = try fixture.libreOffice("kcc-commissioned", "kcc-good.xlsx", try fixture.typed(
            "kcc-commissioned", goals: fixture.answers("kcc-commissioned"), figures: ["SM-M1": "1,493"]))
        #expect(fixture.check(good).measures.map(\.value) == [Value(parsing: "1,493")])
    }

    @Test func aReturnResavedByLibreOfficeReadsTheSame() throws {
        let filled = try fixture.libreOffice("kcc-commissioned", "kcc.xlsx", try fixture.typed(
            "kcc-commissioned", goals: fixture.answers("kcc-commissioned", ["SM-3": ("Red", "Pilot extended.")]), figures: ["SM-M1": "1,493"]))
        let direct = fixture.check(filled), resaved = fixture.check(try fixture.resaved(filled))
        #expect(direct.problems.isEmpty && resaved.problems.isEmpty)
        #expect(direct.goals == resaved.goals && direct.measures.map(\.value) == resaved.measures.map(\.value))
        #expect(resaved.completedBy == "Rob Jacques" && resaved.day?.description == "2013-07-12")
    }
}
