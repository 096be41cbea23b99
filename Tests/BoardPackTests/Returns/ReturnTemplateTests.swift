import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The return as written: its contract (read back with unzip) and its labels.
@Suite struct ReturnTemplateTests {
    let fixture: ReturnsFixture
    let scratch = TemporaryFolder()

    init() throws { fixture = try ReturnsFixture() }

    @Test func oneReturnPerAgencyNamedSafely() throws {
        #expect(ReturnScope.all(in: fixture.report).map(\.fileName) == [
            "jppb.xlsx", "integrated-youth-services-kcc.xlsx", "medway-youth-offending-team.xlsx", "jobcentre-plus.xlsx",
            "kent-probation.xlsx", "skills-funding-agency.xlsx", "commissioned-services-kcc.xlsx", "public-health-nhs-kent.xlsx",
        ])
        // A goal led by "All" goes to every agency; a co-led goal to each of its leads.
        for scope in ReturnScope.all(in: fixture.report) {
            #expect(scope.goals.contains { $0.goal.id == "EE-6" }, "\(scope.agency.name) gets the goal led by All")
        }
        for agency in ["kent-probation", "iys-kcc", "skills-funding-agency"] {
            #expect(fixture.scope(agency).goals.contains { $0.goal.id == "EE-3" })
        }
        #expect(fixture.scope("jppb").goals.map(\.goal.id) == ["ACC-1a", "ACC-1b", "ACC-1c", "ACC-2", "EE-6"])
        #expect(fixture.scope("kent-probation").measures.map(\.measure.id) == ["ACC-M1", "EE-M1", "MH-M1"])
    }

    @Test func theLayoutIsTheContract() throws {
        let book = try XLSXInspector(try fixture.blank("kent-probation").path)
        #expect(book.sheetNames == ["Instructions", "Goals", "Measures", "_boardpack"])
        let workbook = try book.part("xl/workbook.xml")
        #expect(workbook.all("sheet").first { $0["name"] == "_boardpack" }?["state"] == "hidden")

        let goals = try book.sheet("Goals")
        #expect(goals.cell("A4")?.text == "Key" && goals.cell("B4")?.text == "Goals")
        let columns = goals.xml.all("col")
        #expect(columns.first { $0["min"] == "1" }?["hidden"] == "1", "the key column is hidden")
        #expect(goals.xml.first("sheetProtection") != nil && goals.xml.first("sheetProtection")?["password"] == nil)
        let rows = goals.rows
        func row(_ key: String) throws -> Int { try #require(rows.first { $0.value["A"]?.text == key }?.key, "\(key)") }
        #expect(rows[try row("EE-3|goal")]?["B"]?.text == fixture.report.goal("EE-3")?.text)
        for field in ["status", "update"] {
            let cell = try #require(rows[try row("EE-3|\(field)")]?["B"])
            let style = book.style(cell.style)
            #expect(!style.locked && style.fill == "FFFFF2CC", "EE-3's \(field) is a shaded input cell")
            #expect(style.numberFormat == "@", "EE-3's \(field) keeps what is typed as text")
        }
        #expect(book.style(rows[try row("EE-3|goal")]!["B"]!.style).locked, "the wording is locked")
        // The Update row has no fixed height, so it grows as an officer types.
        let updateRow = try row("EE-3|update")
        let rowElement = goals.xml.all("row").first { $0["r"] == String(updateRow) }
        #expect(rowElement?["customHeight"] == nil && rowElement?["ht"] == nil)
        #expect(rows[try row("EE-3|status") - 1]?["B"]?.text == "Status for 2013-14 Q1 (Red, Amber or Green):")
        #expect(rows.values.contains { $0["B"]?.text == "Last rated at 2012-13: Green. Update then: " + fixture.report.goal("EE-3")!.history[0].update.joined(separator: " ") })
        let validation = try #require(goals.xml.all("dataValidation").first)
        #expect(validation.first("formula1")?.text == "\"Red,Amber,Green\"")
        #expect(!goals.rows.values.contains { $0["B"]?.text.hasPrefix("Proposal") == true }, "no proposals in a quarter")

        let measures = try book.sheet("Measures")
        #expect(["A4", "B4", "C4", "D4", "E4", "F4"].map { measures.cell($0)?.text }
            == ["Key", "Measure ID", "Measure", "Earlier figures", "Value for 2013-14 Q1", "Note"])
        let acc = try #require(measures.rows.values.first { $0["A"]?.text == "ACC-M1|figure" })
        #expect(acc["D"]?.text == "2011-12: 81%\n2012-13: 83%", "each earlier period once, as the theme has it")
        #expect(acc["C"]?.text == "% of statutory offenders in accommodation at termination\n(a percentage, e.g. 81%)")
        #expect(book.style(acc["E"]!.style).numberFormat == "@" && !book.style(acc["E"]!.style).locked)

        let custom = try book.part("docProps/custom.xml")
        let properties = Dictionary(uniqueKeysWithValues: custom.all("property").map { ($0["name"]!, $0.allText) })
        #expect(properties == [
            "boardpack.report": "kent-medway-2013-14-q1", "boardpack.period": "2013-14 Q1",
            "boardpack.agency": "kent-probation", "boardpack.template": "2",
        ])
        let hidden = try book.sheet("_boardpack").rows
        let fingerprint = hidden.values.first { $0["A"]?.text == "boardpack.goal.EE-3" }?["B"]?.text
        #expect(fingerprint == ReturnScope.fingerprint(of: fixture.report.goal("EE-3")!))
    }

    @Test func theInstructionsSayWhoAndWhenAndFitThePeriod() throws {
        var report = fixture.report
        report.contact = Contact(name: "Leanne Walters", organisation: "Kent Probation", email: "leanne.walters@example.org")
        let scope = ReturnScope.all(in: report).first { $0.agency.id == "jppb" }!
        let file = scratch.file("jppb.xlsx")
        try ReturnTemplate(report: report, scope: scope, deadline: "Friday 12 July 2013").write(to: file)
        let rows = try XLSXInspector(file.path).sheet("Instructions").rows.values
        func value(_ label: String) -> String? { rows.first { $0["A"]?.text == label }?["B"]?.text }
        #expect(value("Questions to") == "Leanne Walters (Kent Probation), leanne.walters@example.org")
        #expect(value("Period") == "2013-14 Q1")
        let steps = try #require(value("What to do"))
        #expect(steps.contains("No figures are asked of JPPB this period."))
        #expect(steps.contains("send it back to Leanne Walters by Friday 12 July 2013."))
        #expect(steps.contains("(Red, Amber or Green)") && steps.contains("A Red or Amber status needs an update."))
        #expect(rows.contains { $0["A"]?.text == "Completed by" } && rows.contains { $0["A"]?.text == "Date completed" })
        // Nothing to fill in is said once, here: the return has no Measures sheet (issue 19.8).
        #expect(!(try XLSXInspector(file.path).sheetNames.contains("Measures")))
    }

    @Test func aYearEndReturnAsksForProposalsAndOffersRedOrGreen() throws {
        let report = try Examples.report(Examples.kent)
        let scope = ReturnScope.all(in: report).first { $0.agency.id == "jobcentre-plus" }!
        let file = scratch.file(scope.fileName)
        try ReturnTemplate(report: report, scope: scope).write(to: file)
        let goals = try XLSXInspector(file.path).sheet("Goals")
        #expect(goals.rows.values.contains { $0["A"]?.text == "EE-5|proposal" } && goals.rows.values.contains { $0["A"]?.text == "EE-5|wording" })
        let lists = goals.xml.all("dataValidation").map { $0.first("formula1")?.text }
        #expect(Set(lists) == ["\"Red,Green\"", "\"Carry forward,Amend,Discharge\""], "Red/Green only at year end")
        #expect(goals.cells.contains { $0.text == "Status for 2012-13 (Red or Green):" })
        #expect(!goals.cells.contains { $0.text.contains("Amber") }, "no Amber anywhere on a Red/Green return")
    }

    @Test func editorialNotesAreShownWithTheirGoal() throws {
        let goal = try #require(fixture.report.themes.flatMap(\.allGoals).first { !$0.notes.isEmpty })
        let agency = try #require(ReturnScope.all(in: fixture.report).first { $0.goals.contains { $0.goal.id == goal.id } })
        let cells = try XLSXInspector(try fixture.blank(agency.agency.id).path).sheet("Goals").cells.map(\.text)
        #expect(cells.contains("Note: \(goal.notes[0])"))
    }
}

