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

    /// The README's walk-through, command by command.
    @Test func theChainRunsEndToEndFromTheCommandLine() throws {
        let q1 = scratch.file("q1.json"), merged = scratch.file("q1-merged.json"), pack = scratch.file("board.xlsx")
        let next = try boardpack(["next", Examples.url(Examples.kent).path, "--period", "2013-14 Q1", "--plan-refresh", Examples.url(Examples.planRefresh).path, "-o", q1.path])
        #expect(next.status == 0 && next.out == "Wrote \(q1.path): 2013-14 Q1, 29 goals (was 2012-13, 19)\n")
        let returns = try Self.exampleReturns().map(\.path)
        let merge = try boardpack(["merge", q1.path] + returns + ["-o", merged.path])
        #expect(merge.status == 1, "two cells refused and a conflict: the merged report is written all the same")
        #expect(merge.out.hasPrefix("Period 2013-14 Q1: 9 returns received, 9 accepted.\nAgencies still missing: Skills Funding Agency.\n"))
        #expect(try boardpack(["export", merged.path, "-o", pack.path]).status == 0)
        // The pack shows the change since 2012-13 goal by goal.
        let book = try XLSXInspector(pack.path)
        let employment = try book.sheet("2.2 Education and Employment").cells.map(\.text)
        #expect(employment.contains("Green at 2012-13\n► unchanged"), "EE-2 was Green and still is")
        let health = try book.sheet("2.4 Mental and Physical Health").cells.map(\.text)
        #expect(health.contains("Conflict") && health.contains { $0.hasPrefix("Conflict: Kent Probation says Green, Public Health NHS Kent says Red") })
        #expect(health.contains("Red at 2012-13"), "MH-1's last rating, with no change to show while its leads disagree")
        let diff = try boardpack(["diff", Examples.url(Examples.kent).path, merged.path])
        #expect(diff.status == 0 && diff.out.contains("Goals discharged: ACC-1a, ACC-1b, ACC-1c, ACC-2, ACC-3"))
        #expect(diff.out.contains("Rated before, not now: MH-1"))
    }
}
