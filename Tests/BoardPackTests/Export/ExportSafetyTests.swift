import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

@Suite struct ExportSafetyTests {
    let scratch = TemporaryFolder()

    static func report(update: [String], status: String? = "Red") -> Report {
        Report(
            id: "r", title: "Test", board: "Board", period: Period(label: "Q1", kind: .quarter, quarter: 1),
            produced: [ProducedDate(date: "July 2013")], agencies: [Agency(id: "jppb", name: "JPPB")],
            themes: [
                Theme(
                    id: "t", name: "Accommodation",
                    goals: [Goal(id: "G1", text: "=1+1", leads: ["jppb"], status: status, update: update)])
            ])
    }

    @Test func agencyTextThatLooksLikeAFormulaStaysText() throws {
        let folder = scratch.url
        let file = folder.appendingPathComponent("pack.xlsx")
        let update = ["=SUM(A1:A9)", "+44 1622 694269", "-minus", "@mention", "=HYPERLINK(\"http://x\")"]
        try BoardPackExporter(report: Self.report(update: update)).write(to: file)
        let sheet = try XLSXInspector(file.path).sheet("Accommodation")
        #expect(sheet.cells.allSatisfy { !$0.hasFormula })
        let goal = try #require(sheet.cells.first { $0.text == "=1+1" })
        #expect(goal.type == "s")
        #expect(sheet.cells.contains { $0.text == update.joined(separator: "\n\n") && $0.type == "s" })
    }

    @Test func anInvalidReportWritesNothingAndKeepsTheOldFile() throws {
        let folder = scratch.url
        let file = folder.appendingPathComponent("pack.xlsx")
        try Data("previous board pack".utf8).write(to: file)
        let bad = Self.report(update: ["x"], status: "Amberish")
        #expect(throws: ReportProblems.self) { try BoardPackExporter(report: bad).write(to: file) }
        #expect(try Data(contentsOf: file) == Data("previous board pack".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pack.xlsx"], "no temporary file is left behind")
    }

    @Test func anUpdateOverTheCellLimitIsAnErrorNamingTheGoal() throws {
        let folder = scratch.url
        let file = folder.appendingPathComponent("pack.xlsx")
        let bad = Self.report(update: [String(repeating: "x", count: 40_000)])
        do {
            try BoardPackExporter(report: bad).write(to: file)
            Issue.record("expected an error")
        } catch let error as ReportProblems {
            #expect(error.problems.map(\.description) == [
                "themes[0].goals[0].update: goal G1's update is 40000 characters; a spreadsheet cell holds at most 32767"
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func aMissingFolderIsAClearError() throws {
        let file = URL(fileURLWithPath: "/nonexistent-folder/pack.xlsx")
        #expect(throws: AtomicFileError.self) { try BoardPackExporter(report: Self.report(update: ["x"])).write(to: file) }
    }

    @Test func aFailedSaveNamesTheFileAskedForAndTheSystemsReason() throws {
        // A folder where the pack should go: the temporary file is written, the rename fails.
        let target = scratch.file("pack.xlsx")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        do {
            try BoardPackExporter(report: Self.report(update: ["x"])).write(to: target)
            Issue.record("expected an error")
        } catch let error as AtomicFileError {
            #expect(error.description == "\(target.path): cannot be written (Is a directory)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["pack.xlsx"], "no temporary file left")
    }

    @Test func aStatusWithoutAnyColourIsRefused() throws {
        var report = Self.report(update: ["x"], status: "Purple")
        report.statusScheme = StatusScheme(statuses: [Status(name: "Purple", code: "P", description: "odd")])
        let folder = scratch.url
        #expect(throws: ReportProblems.self) { try BoardPackExporter(report: report).write(to: folder.appendingPathComponent("p.xlsx")) }
    }
}

/// A board pack always carries a date (issue 19.3): the report's own, or for a report that
/// returns were merged into, the day of the latest of them; an undated report is refused.
extension ExportSafetyTests {
    @Test func aPackWithoutADateIsRefusedAndAMergedOneIsDatedByItsLatestReturn() throws {
        var report = Self.report(update: ["Sign-off slipped."])
        report.produced = []
        let file = scratch.file("undated.xlsx")
        #expect {
            try BoardPackExporter(report: report, file: "q1.json").write(to: file)
        } throws: { error in
            (error as? ReportProblems)?.description.hasPrefix("q1.json: produced: the board pack must carry a date") == true
        }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let source = Provenance(file: "jppb.xlsx", sha256: "", sheet: "Instructions", cells: [])
        report.returnsReceived = [
            ReceivedReturn(agency: "jppb", period: "Q1", completedBy: "A", date: "08/07/2013", source: source),
            ReceivedReturn(agency: "jppb", period: "Q1", completedBy: "B", date: "12 July 2013", source: source),
            ReceivedReturn(agency: "jppb", period: "Q1", completedBy: "C", date: "", source: source),
        ]
        try BoardPackExporter(report: report).write(to: file)
        let cover = try XLSXInspector(file.path).sheet("Cover").cells.map(\.text)
        #expect(cover.contains("Returns to 12 July 2013"))
    }
}