/// What a blank return says and leaves out (issue 19.8).
extension ReturnTemplateTests {
    @Test func aSubGoalSaysWhatItIsPartOfAndAReturnAsksNoFiguresWithoutAMeasuresSheet() throws {
        let jppb = try XLSXInspector(try fixture.blank("jppb").path)
        #expect(!jppb.sheetNames.contains(ReturnLayout.measuresSheet), "JPPB supplies no figure")
        let goals = try jppb.sheet(ReturnLayout.goalsSheet).cells.map(\.text)
        let parent = try #require(fixture.report.goal("ACC-1"))
        #expect(goals.contains("Part of ACC-1: \(parent.text)"))
        let probation = try XLSXInspector(try fixture.blank("kent-probation").path)
        #expect(probation.sheetNames.contains(ReturnLayout.measuresSheet), "Kent Probation supplies figures")
    }

    @Test func returnsSayWhenTheyAreDueAndWhoToAskOrWarnThatTheyDoNot() throws {
        let folder = fixture.folder.appendingPathComponent("out")
        let undated = try boardpack(["returns", fixture.reportFile.path, "-o", folder.path, "--agency", "jppb"])
        #expect(undated.status == 0, "the returns are written all the same")
        #expect(undated.err == """
            \(fixture.reportFile.path): the returns do not say when they are due; give --deadline, e.g. --deadline "Friday 12 July 2013"
            \(fixture.reportFile.path): contact: Rob Jacques has no e-mail or telephone, so the returns do not say how to reach them; add "email" or "phone" to the report's contact

            """)
        var report = fixture.report
        report.contact?.email = "reoffending@example.org"
        let reached = fixture.folder.appendingPathComponent("reached.json")
        try ReportCoding.encode(report).write(to: reached)
        let dated = try boardpack(["returns", reached.path, "-o", folder.path, "--agency", "jppb", "--deadline", "Friday 12 July 2013"])
        #expect(dated.status == 0 && dated.err.isEmpty)
        let instructions = try XLSXInspector(folder.appendingPathComponent("jppb.xlsx").path).sheet(ReturnLayout.instructionsSheet).cells.map(\.text)
        #expect(instructions.contains("Friday 12 July 2013") && instructions.contains("Rob Jacques (Kent Probation), reoffending@example.org"))
    }
}
