import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Returns written by a script (openpyxl), and returns that are not what they should be: what
/// reaches the merged report, and the exact message.
@Suite struct ScriptedReturnsTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    @Test func aFormulaWithNoStoredResultIsNeverReadAsEmpty() throws {
        let update = try fixture.cell("jppb", "ACC-2", "update")
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [["set", "Goals", update, "=Sign-off moved"]])
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!\(update): goal ACC-2's update holds the formula =Sign-off moved (showing no value), not text; retype it: the cell keeps what you type as text, = or - at the start included"
        ])
        #expect(fixture.check(file).goals.count == 4, "the other four goals count")
    }

    @Test func numbersFromAScriptKeepTheirPrecision() throws {
        let ops = try fixture.answered("kent-probation") + [
            ["set", "Measures", try fixture.cell("kent-probation", "ACC-M1", ReturnLayout.measureField), 0.8345],
            ["set", "Measures", try fixture.cell("kent-probation", "EE-M1", ReturnLayout.measureField), 0.47, "0%"],
            ["set", "Measures", try fixture.cell("kent-probation", "MH-M1", ReturnLayout.measureField), 15.5],
        ]
        let checked = fixture.check(try fixture.openpyxl("kent-probation", "kp.xlsx", ops))
        let figures = Dictionary(uniqueKeysWithValues: checked.measures.map { ($0.measureID, $0.value?.text) })
        #expect(figures["ACC-M1"] == "83.45%", "0.8345 is 83.45%, not 83.5%")
        #expect(figures["EE-M1"] == "47%")
        let mh = try fixture.cell("kent-probation", "MH-M1", ReturnLayout.measureField)
        #expect(checked.problems.map(\.description) == ["kp.xlsx: Measures!\(mh): measure MH-M1: 15.5 is not a percentage; type it as 15.5% (or as the fraction 0.155)"])
    }

    @Test func aDateCellIsNotAFigure() throws {
        let cell = try fixture.cell("kent-probation", "ACC-M1", ReturnLayout.measureField)
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", try fixture.answered("kent-probation") + [["set_date", "Measures", cell, "2013-06-30"]])
        #expect(fixture.problems(file).first == "kp.xlsx: Measures!\(cell): measure ACC-M1: 2013-06-30 is a date, not a figure; type the figure as you would write it (81%, 1,493, tbc)")
    }

    @Test func aMeasureNamedAsAPercentageTakesOnlyPercentages() throws {
        // Its figures so far are all "tbc", but its name says what it counts.
        let (_, measure) = try #require(fixture.report.measure("MH-M3"))
        #expect(measure.values.allSatisfy { $0?.number == nil } && measure.name.hasPrefix("%"))
        let cell = try fixture.cell("iys-kcc", "MH-M3", ReturnLayout.measureField)
        let file = try fixture.openpyxl("iys-kcc", "iys.xlsx", try fixture.answered("iys-kcc") + [["set", "Measures", cell, "1,493"]])
        #expect(fixture.problems(file).contains("iys.xlsx: Measures!\(cell): measure MH-M3: 1,493 is not a percentage; type it as a percentage, such as 81% or 81.5%"))
    }

    @Test func aGoalsBlockCopiedIsRefusedAndTheRestKept() throws {
        let status = try fixture.cell("jppb", "ACC-2", "status")
        let row = Int(status.dropFirst())!
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [["copy_row", "Goals", row, 200]])
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!B200: goal ACC-2's status appears 2 times (Goals!\(status), Goals!B200); delete the copies so it is answered once"
        ])
        #expect(fixture.check(file).goals.map(\.goalID) == ["ACC-1a", "ACC-1b", "ACC-1c", "EE-6"])
    }

    @Test func anAnswerForAnotherGoalIsListedAndTheRestKept() throws {
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [
            ["set", "Goals", "A200", "SM-1|status"], ["set", "Goals", "B200", "Green"],
            ["set", "Goals", "A201", "ZZ-9|status"], ["set", "Goals", "B201", "Red"],
        ])
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!B200: goal SM-1 is not led by JPPB; this answer is not merged",
            #"jppb.xlsx: Goals!B201: "ZZ-9" is not a goal of this report; this answer is not merged"#,
        ])
        #expect(fixture.check(file).goals.count == 5)
    }

    @Test func wordingAmendedAfterTheReturnWentOutNamesTheGoal() throws {
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb"))
        var amended = fixture.report
        amended.themes[0].goals[1].text = "Ensure offenders are prioritised properly."
        let checked = ReturnChecker(report: amended).check(fileAt: file)
        #expect(checked.problems.map(\.description) == [
            "jppb.xlsx: Goals!\(try fixture.cell("jppb", "ACC-2", "goal")): the wording of goal ACC-2 has changed in the report since this return was made, so this answer is not merged; ask JPPB to answer the new wording on a new return"
        ])
        #expect(checked.goals.map(\.goalID) == ["ACC-1a", "ACC-1b", "ACC-1c", "EE-6"])
    }

    @Test func wordingChangedByTheAgencyIsRefused() throws {
        let wording = try fixture.cell("jppb", "ACC-2", "goal")
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [["set", "Goals", wording, "Something easier"]])
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!\(wording): the wording of goal ACC-2 was changed; the plan sets it, so say what should change in the Update"
        ])
    }

    @Test func textLongerThanACellHoldsIsRefusedWhereItWasTyped() throws {
        // Google Sheets lets a cell hold 50,000 characters; Excel and the board pack 32,767.
        let update = try fixture.cell("jppb", "ACC-2", "update")
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", try fixture.answered("jppb") + [["set_long", "Goals", update, 42_976]])
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!\(update): goal ACC-2's update holds 42976 characters; a spreadsheet cell holds at most 32767, so shorten it (or attach a paper and say so)"
        ])
    }

    @Test func whoCompletedItIsAskedForButDoesNotBlock() throws {
        var ops = try fixture.answered("jppb")
        ops.removeAll { ($0[1] as? String) == "Instructions" }
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", ops)
        let completed = try fixture.signature("jppb", "Completed by"), date = try fixture.signature("jppb", "Date completed")
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Instructions!\(completed): Completed by is empty; type the name of who completed the return",
            "jppb.xlsx: Instructions!\(date): Date completed is empty; type the date it was completed, e.g. 12/07/2013",
        ])
        #expect(fixture.check(file).goals.count == 5)
    }

    @Test func returnsThatAreNotThisReportsAreRefusedWithWhatToDo() throws {
        let renamed = try fixture.openpyxl("jppb", "renamed.xlsx", try fixture.answered("jppb") + [["rename_sheet", "Goals", "Goals 2013"]])
        #expect(fixture.problems(renamed).first == #"renamed.xlsx: has no sheet named Goals (it has "Instructions", "Goals 2013", "_boardpack"); rename the goals sheet back to Goals"#)
        let period = try fixture.openpyxl("jppb", "period.xlsx", [
            ["set_property", "boardpack.period", "2012-13 Q4"], ["set", "_boardpack", "B2", "2012-13 Q4"],
        ])
        #expect(fixture.problems(period) == ["period.xlsx: is the return for 2012-13 Q4, but this report collects 2013-14 Q1; merge it into the 2012-13 Q4 report, or ask for a 2013-14 Q1 return"])
        let old = try fixture.openpyxl("jppb", "old.xlsx", [["set_property", "boardpack.template", "1"], ["set", "_boardpack", "B4", "1"]])
        #expect(fixture.problems(old) == ["old.xlsx: was made with an earlier layout of the return (template 1); ask the secretariat for a new return (boardpack returns --agency jppb)"])
        let report = fixture.folder.appendingPathComponent("report-copy.json")
        try ReportCoding.encode(fixture.report).write(to: report)
        let pack = fixture.folder.appendingPathComponent("pack.xlsx")
        var dated = fixture.report
        dated.produced = [ProducedDate(date: "July 2013")]  // a pack must carry a date
        try BoardPackExporter(report: dated).write(to: pack)
        #expect(fixture.problems(pack) == ["pack.xlsx: is a board pack, not a return; send the return workbook made by boardpack returns (import reads board packs)"])
    }

    @Test func eitherCopyOfTheDetailsIsEnough() throws {
        // Google Sheets drops custom properties; the hidden sheet must do on its own.
        let signed = try fixture.openpyxl("jppb", "signed.xlsx", try fixture.answered("jppb"))
        let noProperties = try removingPart("docProps/custom.xml", from: [UInt8](Data(contentsOf: signed)))
        #expect(ReturnChecker(report: fixture.report).check(bytes: noProperties, name: "sheets.xlsx").problems.isEmpty)
        let noSheet = try fixture.openpyxl("jppb", "props-only.xlsx", try fixture.answered("jppb") + [["delete_sheet", "_boardpack"]])
        #expect(fixture.problems(noSheet) == [])
        let stripped = try removingPart("docProps/custom.xml", from: [UInt8](Data(contentsOf: noSheet)))
        #expect(ReturnChecker(report: fixture.report).check(bytes: stripped, name: "plain.xlsx").problems.map(\.description)
            == ["plain.xlsx: is not a boardpack return (it carries no return details); send the agency the return made by boardpack returns"])
    }

    /// The same archive without one part, rewritten with Python's zipfile.
    func removingPart(_ part: String, from bytes: [UInt8]) throws -> [UInt8] {
        let input = fixture.folder.appendingPathComponent("in-\(UUID().uuidString).xlsx")
        let output = fixture.folder.appendingPathComponent("out-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: input)
        try run("/usr/bin/env", ["python3", "-c", """
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1])
            with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
                for item in src.infolist():
                    if item.filename != sys.argv[3]:
                        out.writestr(item, src.read(item.filename))
            """, input.path, output.path, part])
        return [UInt8](try Data(contentsOf: output))
    }

    @Test func aReturnThatCannotBeReadSaysWhy() {
        let checked = ReturnChecker(report: fixture.report).check(fileAt: fixture.folder.appendingPathComponent("missing.xlsx"))
        #expect(checked.problems.map(\.description) == ["missing.xlsx: cannot be read (No such file or directory)"])
    }
}
