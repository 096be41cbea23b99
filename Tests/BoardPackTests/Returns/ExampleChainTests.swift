import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The worked chain the README walks through: the Kent 2012-13 end of year rolled into 2013-14
/// Q1 with the plan refresh, the example returns (filled in LibreOffice by
/// examples/returns/make.py) checked and merged, and the board pack exported.
@Suite struct ExampleChainTests {
    let scratch = TemporaryFolder()

    static func q1() throws -> Report {
        try Rollover(report: try Examples.report(Examples.kent), file: "kent.json", planRefresh: (try Examples.report(Examples.planRefresh), "refresh.json"))
            .next(Period(guessing: "2013-14 Q1"))
    }

    static func exampleReturns() throws -> [URL] {
        let folder = repositoryRoot.appendingPathComponent("examples/returns")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    @Test func theWalkThroughGivesWhatTheReadmeSays() throws {
        let q1 = try Self.q1()
        let files = try Self.exampleReturns()
        #expect(files.count == 9)
        let checked = ReturnChecker(report: q1).check(filesAt: files)
        #expect(checked.flatMap(\.problems).map(\.description) == [
            "iom-team.xlsx: Instructions!B11: Date completed is empty; type the date it was completed, e.g. 12/07/2013",
            "public-health-nhs-kent.xlsx: Goals!B27: goal MH-6 is Red but has no update; a Red status needs an explanation",
        ])
        let (merged, summary) = ReturnMerger(report: q1).merge(checked)
        #expect(summary.returnsReceived == 9 && summary.returnsAccepted == 9)
        #expect(summary.agenciesMissing == ["Skills Funding Agency"])
        #expect(summary.goalsWithoutAnswer == ["EE-8", "MH-6"])
        #expect(summary.measuresFilled.count == 13)
        #expect(summary.conflicts == ["goal MH-1: Kent Probation says Green, Public Health NHS Kent says Red; shown as a conflict for the secretariat to settle"])
        // Untidy typing came through: "amber " and "r" as themselves, a qualifier kept.
        #expect(merged.goal("ACC-6")?.status == "Amber" && merged.goal("FBD-2b")?.status == "Red" && merged.goal("EE-2")?.status == "Green")
        #expect(merged.measure("ACC-M2")?.1.values.last??.text == "Approx. 98%")
        #expect(merged.measure("MH-M2")?.1.values.last??.text == "n/a")
        #expect(merged.goal("MH-1")?.status == nil, "a conflict is not settled silently")
        #expect(merged.returnsReceived.first { $0.agency == "jppb" }?.completedBy == "Chair, Joint Policy and Planning Board (Housing)")
        // The merged report is a valid report that exports, and imports back unchanged.
        let pack = scratch.file("merged.xlsx")
        try BoardPackExporter(report: merged).write(to: pack)
        #expect(try BoardPackImporter().read(fileAt: pack) == merged)
    }
}
