import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

@Suite(.libreOffice) struct ReturnTemplateTests {
    let scratch = TemporaryFolder()

    @Test func oneReturnPerAgencyNamedSafely() throws {
        let fixture = try ReturnsFixture()
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
        let fixture = try ReturnsFixture()
        let book = try XLSXInspector(try fixture.blank("kent-probation").path)
        #expect(book.sheetNames == ["Instructions", "Goals", "Measures", "_boardpack"])
        let workbook = try book.part("xl/workbook.xml")
        #expect(workbook.all("sheet").first { $0["name"] == "_boardpack" }?["state"] == "hidden")

        let goals = try book.sheet("Goals")
        #expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4", "H4"].map { goals.cell($0)?.text }
            == ["Goal ID", "Theme", "Goal", "Lead Agency", "Previous Status", "Previous Update", "Status", "Update"])
        #expect(goals.cell("I4") == nil, "no plan-refresh columns in a quarterly return")
        #expect(goals.xml.first("sheetProtection") != nil, "the sheet is protected")
        #expect(goals.xml.first("sheetProtection")?["password"] == nil, "without a password")
        #expect(goals.cell("A5")?.text == "EE-3" && goals.cell("E5")?.text == "Green")
        #expect(book.style(goals.cell("C5")!.style).locked, "the goal wording is locked")
        #expect(!book.style(goals.cell("G5")!.style).locked && !book.style(goals.cell("H5")!.style).locked, "Status and Update are input cells")
        #expect(book.style(goals.cell("G5")!.style).fill == "FFFFF2CC", "input cells are shaded")
        #expect(book.style(goals.cell("H5")!.style).wrap, "Update wraps")
        let validation = try #require(goals.xml.first("dataValidation"))
        #expect(validation["type"] == "list" && validation["sqref"] == "G5:G7")
        #expect(validation.first("formula1")?.text == "\"Red,Amber,Green\"")
        let rules = goals.xml.all("cfRule")
        #expect(rules.map { $0.first("formula")?.text } == ["\"Red\"", "\"Amber\"", "\"Green\""], "Status colours itself")

        let measures = try book.sheet("Measures")
        #expect(measures.cell("B2")?.text == ReturnsFixture.period, "the period is named above the table")
        #expect(["A4", "B4", "C4", "D4", "E4", "F4", "G4"].map { measures.cell($0)?.text }
            == ["Measure ID", "Theme", "Measure", "2011-12", "2012-13", "2012-13 YTD", "Value"])
        #expect(measures.cell("H4")?.text == "Note")
        #expect(!book.style(measures.cell("G5")!.style).locked)

        let custom = try book.part("docProps/custom.xml")
        let properties = Dictionary(uniqueKeysWithValues: custom.all("property").map { ($0["name"]!, $0.allText) })
        #expect(properties["boardpack.report"] == "kent-medway-2013-14-q1")
        #expect(properties["boardpack.period"] == "2013-14 Q1")
        #expect(properties["boardpack.agency"] == "kent-probation")
        #expect(properties["boardpack.template"] == "1")
        #expect(properties["boardpack.fingerprint"] == fixture.scope("kent-probation").fingerprint)
        let hidden = try book.sheet("_boardpack")
        #expect(hidden.cell("A5")?.text == "boardpack.fingerprint" && hidden.cell("B5")?.text == properties["boardpack.fingerprint"])
    }

    @Test func anEndOfYearReturnAsksForProposals() throws {
        let report = try Examples.report(Examples.kent)
        let scope = ReturnScope.all(in: report).first { $0.agency.id == "jobcentre-plus" }!
        let file = scratch.file(scope.fileName)
        try ReturnTemplate(report: report, scope: scope).write(to: file)
        let book = try XLSXInspector(file.path)
        let goals = try book.sheet("Goals")
        #expect(goals.cell("I4")?.text == "Proposal" && goals.cell("J4")?.text == "Proposed Wording")
        let lists = goals.xml.all("dataValidation").map { $0.first("formula1")?.text }
        #expect(lists == ["\"Red,Green\"", "\"Carry forward,Amend,Discharge\""], "Red/Green only at year end")
    }

    @Test func theReturnOpensInLibreOffice() throws {
        let fixture = try ReturnsFixture()
        let pdf = try Office.current().pdf(of: try fixture.blank("jppb"), into: scratch.url)
        #expect(FileManager.default.fileExists(atPath: pdf.path))
    }
}
