import Foundation
@testable import ReportModel
import TestSupport
import Testing

/// `ReportCoding.encode` writes a report with `PrettyJSON`, its themes in two halves on two cores
/// set into the rest: the bytes must be those of one plain `JSONEncoder` pass.
@Suite struct CanonicalJSONTests {
    @Test(arguments: Examples.all)
    func theExamplesEncodeAsInOnePass(_ name: String) throws {
        let report = try Examples.report(name)
        #expect(try ReportCoding.encode(report) == ReportCoding.encodeInOnePass(report))
        // Rolled over to the next period: history, proposals applied, discharged goals.
        let next = try Rollover(report: report, file: name).next(Period(guessing: "2030-31 Q1"))
        #expect(try ReportCoding.encode(next) == ReportCoding.encodeInOnePass(next))
    }

    /// Export embeds the JSON made beside the unknown-field check, from the same tree.
    @Test(arguments: Examples.all)
    func theJSONKeptBesideTheCheckIsTheEncodedReport(_ name: String) throws {
        let report = try Examples.report(name)
        let given = try ReportCoding.encodeInOnePass(report)
        let kept = try ReportCoding.decodeKeepingJSON(given, file: name)
        #expect(try kept.json.value() == given)
    }

    @Test func awkwardThemesEncodeAsInOnePass() throws {
        var report = try Examples.report(Examples.kent)
        let awkward = Theme(
            id: "t\"x", name: "\"themes\" : [\n    {\n", introduction: ["", "line\nbreak", "tab\tand \\ slash / é – 👍🏽"],
            goals: [Goal(id: "G-odd", text: "  {\n}  ")])
        for themes in [[], [awkward], [awkward, awkward], report.themes + [awkward], [Theme(id: "e", name: "")] + report.themes] {
            report.themes = themes
            #expect(try ReportCoding.encode(report) == ReportCoding.encodeInOnePass(report), "\(themes.count) themes")
        }
    }
}
