import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The worked chain docs/quarterly-cycle.md walks through: the Kent 2012-13 end of year rolled into 2013-14
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
        #expect(summary.goalsWithoutAnswer == ["EE-8"])
        #expect(summary.goalsNotAccepted == ["MH-6"], "MH-6 was answered Red without an update: refused, not missing")
        #expect(summary.text.contains("Goals: 27 updated, 0 unchanged, 1 without an answer (EE-8), 1 answered but not accepted (MH-6)."))
        // The merged report keeps what was returned for MH-6, and why it was not accepted.
        let mh6 = try #require(merged.goal("MH-6"))
        #expect(mh6.status == nil)
        #expect(mh6.returns.map(\.agency) == ["public-health"])
        #expect(mh6.returns.first?.status == "Red" && mh6.returns.first?.refused == "no update")
        #expect(mh6.returns.first?.source.cells == ["B25", "B27"], "its Status cell, and the Update cell the check names")
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

    /// The walk-through of docs/quarterly-cycle.md, command by command.
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
        // MH-6 came back Red without an update: the board sees an answer came and was refused.
        #expect(health.contains("Not accepted") && health.contains("Not accepted: Public Health NHS Kent returned Red (no update)"))
        #expect(!health.contains("No return"), "every goal of the theme was answered")
        let glance = try book.sheet("At a glance").cells.map(\.text)
        #expect(glance.contains("Not accepted") && glance.contains("MH-6"))
        let diff = try boardpack(["diff", Examples.url(Examples.kent).path, merged.path])
        #expect(diff.status == 0 && diff.out.contains("Goals discharged: ACC-1a, ACC-1b, ACC-1c, ACC-2, ACC-3"))
        #expect(diff.out.contains("Rated before, not now: MH-1"))
    }
}

extension ExampleChainTests {
    /// A folder is merged as the spreadsheets in it named one by one; Office's lock files, other
    /// files and subfolders are passed over, and a folder with no return in it is refused.
    @Test func aFolderOfReturnsMergesAsTheReturnsInIt() throws {
        let q1 = scratch.file("q1.json")
        try ReportCoding.encode(try Self.q1()).write(to: q1)
        let folder = scratch.url.appendingPathComponent("returns")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("last quarter"), withIntermediateDirectories: true)
        let returns = try Self.exampleReturns()
        for file in returns { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        try FileManager.default.copyItem(at: returns[0], to: folder.appendingPathComponent("last quarter/old.xlsx"))
        try Data("lock".utf8).write(to: folder.appendingPathComponent("~$jppb.xlsx"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("covering email.txt"))
        let (a, b) = (scratch.file("a.json"), scratch.file("b.json"))
        let byName = try boardpack(["merge", q1.path] + returns.map(\.path) + ["-o", a.path, "--json"])
        let byFolder = try boardpack(["merge", q1.path, folder.path, "-o", b.path, "--json"])
        #expect(byName.status == 1 && byFolder.status == 1, "the example returns leave two cells refused and a conflict")
        #expect(byFolder.out == byName.out && byFolder.err == byName.err)
        #expect(byFolder.out.contains(#""returnsReceived" : 9"#))
        #expect(try Data(contentsOf: b) == Data(contentsOf: a))

        let empty = scratch.url.appendingPathComponent("nothing yet")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: empty.appendingPathComponent("to chase.txt"))
        let none = try boardpack(["merge", q1.path, empty.path, "-o", scratch.file("c.json").path])
        #expect(none.status == 2)
        #expect(none.err == "\(empty.path): holds no returns (no .xlsx or other spreadsheet file in the folder)\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("c.json").path))
    }
}

extension ExampleChainTests {
    /// Merge opens returns while the report is decoded (`ReturnPrefetch`): however many were
    /// open by then, the returns are checked and merged as when each is opened in its turn.
    @Test func returnsOpenedAheadMergeAsTheRest() throws {
        let q1 = try Self.q1()
        let files = try Self.exampleReturns() + [scratch.file("not there.xlsx")]
        let checker = ReturnChecker(report: q1)
        let expected = ReturnMerger(report: q1).merge(checker.check(filesAt: files))
        let opened = ReturnPrefetch(files).stop()
        #expect(opened.count <= files.count)
        for ahead in [opened, files.map(OpenedReturn.init(fileAt:)), Array(files.prefix(3)).map(OpenedReturn.init(fileAt:))] {
            let merged = ReturnMerger(checker: checker).merge(checker.check(filesAt: files, opened: ahead))
            #expect(merged.report == expected.report)
            #expect(merged.summary.text == expected.summary.text)
        }
        #expect(expected.summary.text.contains("not there.xlsx: cannot be read"))
    }
}
