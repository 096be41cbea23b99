import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The bundled example returns (filled in LibreOffice by examples/returns/make.py) merged
/// into the Kent example, as the README walks through.
@Suite struct ExampleReturnsTests {
    let scratch = TemporaryFolder()

    @Test func theWalkThroughGivesWhatTheReadmeSays() throws {
        let report = try Examples.report(Examples.kent)
        let folder = repositoryRoot.appendingPathComponent("examples/returns")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
        #expect(files.count == 7)
        let checker = ReturnChecker(report: report)
        let checked = files.map { checker.check(fileAt: folder.appendingPathComponent($0)) }
        #expect(checked.flatMap(\.problems).map(\.description)
            == ["public-health-nhs-kent.xlsx: Goals!H7: goal MH-2 is Red but has no update; a Red status needs an explanation"])

        let (merged, summary) = ReturnMerger(report: report).merge(checked)
        #expect(summary.returnsReceived == 7 && summary.returnsAccepted == 6)
        #expect(summary.agenciesMissing == ["Skills Funding Agency", "Public Health NHS Kent"])
        #expect(summary.goalsWithoutUpdate == ["MH-1", "MH-2", "MH-3", "MH-4"])
        #expect(summary.measuresFilled.count == 13)
        #expect(summary.conflicts.isEmpty)
        // Untidy typing came through: "red" and "R" as Red, "Green " as Green, 0.83 as 83%.
        #expect(merged.goal("ACC-1b")?.status == "Red" && merged.goal("EE-4")?.status == "Red" && merged.goal("ACC-2")?.status == "Green")
        #expect(merged.measure("ACC-M1")?.1.values.last??.text == "83%")
        #expect(merged.measure("ACC-M2")?.1.values.last??.text == "Approx. 98%")
        #expect(merged.goal("EE-5")?.proposal == Proposal(action: .amend, wording: "Continue to build and strengthen current links and processes to increase the numbers of potential employers, to therefore increase the number of offenders in employment (in support of headline measure)"))
        // The merged report is a valid report that exports, and imports back unchanged.
        let pack = scratch.file("merged.xlsx")
        try BoardPackExporter(report: merged).write(to: pack)
        #expect(try BoardPackImporter().read(fileAt: pack) == merged)
    }
}
