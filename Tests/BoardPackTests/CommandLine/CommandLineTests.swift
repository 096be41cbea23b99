import Foundation
import ReportModel
import TestSupport
import Testing
import XLSXWriter

/// The command line as a person uses it: messages on standard error, exit statuses, no output
/// file when the input is bad.
@Suite struct CommandLineTests {
    let scratch = TemporaryFolder()


    @Test func versionAndHelpForEverySubcommand() throws {
        #expect(try boardpack(["--version"]).out == "0.2.0\n")
        for command in ["export", "validate", "returns", "check", "merge", "next", "import", "dump", "style"] {
            let help = try boardpack([command, "--help"])
            #expect(help.status == 0 && help.out.contains("USAGE: boardpack \(command)"), "\(command) --help")
        }
    }

    @Test func aBadReportIsRefusedWithItsPlaceAndNothingIsWritten() throws {
        let folder = scratch.url
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"format": 1, "id": "r", "title": "T", "board": "B", "period": {"label": "Q1", "kind": "quarter"}, "themes": [{"id": "t", "name": "T", "goals": [{"id": "G1", "text": "x", "status": "Amberish"}]}]}"#.utf8).write(to: bad)
        let output = folder.appendingPathComponent("board.xlsx")
        let result = try boardpack(["export", bad.path, "-o", output.path])
        #expect(result.status == 2, "an invalid input stops the command")
        #expect(result.err == "\(bad.path): themes[0].goals[0].status: \"Amberish\" is not a status of this report (Red, Amber, Green)\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.json"], "no temporary file left")
    }

    /// The check of unknown fields ends on the other core while the sheets are laid out: it
    /// must still stop the export before anything is saved.
    @Test func aMisspeltFieldStopsExportAndMergeAndKeepsTheOldFile() throws {
        let folder = scratch.url
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"format": 1, "id": "r", "title": "T", "board": "B", "period": {"label": "Q1", "kind": "quarter"}, "themes": [{"id": "t", "name": "T", "goals": [{"id": "G1", "text": "x", "staus": "Red"}]}]}"#.utf8).write(to: bad)
        let output = folder.appendingPathComponent("board.xlsx")
        #expect(try boardpack(["export", Examples.url(Examples.kent).path, "-o", output.path]).status == 0, "last quarter's pack")
        let lastQuarter = try Data(contentsOf: output)
        for target in [output, folder.appendingPathComponent("board.pdf")] {
            let result = try boardpack(["export", bad.path, "-o", target.path])
            #expect(result.status == 2)
            #expect(result.err == "\(bad.path): themes[0].goals[0].staus: is not a field of this report format\n")
        }
        // Merge checks the returns meanwhile, and still writes nothing.
        let merged = try boardpack(["merge", bad.path, folder.appendingPathComponent("missing.xlsx").path, "-o", folder.appendingPathComponent("merged.json").path])
        #expect(merged.status == 2)
        #expect(merged.err.hasSuffix("\(bad.path): themes[0].goals[0].staus: is not a field of this report format\n"))
        #expect(try Data(contentsOf: output) == lastQuarter)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.json", "board.xlsx"], "no temporary file left")
    }

    @Test func dumpReadsPastTheZipBombGuardOnlyWhenAsked() throws {
        // 20,000 rows of text: about 2 MiB of sheet XML once unpacked.
        let big = scratch.file("big.xlsx")
        let book = try Workbook(path: big.path)
        let sheet = try book.addWorksheet(named: "Rows")
        for row in 0..<20_000 { try sheet.write("row \(row) of a long sheet of returns", row: row, col: 0) }
        try book.close()
        let refused = try boardpack(["dump", big.path, "--max-unpacked-mib", "1"])
        #expect(refused.status == 2)
        #expect(refused.err == "\(big.path): unpacks to more than 1 MiB, which is refused (a ZIP bomb?)\n")
        let read = try boardpack(["dump", big.path, "--format", "csv"])
        #expect(read.status == 0 && read.out.hasSuffix("row 19999 of a long sheet of returns\r\n"))
        #expect(try boardpack(["dump", big.path, "--max-unpacked-mib", "0"]).status == 2, "a limit out of range is a usage error")
    }

    @Test func dumpRefusesWhatIsNotAWorkbook() throws {
        let csv = scratch.file("return.xlsx")
        try Data("Goal ID,Status\nACC-1,Amber\n".utf8).write(to: csv)
        let result = try boardpack(["dump", csv.path])
        #expect(result.status == 2)
        #expect(result.err.hasSuffix("return.xlsx: is a CSV or other text file, not an .xlsx workbook; open it in a spreadsheet program and save it as .xlsx\n"))
    }
}

