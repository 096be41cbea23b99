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

    @Test func aRedOrAmberStatusWithoutAnUpdateIsRefused() throws {
        let edits = try fixture.typed("jppb", goals: fixture.answers("jppb", ["ACC-1b": ("Red", ""), "ACC-2": ("Amber", "")]))
        let file = try fixture.libreOffice("jppb", "jppb.xlsx", edits)
        #expect(fixture.problems(file) == [
            "jppb.xlsx: Goals!\(try cell("jppb", "ACC-1b", "update")): goal ACC-1b is Red but has no update; a Red status needs an explanation",
            "jppb.xlsx: Goals!\(try cell("jppb", "ACC-2", "update")): goal ACC-2 is Amber but has no update; an Amber status needs an explanation",
        ])
        let (merged, summary) = fixture.merge([file])
        #expect(merged.goal("ACC-1b") == fixture.report.goal("ACC-1b") && merged.goal("ACC-2") == fixture.report.goal("ACC-2"))
        #expect(merged.goal("ACC-1a")?.status == "Green" && merged.goal("ACC-1a")?.update == ["On track."])
        #expect(summary.goalsWithoutAnswer.contains("ACC-1b") && summary.goalsWithoutAnswer.contains("ACC-2"))
        #expect(!summary.goalsWithoutAnswer.contains("ACC-1a") && !summary.isClean)
    }
}
