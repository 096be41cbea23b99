import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing
import XLSXReader

/// Board packs read back into reports: untouched, re-saved by LibreOffice, and edited.
@Suite(.libreOffice) struct ImportTests {
    let scratch = TemporaryFolder()

    func exported(_ name: String) throws -> (Report, URL) { try exportedExample(name, into: scratch) }

    @Test(arguments: Examples.all)
    func exportThenImportGivesTheSameReport(_ name: String) throws {
        let (report, file) = try exported(name)
        #expect(try BoardPackImporter().read(fileAt: file) == report)
    }

    @Test(arguments: Examples.all)
    func aPackResavedByLibreOfficeImportsTheSame(_ name: String) throws {
        let (report, file) = try exported(name)
        let resaved = scratch.file("resaved-\(name).xlsx")
        try Office.current().resave(file, as: resaved)
        #expect(try BoardPackImporter().read(fileAt: resaved) == report)
    }

    /// The column of a table's header label on a sheet ("Status" → "C"), as a person finds it.
    func column(_ label: String, on sheet: XLSXInspector.Sheet, headerStartingWith first: String) throws -> String {
        let header = try #require(sheet.rows.values.first { $0.values.contains { $0.text == first } })
        return try #require(header.first { $0.value.text == label }?.key, "\(label) in the \(first) header")
    }

    @Test func touchUpsInTheSheetsAreReadBack() throws {
        let (report, file) = try exported(Examples.kent)
        let sheet = try XLSXInspector(file.path).sheet("2.1 Accommodation")
        let goalRow = try #require(sheet.rows.first { $0.value.values.contains { $0.text.hasPrefix("Ensure offenders are prioritised") } }?.key)
        let measureRow = try #require(sheet.rows.first { $0.value["A"]?.text == "% of statutory offenders in accommodation at termination" }?.key)
        let status = try column("Status", on: sheet, headerStartingWith: "Goal"), update = try column("Update", on: sheet, headerStartingWith: "Goal")
        let latest = try column("2012-13", on: sheet, headerStartingWith: "Headline Measure")
        let edited = file.deletingLastPathComponent().appendingPathComponent("edited.xlsx")
        try ReturnsFixture.openpyxl(file, to: edited, [
            ["set", "2.1 Accommodation", "\(status)\(goalRow)", "Red"],
            ["set", "2.1 Accommodation", "\(update)\(goalRow)", "Protocol not yet signed.\n\nBack to the board in October."],
            ["set", "2.1 Accommodation", "\(latest)\(measureRow)", 0.85, "0%"],
        ])
        let imported = try BoardPackImporter().read(fileAt: edited)
        let goal = try #require(imported.goal("ACC-2"))
        #expect(goal.status == "Red")
        #expect(goal.update == ["Protocol not yet signed.", "Back to the board in October."])
        #expect(imported.measure("ACC-M1")?.1.values.last??.text == "85%")
        // Everything not edited is as it was.
        var expected = report
        expected.themes[0].goals[1].status = "Red"
        expected.themes[0].goals[1].update = goal.update
        expected.themes[0].measures[0].values[1] = imported.measure("ACC-M1")?.1.values[1]
        #expect(imported == expected)
    }

    /// Themes that fit on a page together share a sheet (the plan refresh's Finance and IOM): an
    /// edit on the second is read onto the second, and the first is untouched.
    @Test func eachThemeOfASharedSheetIsReadAsItsOwn() throws {
        let (report, file) = try exported(Examples.planRefresh)
        let book = try XLSXInspector(file.path)
        let sheet = try #require(try book.themeSheets(of: report)["IOM"])
        #expect(sheet.cells.contains { $0.text == "Finance, Benefits and Debt" }, "IOM shares Finance's sheet")
        let row = try #require(sheet.rows.first { $0.value["A"]?.text == "IOM-1" }?.key)
        let goal = try column("Goal", on: sheet, headerStartingWith: "Ref"), lead = try column("Lead Agency", on: sheet, headerStartingWith: "Ref")
        let edited = scratch.file("shared.xlsx")
        try ReturnsFixture.openpyxl(file, to: edited, [
            ["set", sheet.name, "\(goal)\(row)", "Support delivery of the IOM Business Plan 2013-14, as refreshed."],
            ["set", sheet.name, "\(lead)\(row)", "Kent Police"],
        ])
        var expected = report
        let t = try #require(expected.themes.firstIndex { $0.heading == "IOM" })
        expected.themes[t].goals[0].text = "Support delivery of the IOM Business Plan 2013-14, as refreshed."
        expected.themes[t].goals[0].leads = ["Kent Police"]
        #expect(try BoardPackImporter().read(fileAt: edited) == expected)
    }

    @Test func aStatusTypedWrongIsReportedWithItsPlace() throws {
        let (_, file) = try exported(Examples.kent)
        let sheet = try XLSXInspector(file.path).sheet("2.4 Mental and Physical Health")
        let row = try #require(sheet.rows.first { $0.value.values.contains { $0.text.hasPrefix("Increase level of GP") } }?.key)
        let status = try column("Status", on: sheet, headerStartingWith: "Goal")
        let edited = file.deletingLastPathComponent().appendingPathComponent("typo.xlsx")
        try ReturnsFixture.openpyxl(file, to: edited, [["set", "2.4 Mental and Physical Health", "\(status)\(row)", "Amberish"]])
        #expect(throws: WorkbookProblems.self) { try BoardPackImporter().read(fileAt: edited) }
        do { _ = try BoardPackImporter().read(fileAt: edited) } catch let e as WorkbookProblems {
            #expect(e.description == #"typo.xlsx: 2.4 Mental and Physical Health!\#(status)\#(row): "Amberish" is not a status of this report (Red, Green)"#)
        }
    }

    @Test func aWorkbookThatIsNoBoardPackIsRefused() throws {
        let fixture = try ReturnsFixture()
        #expect(throws: XLSXError(file: "blank-jppb.xlsx", message: "is not a board pack exported by boardpack (it has no _report sheet)")) {
            try BoardPackImporter().read(fileAt: try fixture.blank("jppb"))
        }
    }
}