extension CommandLineTests {
    @Test func validateListsProblemsWithStatusOneAndAnUnreadableFileWithTwo() throws {
        let bad = scratch.file("bad.json")
        try Data(#"{"format": 1, "id": "r", "title": "T", "board": "B", "period": {"label": "Q1", "kind": "quarter"}, "themes": [{"id": "t", "name": "T", "goals": [{"id": "G1", "text": "x", "status": "Amberish"}]}]}"#.utf8).write(to: bad)
        #expect(try boardpack(["validate", bad.path]).status == 1)
        let missing = try boardpack(["validate", scratch.file("missing.json").path])
        #expect(missing.status == 2 && missing.err.contains("cannot be read (No such file or directory)"))
        #expect(try boardpack(["validate", Examples.url(Examples.kent).path]).status == 0)
        #expect(try boardpack(["export"]).status == 2, "a usage error exits 2 too")
    }

    @Test func nextRefusesWhatItCannotApplyAndWritesNothing() throws {
        let paper = try Examples.report(Examples.planRefresh)
        var bad = paper
        bad.themes[1].goals[4].proposal?.wording = nil
        let badFile = scratch.file("refresh.json")
        try ReportCoding.encode(bad).write(to: badFile)
        let output = scratch.file("q1.json")
        let result = try boardpack(["next", Examples.url(Examples.kent).path, "--period", "2013-14 Q1", "--plan-refresh", badFile.path, "-o", output.path])
        #expect(result.status == 2)
        #expect(result.err == "\(badFile.path): themes[1].goals[4].proposal.wording: goal EE-5 is to be amended but the proposal gives no new wording\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let good = try boardpack(["next", Examples.url(Examples.kent).path, "--period", "2013-14 Q1", "--plan-refresh", Examples.url(Examples.planRefresh).path, "-o", output.path])
        #expect(good.status == 0 && good.out.hasPrefix("Wrote \(output.path): 2013-14 Q1, 29 goals (was 2012-13, 19)\n"))
        #expect(try ReportCoding.load(contentsOf: output).period == Period(label: "2013-14 Q1", kind: .quarter, quarter: 1))
    }
}

extension CommandLineTests {
    @Test func exportPrintsToPDFThroughLibreOfficeOrSaysHowToGetIt() throws {
        let pdf = scratch.file("board.pdf")
        // A temporary folder of its own, so that another run's folders (a killed run, a
        // concurrent export) in the shared one do not count.
        let temporary = scratch.file("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let made = try boardpack(["export", Examples.url(Examples.kent).path, "-o", pdf.path], environment: ["TMPDIR": temporary.path])
        #expect(made.status == 0 && made.out == "Wrote \(pdf.path)\n")
        let printed = try PrintedPages(pdf)
        #expect(printed.pages.count > 5 && printed.contains(wordsOf: "Kent and Medway Strategic Plan Progress Report 2012 to 2015"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [], "LibreOffice's folder is removed")

        let missing = scratch.file("none.pdf")
        let refused = try boardpack(["export", Examples.url(Examples.kent).path, "-o", missing.path], environment: ["BOARDPACK_SOFFICE": "/nonexistent/soffice"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("making a PDF needs LibreOffice, which is not installed"))
        #expect(refused.err.contains("apt-get install libreoffice-calc"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }
}
