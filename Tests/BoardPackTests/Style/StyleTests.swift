import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

@Suite struct StyleTests {
    let scratch = TemporaryFolder()

    @Test func theShippedTemplateIsTheDefaultStyle() throws {
        let file = repositoryRoot.appendingPathComponent("templates/default-style.json")
        #expect(try Data(contentsOf: file) == Style.standard.encodedJSON(), "regenerate with: boardpack style > templates/default-style.json")
        #expect(try Style.load(contentsOf: file) == Style.standard)
    }

    func write(_ json: String) throws -> URL {
        let url = scratch.file("style-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test func aPartialStyleKeepsEveryOtherDefault() throws {
        let style = try Style.load(contentsOf: write(##"{"colours": {"headerFill": "#006400"}, "labels": {"update": "Progress"}, "statusColours": {"Purple": {"fill": "#7030A0", "font": "#FFFFFF"}}}"##))
        #expect(style.colours.headerFill == "#006400")
        #expect(style.labels.update == "Progress")
        #expect(style.labels.goal == Style.standard.labels.goal)
        #expect(style.statusColours["Purple"]?.fill == "#7030A0")
        #expect(style.statusColours["Red"] == Style.standard.statusColours["Red"])
    }

    @Test func unknownSettingsAndBadColoursAreNamed() throws {
        let cases = [
            (##"{"colours": {"headerFil": "#006400"}}"##, "colours.headerFil: is not a style setting"),
            (##"{"colours": {"border": "grey"}}"##, #"colours.border: "grey" is not a colour (expected #RRGGBB)"#),
            (##"{"fonts": {"size": "big"}}"##, "fonts.size: expected a number"),
        ]
        for (json, message) in cases {
            let file = try write(json)
            let refused = try #require(throws: ReportProblems.self) { try Style.load(contentsOf: file) }
            #expect(refused.problems.map(\.description) == [message])
        }
    }

    @Test func aStyleChangesTheWorkbook() throws {
        let report = try Examples.report(Examples.kent)
        let style = try Style.load(contentsOf: write(##"{"labels": {"update": "Progress"}, "statusColours": {"Red": {"fill": "#FF0000", "font": "#FFFFFF"}}}"##))
        let file = scratch.file("pack.xlsx")
        try BoardPackExporter(report: report, style: style).write(to: file)
        let book = try XLSXInspector(file.path)
        let sheet = try book.sheet("2.1 Accommodation")
        #expect(sheet.cells.contains { $0.text == "Progress" })
        let statusColumn = try #require(sheet.cells.first { $0.text == "Status" }?.reference.prefix { $0.isLetter })
        let red = try #require(sheet.cells.first { $0.text == "Red" && $0.reference.prefix { $0.isLetter } == statusColumn })
        #expect(book.style(red.style).fill == "FFFF0000")
    }
}
