import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Each command's exit statuses on real input, run through the built `boardpack` as a person
/// runs it: 0 when it did its job, 1 when it found problems in what it checked, 2 when it could
/// not run (README, "Exit status", and each command's --help). Export, validate, next, merge and
/// dump have theirs in CommandLineTests, ReturnMergeTests and ExampleChainTests.
@Suite struct ExitStatusTests {
    let scratch = TemporaryFolder()
    let examples = repositoryRoot.appendingPathComponent("examples")

    /// The worked chain's 2013-14 Q1 report, as `next` writes it.
    func q1() throws -> URL {
        let file = scratch.file("q1.json")
        try ReportCoding.encode(try ExampleChainTests.q1()).write(to: file)
        return file
    }

    @Test func checkExitsZeroOnACleanReturnOneOnProblemsAndTwoWhenTheReportCannotBeUsed() throws {
        let report = try q1().path, returns = examples.appendingPathComponent("returns")
        let clean = try boardpack(["check", returns.appendingPathComponent("jppb.xlsx").path, "--report", report])
        #expect(clean.status == 0 && clean.out == "jppb.xlsx: clean return from JPPB: 4 goals answered, 0 figures given\n" && clean.err.isEmpty)
        let problems = try boardpack(["check", returns.appendingPathComponent("public-health-nhs-kent.xlsx").path, "--report", report])
        #expect(problems.status == 1 && problems.out.isEmpty)
        #expect(problems.err == "public-health-nhs-kent.xlsx: Goals!B27: goal MH-6 is Red but has no update; a Red status needs an explanation\n")
        let unreadable = try boardpack(["check", scratch.file("not sent yet.xlsx").path, "--report", report])
        #expect(unreadable.status == 1 && unreadable.err == "not sent yet.xlsx: cannot be read (No such file or directory)\n")
        let noReport = try boardpack(["check", returns.appendingPathComponent("jppb.xlsx").path, "--report", scratch.file("none.json").path])
        #expect(noReport.status == 2 && noReport.err == "\(scratch.file("none.json").path): cannot be read (No such file or directory)\n")
        let otherPeriod = try boardpack(["check", returns.appendingPathComponent("jppb.xlsx").path, "--report", report, "--period", "2013-14 Q2"])
        #expect(otherPeriod.status == 2 && otherPeriod.err == "\(report): is the report for 2013-14 Q1, not 2013-14 Q2; start the 2013-14 Q2 report first: boardpack next \(report) --period \"2013-14 Q2\" -o NEXT.json\n")
        let help = try boardpack(["check", "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Exits 0 when the return is clean, 1 when it has problems (blank, unanswered goals, cells that cannot be taken), 2 when the report cannot be read."))
    }

    @Test func returnsExitsZeroWritingOneWorkbookPerAgencyAndTwoForAnAgencyNotInTheReport() throws {
        let report = try q1().path, folder = scratch.file("returns")
        let made = try boardpack(["returns", report, "-o", folder.path, "--deadline", "Friday 12 July 2013"])
        #expect(made.status == 0)
        #expect(made.err == "\(report): contact: Rob Jacques has no e-mail or telephone, so the returns do not say how to reach them; add \"email\" or \"phone\" to the report's contact\n", "a warning, and nothing else")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == [
            "commissioned-services-kcc.xlsx", "integrated-youth-services-kcc.xlsx", "iom-team.xlsx", "jobcentre-plus.xlsx", "jppb.xlsx",
            "kent-police.xlsx", "kent-probation.xlsx", "medway-youth-offending-team.xlsx", "public-health-nhs-kent.xlsx", "skills-funding-agency.xlsx",
        ])
        #expect(made.out.split(separator: "\n").count == 10 && made.out.contains("\(folder.path)/jppb.xlsx: "))
        let none = scratch.file("none")
        let nobody = try boardpack(["returns", report, "-o", none.path, "--agency", "Nobody"])
        #expect(nobody.status == 2 && nobody.err.hasPrefix("\(report): Nobody is not an agency of this report (JPPB, "))
        #expect(!FileManager.default.fileExists(atPath: none.path), "nothing is written")
        #expect(try boardpack(["returns", report, "-o", none.path, "--period", "2013-14 Q2"]).status == 2)
        #expect(try boardpack(["returns", report]).status == 2, "-o is required")
    }

    @Test func importExitsZeroWritingTheReportAndTwoForWhatItCannotTake() throws {
        let (report, pack) = try exportedExample(Examples.kent, into: scratch)
        let json = scratch.file("kent.json")
        let read = try boardpack(["import", pack.path, "-o", json.path])
        #expect(read.status == 0 && read.out == "Wrote \(json.path)\n")
        #expect(try ReportCoding.load(contentsOf: json) == report)

        // A status typed wrong on a theme sheet (found by its goal's wording and its column's label).
        let sheet = try PackSheets(try XLSXInspector(pack.path)).sheet("2.4 Mental and Physical Health")
        let status = try sheet.cell(try sheet.row(startingWith: "Increase level of GP"), "Status", headerWith: ["Goal", "Lead Agency"])
        let typo = scratch.file("typo.xlsx"), out = scratch.file("typo.json")
        try ReturnsFixture.openpyxl(pack, to: typo, [["set", sheet.name, status, "Amberish"]])
        let refused = try boardpack(["import", typo.path, "-o", out.path])
        #expect(refused.status == 2 && refused.err == #"typo.xlsx: 2.4 Mental and Physical Health!\#(status): "Amberish" is not a status of this report (Red, Green)"# + "\n")
        let notAPack = try boardpack(["import", examples.appendingPathComponent("returns/jppb.xlsx").path, "-o", out.path])
        #expect(notAPack.status == 2 && notAPack.err == "jppb.xlsx: is not a board pack exported by boardpack (it has no _report sheet)\n")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    @Test func styleExitsZeroPrintingTheDefaultAndTwoOnAUsageError() throws {
        let printed = try boardpack(["style"])
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/default-style.json"), encoding: .utf8)
        #expect(printed.status == 0 && printed.out == shipped)
        let wrong = try boardpack(["style", "extra"])
        #expect(wrong.status == 2 && wrong.err.hasPrefix("Error: Unexpected argument 'extra'"))
    }

    @Test func diffExitsZeroWhateverItFindsAndTwoForReportsItCannotCompare() throws {
        let kent = Examples.url(Examples.kent).path
        let changed = try boardpack(["diff", kent, try q1().path])
        #expect(changed.status == 0 && changed.out.contains("Goals discharged: ACC-1a, ACC-1b, ACC-1c, ACC-2, ACC-3"))
        let other = Examples.url(Examples.leicestershire).path
        let unrelated = try boardpack(["diff", kent, other])
        #expect(unrelated.status == 2 && unrelated.err == "\(other): shares no goal with the other report, so they are not reports of the same plan\n")
        let missing = try boardpack(["diff", kent, scratch.file("none.json").path])
        #expect(missing.status == 2 && missing.err == "\(scratch.file("none.json").path): cannot be read (No such file or directory)\n")
    }
}
