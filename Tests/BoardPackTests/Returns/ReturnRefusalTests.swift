import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// What docs/return-layout.md says is refused, cell by cell, while the rest of the return counts:
/// each refusal with its exact message, and what reaches (and does not reach) the merged report.
/// Written by openpyxl as a script would, and typed in LibreOffice where a person would type it.
@Suite(.libreOffice) struct ReturnRefusalTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    func cell(_ agency: String, _ id: String, _ field: String) throws -> String { try fixture.cell(agency, id, field) }

    /// A refused answer reaches the merged report only as the record of what came and why it
    /// was refused: the goal keeps its status, update and proposal.
    func expectRefused(
        _ id: String, in merged: Report, was before: Report, because reason: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let goal = merged.goal(id), earlier = before.goal(id)
        #expect(goal?.status == earlier?.status && goal?.update == earlier?.update && goal?.proposal == earlier?.proposal,
                "\(id) keeps its earlier state", sourceLocation: sourceLocation)
        #expect(goal?.returns.last?.refused == reason, "\(id)", sourceLocation: sourceLocation)
    }

    @Test func anErrorValueInAnInputCellIsRefused() throws {
        // A script (or Google Sheets) can leave an error value, not a formula, in a cell.
        let status = try cell("kent-probation", "EE-4", "status"), figure = try cell("kent-probation", "ACC-M1", "figure")
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation") + [
            ["set", "Goals", status, "#N/A"], ["set", "Measures", figure, "#REF!"],
            ["set", "Measures", try cell("kent-probation", "EE-M1", "figure"), "81%"],
            ["set", "Measures", try cell("kent-probation", "MH-M1", "figure"), "tbc"],
        ])
        #expect(fixture.problems(file) == [
            "kp.xlsx: Goals!\(status): goal EE-4's status shows the error #N/A, not text; retype what you meant",
            "kp.xlsx: Measures!\(figure): measure ACC-M1: shows the error #REF!, not text; retype what you meant",
        ])
        let (merged, _) = fixture.merge([file])
        expectRefused("EE-4", in: merged, was: fixture.report, because: "its status cell could not be read")
        #expect(merged.measure("ACC-M1")?.1 == fixture.report.measure("ACC-M1")?.1)
        #expect(merged.goal("EE-3")?.status == "Green" && merged.measure("EE-M1")?.1.values.last??.text == "81%", "the rest is merged")
    }

    @Test func aStatusTheSchemeDoesNotHaveIsRefused() throws {
        let acc2 = try cell("jppb", "ACC-2", "status"), acc1b = try cell("jppb", "ACC-1b", "status")
        let scripted = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [["set", "Goals", acc2, "Amberish"]])
        // In Calc the drop-down stops a status typed wrong; pasted text passes it.
        var edits = try fixture.typed("jppb", goals: fixture.answers("jppb"))
        edits.append(.text("Ambr", sheet: "Goals", cell: acc1b))
        let pasted = try fixture.libreOffice("jppb", "pasted.xlsx", edits)
        #expect(fixture.problems(scripted) == [#"jppb.xlsx: Goals!\#(acc2): "Amberish" is not a status of this report (Red, Amber, Green)"#])
        #expect(fixture.problems(pasted) == [#"pasted.xlsx: Goals!\#(acc1b): "Ambr" is not a status of this report (Red, Amber, Green)"#])
        let (merged, _) = fixture.merge([scripted])
        expectRefused("ACC-2", in: merged, was: fixture.report, because: #""Amberish" is not a status"#)
        #expect(merged.goal("ACC-1b")?.status == "Green")
        let (typed, _) = fixture.merge([pasted])
        expectRefused("ACC-1b", in: typed, was: fixture.report, because: #""Ambr" is not a status"#)
        #expect(typed.goal("ACC-2")?.status == "Green" && typed.goal("ACC-2")?.update == ["On track."])
    }

    @Test func aRedOrAmberStatusWithoutAnUpdateIsRefused() throws {
        let edits = try fixture.typed("jppb", goals: fixture.answers("jppb", ["ACC-1b": ("Red", ""), "ACC-2": ("Amber", "")]))
        let file = try fixture.libreOffice("jppb", "jppb.xlsx", edits)
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!\(try cell("jppb", "ACC-1b", "update")): goal ACC-1b is Red but has no update; a Red status needs an explanation",
            "jppb.xlsx: Goals!\(try cell("jppb", "ACC-2", "update")): goal ACC-2 is Amber but has no update; an Amber status needs an explanation",
        ])
        let (merged, summary) = fixture.merge([file])
        expectRefused("ACC-1b", in: merged, was: fixture.report, because: "no update")
        expectRefused("ACC-2", in: merged, was: fixture.report, because: "no update")
        #expect(merged.goal("ACC-1a")?.status == "Green" && merged.goal("ACC-1a")?.update == ["On track."])
        #expect(summary.goalsNotAccepted == ["ACC-1b", "ACC-2"] && !summary.isClean)
    }

    @Test func aFigureGivenTwiceOrNotAskedForIsRefused() throws {
        let acc = try cell("kent-probation", "ACC-M1", "figure"), ee = try cell("kent-probation", "EE-M1", "figure")
        let row = Int(acc.drop { $0.isLetter })!, column = String(acc.prefix { $0.isLetter })
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation") + [
            ["set", "Measures", acc, "84%"], ["set", "Measures", ee, "12 people"],
            ["set", "Measures", try cell("kent-probation", "MH-M1", "figure"), "tbc"],
            ["copy_row", "Measures", row, 100],
            ["set", "Measures", "A101", "SM-M1|figure"], ["set", "Measures", "\(column)101", "1,493"],
        ])
        #expect(fixture.problems(file) == [
            #"kp.xlsx: Measures!\#(column)101: "SM-M1" is not a measure Kent Probation supplies; this figure is not merged"#,
            "kp.xlsx: Measures!\(column)100: measure ACC-M1 appears 2 times (Measures!\(acc), Measures!\(column)100); delete the copies so it is given once",
            #"kp.xlsx: Measures!\#(ee): measure EE-M1: "12 people" is not a figure; type the figure as you would write it (81%, 1,493), or a word such as tbc or n/a"#,
        ])
        let (merged, _) = fixture.merge([file])
        #expect(merged.measure("ACC-M1")?.1 == fixture.report.measure("ACC-M1")?.1)
        #expect(merged.measure("EE-M1")?.1 == fixture.report.measure("EE-M1")?.1)
        #expect(merged.measure("SM-M1")?.1 == fixture.report.measure("SM-M1")?.1)
        #expect(merged.measure("MH-M1")?.1.values.last??.text == "tbc", "a word for no figure yet is taken")
    }

    @Test func aFigureOrNoteTypedOnARowOfItsOwnIsListedNotLost() throws {
        // Typed under the table, in the Value and Note columns, where no measure's key is.
        let value = try cell("kent-probation", "MH-M1", "figure"), note = try cell("kent-probation", "MH-M1", "note")
        let below = Int(value.drop { $0.isLetter })! + 2
        let (valueColumn, noteColumn) = (String(value.prefix { $0.isLetter }), String(note.prefix { $0.isLetter }))
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation") + [
            ["set", "Measures", value, "tbc"], ["set", "Measures", try cell("kent-probation", "ACC-M1", "figure"), "84%"],
            ["set", "Measures", try cell("kent-probation", "EE-M1", "figure"), "47%"],
            ["set", "Measures", "\(valueColumn)\(below)", "15%"], ["set", "Measures", "\(noteColumn)\(below)", "MH-M1 for the quarter, provisional"],
        ])
        #expect(fixture.problems(file) == [
            #"kp.xlsx: Measures!\#(valueColumn)\#(below): "15%" is not on a measure's row, so it is not read; type it on its measure's row"#,
            #"kp.xlsx: Measures!\#(noteColumn)\#(below): "MH-M1 for the quarter, provisional" is not on a measure's row, so it is not read; type it on its measure's row"#,
        ])
        let (merged, _) = fixture.merge([file])
        #expect(merged.measure("MH-M1")?.1.values.last??.text == "tbc" && merged.measure("ACC-M1")?.1.values.last??.text == "84%")
    }

    @Test func figureCellsMergedTogetherAreRefusedWithTheirRange() throws {
        let value = try cell("kent-probation", "ACC-M1", "figure"), note = try cell("kent-probation", "ACC-M1", "note")
        var edits = try fixture.typed("kent-probation", goals: fixture.answers("kent-probation"), figures: fixture.figures("kent-probation", ["ACC-M1": "84%", "EE-M1": "47%"]))
        // More room for a figure and its note: the sheet unprotected (no password) and the two merged.
        edits += [.unprotect(sheet: "Measures"), .merge(sheet: "Measures", range: "\(value):\(note)")]
        let file = try fixture.libreOffice("kent-probation", "kp.xlsx", edits)
        #expect(fixture.problems(file) == [
            "kp.xlsx: Measures!\(value):\(note): is merged into one cell over measure ACC-M1's figure; unmerge it (Format > Merge Cells)"
        ])
        let (merged, _) = fixture.merge([file])
        #expect(merged.measure("ACC-M1")?.1 == fixture.report.measure("ACC-M1")?.1)
        #expect(merged.measure("EE-M1")?.1.values.last??.text == "47%")
    }

    @Test func figuresAndGoalsLeftEmptyAreListedById() throws {
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation", except: ["EE-4"]) + [
            ["set", "Measures", try cell("kent-probation", "ACC-M1", "figure"), "84%"]
        ])
        #expect(fixture.problems(file) == [
            "kp.xlsx: Goals: 1 goal not answered: EE-4",
            "kp.xlsx: Measures: no figure for EE-M1, MH-M1 (type tbc where it is not known yet)",
        ])
        let (merged, summary) = fixture.merge([file])
        #expect(merged.measure("ACC-M1")?.1.values.last??.text == "84%")
        #expect(summary.measuresFilled == ["ACC-M1"] && summary.goalsWithoutAnswer.contains("EE-4"))
    }

    @Test func aSheetThatLostItsKeysSaysToAskForANewReturn() throws {
        // The header row's Key cell cleared: the hidden column can no longer be trusted.
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation") + [
            ["set", "Measures", try cell("kent-probation", "ACC-M1", "figure"), "84%"],
            ["set", "Goals", "A4", NSNull()], ["set", "Measures", "A4", NSNull()],
        ])
        #expect(fixture.problems(file) == [
            "kp.xlsx: Goals: has lost its hidden Key column or its header row, so its answers cannot be found; ask for a new return",
            "kp.xlsx: Measures: has lost its hidden Key column or its header row, so its figures cannot be found; ask for a new return",
            "kp.xlsx: is blank: no status, update or figure is filled in, so Kent Probation is still missing",
        ])
        let (merged, summary) = fixture.merge([file])
        #expect(merged == fixture.report && summary.agenciesMissing.contains("Kent Probation"))
    }

    @Test func aDateCompletedThatIsNoDateIsAskedAgain() throws {
        let date = try fixture.signature("jppb", "Date completed")
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [["set", "Instructions", date, "12th of July"]])
        #expect(fixture.problems(file) == [#"jppb.xlsx: Instructions!\#(date): "12th of July" is not a date; type it as 12/07/2013"#])
        #expect(fixture.check(file).goals.count == 5, "it does not block the answers")
    }
}

