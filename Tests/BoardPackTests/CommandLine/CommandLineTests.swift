import Foundation
import TestSupport
import Testing

/// The command line as a person uses it: messages on standard error, exit statuses, no output
/// file when the input is bad.
@Suite struct CommandLineTests {
    let scratch = TemporaryFolder()

    /// Runs boardpack, returning its exit status, standard output and standard error.
    func boardpack(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        do {
            let out = try run(try boardpackBinary(), arguments)
            return (0, String(decoding: out, as: UTF8.self), "")
        } catch let failure as ProcessFailure {
            return (failure.status, failure.standardOutput, failure.standardError)
        }
    }

    @Test func versionAndHelpForEverySubcommand() throws {
        #expect(try boardpack(["--version"]).out == "0.1.0\n")
        for command in ["export", "validate", "returns", "check", "merge", "import", "dump", "style"] {
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
        #expect(result.status == 1)
        #expect(result.err == "\(bad.path): themes[0].goals[0].status: \"Amberish\" is not a status of this report (Red, Amber, Green)\n")
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.json"], "no temporary file left")
    }

    @Test func dumpRefusesWhatIsNotAWorkbook() throws {
        let csv = scratch.file("return.xlsx")
        try Data("Goal ID,Status\nACC-1,Amber\n".utf8).write(to: csv)
        let result = try boardpack(["dump", csv.path])
        #expect(result.status == 1)
        #expect(result.err.hasSuffix("return.xlsx: is a CSV or other text file, not an .xlsx workbook; open it in a spreadsheet program and save it as .xlsx\n"))
    }

    @Test func checkExitsZeroOnlyForACleanReturn() throws {
        let report = Examples.url(Examples.kent).path
        let clean = try boardpack(["check", repositoryRoot.appendingPathComponent("examples/returns/jppb.xlsx").path, "--report", report])
        #expect(clean.status == 0 && clean.out == "jppb.xlsx: clean return from JPPB: 5 goals answered, 0 figures given\n")
        let bad = try boardpack(["check", repositoryRoot.appendingPathComponent("examples/returns/public-health-nhs-kent.xlsx").path, "--report", report])
        #expect(bad.status == 1)
        #expect(bad.err == "public-health-nhs-kent.xlsx: Goals!H7: goal MH-2 is Red but has no update; a Red status needs an explanation\n")
    }

    @Test func mergeNeverWritesOverItsInput() throws {
        let folder = scratch.url
        let report = folder.appendingPathComponent("report.json")
        try FileManager.default.copyItem(at: Examples.url(Examples.kent), to: report)
        let before = try Data(contentsOf: report)
        let result = try boardpack(["merge", report.path, repositoryRoot.appendingPathComponent("examples/returns/jppb.xlsx").path, "-o", report.path])
        #expect(result.status == 1)
        #expect(result.err.contains("is the input report; write the merged report to a new file"))
        #expect(try Data(contentsOf: report) == before)
    }
}
