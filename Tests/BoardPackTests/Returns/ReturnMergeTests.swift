import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing
import XLSXReader

/// Returns filled in by real programs, checked and merged; every tolerance and refusal.
@Suite(.libreOffice) struct ReturnMergeTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    func problems(_ r: CheckedReturn) -> [String] { r.problems.map(\.description) }

    @Test func aReturnFilledInLibreOfficeMergesWithProvenance() throws {
        let jppb = fixture.scope("jppb")
        let r1 = fixture.row(ofGoal: "ACC-1a", agency: "jppb"), r2 = fixture.row(ofGoal: "ACC-1b", agency: "jppb")
        let file = try fixture.libreOffice("jppb", "jppb.xlsx", [
            .text("amber ", sheet: "Goals", cell: "G\(r1)"), .text("=Sign-off moved to July.", sheet: "Goals", cell: "H\(r1)"),
            .text("G", sheet: "Goals", cell: "G\(r2)"), .text("Standard agreed.\n\nTraining from September.", sheet: "Goals", cell: "H\(r2)"),
        ])
        let checked = fixture.check(file)
        #expect(problems(checked) == [])
        #expect(checked.agency?.id == "jppb")
        #expect(checked.goals.map(\.status) == ["Amber", "Green"])

        let (merged, summary) = ReturnMerger(report: fixture.report).merge([checked])
        let goal = try #require(merged.goal("ACC-1a"))
        #expect(goal.status == "Amber")
        #expect(goal.update == ["=Sign-off moved to July."], "text beginning with = stays text")
        #expect(merged.goal("ACC-1b")?.update == ["Standard agreed.", "Training from September."])
        let source = try #require(goal.returns.first?.source)
        #expect(source.file == "jppb.xlsx" && source.sheet == "Goals" && source.cells == ["G\(r1)", "H\(r1)"])
        let sha = String(decoding: try run("/usr/bin/sha256sum", [file.path]), as: UTF8.self).prefix(64)
        #expect(source.sha256 == String(sha))
        #expect(summary.goalsUpdated == ["ACC-1a", "ACC-1b"])
        #expect(summary.goalsWithoutUpdate.contains("ACC-2"))
        #expect(summary.agenciesMissing.count == ReturnScope.all(in: fixture.report).count - 1)
        #expect(jppb.goals.count == 5)
    }

    @Test func whatPeopleTypeIsTolerated() throws {
        let g = { fixture.row(ofGoal: $0, agency: "kent-probation") }
        let m = { fixture.row(ofMeasure: $0, agency: "kent-probation") }
        let file = try fixture.openpyxl("kent-probation", "kp.xlsx", [
            ["set", "Goals", "G\(g("EE-3"))", "AMBER"], ["set", "Goals", "H\(g("EE-3"))", "Behind plan."],
            ["set", "Goals", "G\(g("EE-4"))", " r "], ["set", "Goals", "H\(g("EE-4"))", "Not started."],
            ["set", "Goals", "G\(g("EE-6"))", "green"],
            ["set", "Measures", "G\(m("ACC-M1"))", "84%"],
            ["set", "Measures", "G\(m("EE-M1"))", 0.47, "0%"],
            ["set", "Measures", "G\(m("MH-M1"))", "Approx. 15.5%"], ["set", "Measures", "H\(m("MH-M1"))", "provisional"],
            // An extra column at the end, then rows sorted and blank rows inserted.
            ["set", "Goals", "I4", "Our notes"], ["set", "Goals", "I5", "internal"],
            ["reverse_rows", "Goals", 5, 7], ["insert_rows", "Goals", 6, 2], ["insert_rows", "Measures", 5, 1],
        ])
        let checked = fixture.check(file)
        #expect(problems(checked) == [])
        #expect(Set(checked.goals.map { "\($0.goalID)=\($0.status ?? "")" }) == ["EE-3=Amber", "EE-4=Red", "EE-6=Green"])
        let figures = Dictionary(uniqueKeysWithValues: checked.measures.map { ($0.measureID, $0) })
        #expect(figures["ACC-M1"]?.value == Value(parsing: "84%"))
        #expect(figures["EE-M1"]?.value?.number == 0.47 && figures["EE-M1"]?.value?.text == "47%")
        #expect(figures["MH-M1"]?.value?.qualifier == "Approx." && figures["MH-M1"]?.note == "provisional")

        let (merged, summary) = ReturnMerger(report: fixture.report).merge([checked])
        let (theme, measure) = try #require(merged.measure("ACC-M1"))
        #expect(theme.periods.last == ReturnsFixture.period, "a new period gets its own column")
        #expect(measure.values.last??.text == "84%")
        #expect(merged.measure("EE-M1")?.1.values.last??.text == "47%")
        #expect(measure.sources.first?.source.sheet == "Measures")
        #expect(summary.measuresFilled == ["ACC-M1", "EE-M1", "MH-M1"])
        // EE-3 is co-led: one agency's status stands when the others have not answered.
        #expect(merged.goal("EE-3")?.status == "Amber")
    }

    @Test func aReturnResavedByLibreOfficeReadsTheSame() throws {
        let r = fixture.row(ofGoal: "SM-3", agency: "kcc-commissioned")
        let m = fixture.row(ofMeasure: "SM-M1", agency: "kcc-commissioned")
        let filled = try fixture.openpyxl("kcc-commissioned", "kcc.xlsx", [
            ["set", "Goals", "G\(r)", "Red"], ["set", "Goals", "H\(r)", "Pilot extended."],
            ["set", "Measures", "F\(m)", "1,493"],  // two earlier periods here, so Value is column F
        ])
        let direct = fixture.check(filled)
        let resaved = fixture.check(try fixture.resaved(filled))
        #expect(problems(direct) == [] && problems(resaved) == [])
        #expect(direct.goals == resaved.goals)
        #expect(direct.measures.map(\.value) == resaved.measures.map(\.value))
        #expect(resaved.measures.first?.value == Value(parsing: "1,493"))
    }

    @Test func untrustworthyReturnsAreRefusedWithTheirCell() throws {
        let row = fixture.row(ofGoal: "ACC-2", agency: "jppb")
        func refusal(_ name: String, _ ops: [[Any]]) throws -> [String] {
            problems(fixture.check(try fixture.openpyxl("jppb", name, ops)))
        }
        #expect(try refusal("status.xlsx", [["set", "Goals", "G\(row)", "Ambr"]])
            == [#"status.xlsx: Goals!G\#(row): "Ambr" is not a status of this report (Red, Amber, Green)"#])
        #expect(try refusal("red.xlsx", [["set", "Goals", "G\(row)", "Red"]])
            == ["red.xlsx: Goals!H\(row): goal ACC-2 is Red but has no update; a Red status needs an explanation"])
        #expect(try refusal("wording.xlsx", [["set", "Goals", "C\(row)", "Something easier"], ["set", "Goals", "G\(row)", "Green"]])
            == ["wording.xlsx: Goals!C\(row): the wording of goal ACC-2 was changed; it is set by the plan (propose new wording in Proposed Wording instead)"])
        #expect(try refusal("owner.xlsx", [["set", "Goals", "A\(row)", "SM-1"], ["set", "Goals", "C\(row)", nil as Any? as Any]])
            == ["owner.xlsx: Goals!A\(row): goal SM-1 is not led by JPPB"])
        // The details live in both the custom properties and the hidden sheet: change both.
        #expect(try refusal("report.xlsx", [
            ["set_property", "boardpack.report", "another-report"], ["set", "_boardpack", "B1", "another-report"],
        ]) == [#"report.xlsx: is a return for report "another-report", not "kent-medway-2013-14-q1""#])
        #expect(try refusal("period.xlsx", [
            ["set_property", "boardpack.period", "2012-13 Q4"], ["set", "_boardpack", "B2", "2012-13 Q4"],
        ]) == [#"period.xlsx: is a return for period "2012-13 Q4", not "2013-14 Q1""#])
        #expect(try refusal("agency.xlsx", [
            ["set_property", "boardpack.agency", "kent-police"], ["set", "_boardpack", "B3", "kent-police"],
        ]) == [#"agency.xlsx: is a return for "kent-police", which is not an agency of this report"#])
    }

    @Test func aReturnThatCannotBeReadSaysWhy() {
        let checked = ReturnChecker(report: fixture.report).check(fileAt: fixture.folder.appendingPathComponent("missing.xlsx"))
        #expect(problems(checked) == ["missing.xlsx: cannot be read (No such file or directory)"])
    }

    @Test func eitherCopyOfTheDetailsIsEnough() throws {
        // Google Sheets drops custom properties; the hidden sheet must do on its own.
        var noProperties = try [UInt8](Data(contentsOf: fixture.blank("jppb")))
        noProperties = try removingPart("docProps/custom.xml", from: noProperties)
        #expect(problems(ReturnChecker(report: fixture.report).check(bytes: noProperties, name: "sheets.xlsx")) == [])
        let noSheet = try fixture.openpyxl("jppb", "props-only.xlsx", [["delete_sheet", "_boardpack"]])
        #expect(problems(fixture.check(noSheet)) == [])
        let neither = try fixture.openpyxl("jppb", "plain.xlsx", [["delete_sheet", "_boardpack"]])
        let stripped = try removingPart("docProps/custom.xml", from: [UInt8](Data(contentsOf: neither)))
        #expect(problems(ReturnChecker(report: fixture.report).check(bytes: stripped, name: "plain.xlsx"))
            == ["plain.xlsx: is not a boardpack return (it carries no return details); send the agency the return made by boardpack returns"])
    }

    /// The same archive without one part, rewritten with Python's zipfile.
    func removingPart(_ part: String, from bytes: [UInt8]) throws -> [UInt8] {
        let input = fixture.folder.appendingPathComponent("in-\(part.hashValue).xlsx")
        let output = fixture.folder.appendingPathComponent("out-\(part.hashValue).xlsx")
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

    @Test func coLedGoalsKeepEachAgencysAnswerAndConflictsAreReported() throws {
        let kp = try fixture.openpyxl("kent-probation", "kp.xlsx", [
            ["set", "Goals", "G\(fixture.row(ofGoal: "EE-3", agency: "kent-probation"))", "Green"],
            ["set", "Goals", "H\(fixture.row(ofGoal: "EE-3", agency: "kent-probation"))", "Courses running."],
        ])
        let iys = try fixture.openpyxl("iys-kcc", "iys.xlsx", [
            ["set", "Goals", "G\(fixture.row(ofGoal: "EE-3", agency: "iys-kcc"))", "Red"],
            ["set", "Goals", "H\(fixture.row(ofGoal: "EE-3", agency: "iys-kcc"))", "No places left."],
        ])
        let (merged, summary) = ReturnMerger(report: fixture.report).merge([fixture.check(kp), fixture.check(iys)])
        let goal = try #require(merged.goal("EE-3"))
        #expect(goal.returns.map(\.agency) == ["kent-probation", "iys-kcc"])
        #expect(goal.returns.map(\.status) == ["Green", "Red"])
        #expect(goal.status == fixture.report.goal("EE-3")?.status, "a conflict is not settled silently")
        #expect(goal.update == ["Kent Probation: Courses running.", "Integrated Youth Services (KCC): No places left."])
        #expect(summary.conflicts == ["goal EE-3: Kent Probation says Green, Integrated Youth Services (KCC) says Red; the status is left as it was for the secretariat to settle"])
        #expect(!summary.isClean)
    }

    @Test func twoReturnsFromOneAgencyConflictUnlessReplaced() throws {
        let row = fixture.row(ofGoal: "ACC-2", agency: "jppb")
        let first = fixture.check(try fixture.openpyxl("jppb", "jppb-1.xlsx", [["set", "Goals", "G\(row)", "Green"]]))
        let second = fixture.check(try fixture.openpyxl("jppb", "jppb-2.xlsx", [["set", "Goals", "G\(row)", "Amber"], ["set", "Goals", "H\(row)", "Slipped."]]))
        let (kept, conflict) = ReturnMerger(report: fixture.report).merge([first, second])
        #expect(kept.goal("ACC-2")?.status == "Green")
        #expect(conflict.returnsAccepted == 1 && !conflict.isClean)
        #expect(conflict.problems == ["jppb-2.xlsx: a second return from JPPB (the first was jppb-1.xlsx); not merged, use --replace to take the later file"])
        let (replaced, summary) = ReturnMerger(report: fixture.report, replace: true).merge([first, second])
        #expect(replaced.goal("ACC-2")?.status == "Amber")
        #expect(summary.accepted == ["jppb-2.xlsx"])
    }

    @Test func mergingIsDeterministicAndLeavesTheInputAlone() throws {
        let row = fixture.row(ofGoal: "ACC-2", agency: "jppb")
        let file = try fixture.openpyxl("jppb", "jppb.xlsx", [["set", "Goals", "G\(row)", "Green"]])
        let before = try Data(contentsOf: fixture.reportFile)
        let bin = try boardpackBinary()
        let out1 = fixture.folder.appendingPathComponent("m1.json"), out2 = fixture.folder.appendingPathComponent("m2.json")
        for out in [out1, out2] {
            // Exit status 0: the one return was accepted; missing agencies are listed, not errors.
            let summary = try run(bin, ["merge", fixture.reportFile.path, file.path, "-o", out.path, "--json"])
            let parsed = try JSONSerialization.jsonObject(with: summary) as? [String: Any]
            #expect(parsed?["returnsAccepted"] as? Int == 1)
            #expect((parsed?["agenciesMissing"] as? [String])?.count == 7)
        }
        #expect(try Data(contentsOf: out1) == Data(contentsOf: out2), "the same inputs give the same bytes")
        #expect(try Data(contentsOf: fixture.reportFile) == before, "the input report is never modified")
        let merged = try ReportCoding.load(contentsOf: out1)
        #expect(merged.goal("ACC-2")?.returns.first?.source.file == "jppb.xlsx")
    }
}

/// The built `boardpack` executable, for end-to-end runs of the command line.
func boardpackBinary() throws -> String {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [products, products.deletingLastPathComponent(), products.deletingLastPathComponent().deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("boardpack").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    let built = String(decoding: try run("/usr/bin/env", ["swift", "build", "--show-bin-path"], in: repositoryRoot), as: UTF8.self)
    return built.trimmingCharacters(in: .whitespacesAndNewlines) + "/boardpack"
}