// MARK: - Refused whole

extension ReturnRefusalTests {
    /// The return's details changed in both copies (custom properties and hidden sheet).
    func details(_ key: String, _ row: Int, _ value: String) -> [[Any]] {
        [["set_property", "boardpack.\(key)", value], ["set", "_boardpack", "B\(row)", value]]
    }

    @Test func aReturnForAnotherReportOrAgencyIsRefusedWhole() throws {
        let answered = try fixture.answered("jppb")
        let report = try fixture.openpyxl("jppb", "report.xlsx", answered + details("report", 1, "kent-medway-2012-13"))
        let police = try fixture.openpyxl("jppb", "police.xlsx", answered + details("agency", 3, "kent-police"))
        #expect(fixture.problems(report) == [#"report.xlsx: is a return for report "kent-medway-2012-13", not "kent-medway-2013-14-q1""#])
        #expect(fixture.problems(police) == [#"police.xlsx: is a return for "kent-police", which is not an agency of this report"#])
        let (merged, summary) = fixture.merge([report, police])
        #expect(merged == fixture.report && summary.returnsAccepted == 0 && summary.agenciesMissing.contains("JPPB"))

        // An agency of the report asked for nothing this time.
        var plan = fixture.report
        plan.agencies.append(Agency(id: "yjb", name: "Youth Justice Board"))
        for t in plan.themes.indices {
            for g in plan.themes[t].goals.indices where plan.themes[t].goals[g].leads == ["All"] { plan.themes[t].goals[g].leads = ["jppb"] }
        }
        let yjb = try fixture.openpyxl("jppb", "yjb.xlsx", answered + details("agency", 3, "yjb"))
        #expect(ReturnChecker(report: plan).check(fileAt: yjb).problems.map(\.description)
            == ["yjb.xlsx: is a return for Youth Justice Board, which leads no goal and supplies no figure in this report"])
    }

    @Test func aRenamedMeasuresSheetRefusesTheWholeReturn() throws {
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation") + [
            ["set", "Measures", try cell("kent-probation", "ACC-M1", "figure"), "84%"], ["rename_sheet", "Measures", "Figures"],
        ])
        #expect(fixture.problems(file) == [#"kp.xlsx: has no sheet named Measures (it has "Instructions", "Goals", "Figures", "_boardpack"); rename the measures sheet back to Measures"#])
        let (merged, summary) = fixture.merge([file])
        #expect(merged == fixture.report && summary.agenciesMissing.contains("Kent Probation"), "refused whole: its answers are not merged either")
    }

    @Test func aFileThatIsNotAnXLSXReturnIsRefusedWhole() throws {
        let fixtures = repositoryRoot.appendingPathComponent("Tests/XLSXReaderTests/Fixtures")
        let files = ["refuse-legacy.xls", "refuse-pdf.xlsx"].map { fixtures.appendingPathComponent($0) }
        let checked = ReturnChecker(report: fixture.report).check(filesAt: files)
        #expect(checked.map(\.refused) == [true, true])
        #expect(checked.map { $0.problems.map(\.description) } == [
            ["refuse-legacy.xls: is a legacy Excel 97-2003 (.xls) or other OLE2 file, not .xlsx; open it and save it as Excel Workbook (.xlsx)"],
            ["refuse-pdf.xlsx: is a PDF, not a spreadsheet; send the .xlsx workbook"],
        ])
        let (merged, summary) = ReturnMerger(report: fixture.report).merge(checked)
        #expect(merged == fixture.report && summary.returnsAccepted == 0)
    }
}

// MARK: - A year end's proposals

extension ReturnRefusalTests {
    @Test func aYearEndReturnTakesProposalsAndRefusesWhatCannotBeTaken() throws {
        // The Kent plan's 2013-14 year end, started with next: Red or Green only, and each goal's
        // proposal for the year after.
        let kent = try Examples.report(Examples.kent)
        let yearEnd = try ReturnsFixture(report: try Rollover(report: kent, file: "kent.json").next(Period(guessing: "2013-14", kind: .endOfYear)))
        func cell(_ id: String, _ field: String) throws -> String { try yearEnd.cell("jppb", id, field) }
        var edits = try yearEnd.typed("jppb", goals: [
            "ACC-1a": ("Green", "Protocol signed."), "ACC-1b": ("Red", "No standard agreed yet."), "ACC-2": ("Green", "Priority groups known."),
        ])
        edits += [
            .type("Carry forward", sheet: "Goals", cell: try cell("ACC-1a", "proposal")),
            .type("Amend", sheet: "Goals", cell: try cell("ACC-1b", "proposal")),
            .type("Agree a minimum standard for private rented housing with every district.", sheet: "Goals", cell: try cell("ACC-1b", "wording")),
            .type("Discharge", sheet: "Goals", cell: try cell("ACC-1c", "proposal")),
            .type("Amend", sheet: "Goals", cell: try cell("ACC-2", "proposal")),
            // Amber pasted where the year end's drop-down offers only Red and Green.
            .text("Amber", sheet: "Goals", cell: try cell("EE-6", "status")),
            .type("Some progress.", sheet: "Goals", cell: try cell("EE-6", "update")),
        ]
        let file = try yearEnd.libreOffice("jppb", "jppb.xlsx", edits)
        #expect(yearEnd.problems(file) == [
            "jppb.xlsx: Goals!\(try cell("ACC-1c", "status")): goal ACC-1c has an answer but no status; choose one of Red or Green",
            "jppb.xlsx: Goals!\(try cell("ACC-2", "wording")): goal ACC-2 is to be amended but has no proposed wording",
            #"jppb.xlsx: Goals!\#(try cell("EE-6", "status")): "Amber" is not a status of this report (Red, Green)"#,
        ])
        let (merged, _) = yearEnd.merge([file])
        #expect(merged.goal("ACC-1a")?.proposal == Proposal(action: .carryForward))
        #expect(merged.goal("ACC-1b")?.proposal == Proposal(action: .amend, wording: "Agree a minimum standard for private rented housing with every district."))
        #expect(merged.goal("ACC-1b")?.status == "Red" && merged.goal("ACC-1b")?.update == ["No standard agreed yet."])
        expectRefused("ACC-1c", in: merged, was: yearEnd.report, because: "a proposal but no status")
        expectRefused("ACC-2", in: merged, was: yearEnd.report, because: "an amendment without wording")
        expectRefused("EE-6", in: merged, was: yearEnd.report, because: #""Amber" is not a status"#)

        let scripted = try yearEnd.openpyxl("jppb", "drop.xlsx", try yearEnd.answered("jppb") + [["set", "Goals", try cell("ACC-2", "proposal"), "Drop it"]])
        #expect(yearEnd.problems(scripted) == [#"drop.xlsx: Goals!\#(try cell("ACC-2", "proposal")): "Drop it" is not a proposal (Carry forward, Amend, Discharge)"#])
    }
}
