import BoardPack
import ChildProcess
import Foundation
import ReportModel
import TestSupport
import Testing

/// Ordinary slips with -o never cost a file: the output name forgotten, a return named as the
/// pack, a device, a folder. Each refused command exits 2 and leaves every file as it was
/// (compared by SHA-256).
@Suite struct OutputGuardTests {
    let fixture: ReturnsFixture
    let returnsFolder: URL

    init() throws {
        fixture = try ReturnsFixture()
        returnsFolder = fixture.folder.appendingPathComponent("returns")
        try FileManager.default.createDirectory(at: returnsFolder, withIntermediateDirectories: true)
        // Two filled returns, as they came back from agencies.
        for (agency, name) in [("jppb", "jppb.xlsx"), ("kent-probation", "kent-probation.xlsx")] {
            var ops = try fixture.signed(agency)
            let goal = try #require(fixture.scope(agency).goals.first?.goal.id)
            ops.append(["set", "Goals", try fixture.cell(agency, goal, "status"), "Green"])
            _ = try fixture.openpyxl(agency, "returns/\(name)", ops)
        }
    }

    func sha(_ url: URL) throws -> String { SHA256.hex([UInt8](try Data(contentsOf: url))) }

    func file(_ name: String) -> URL { returnsFolder.appendingPathComponent(name) }

    @Test func mergeWithTheOutputNameForgottenLeavesEveryReturnAlone() throws {
        // `boardpack merge q1.json -o returns/*.xlsx`: the shell makes the first return the output.
        let before = try [file("jppb.xlsx"), file("kent-probation.xlsx")].map(sha)
        let result = try boardpack(["merge", fixture.reportFile.path, "-o", file("jppb.xlsx").path, file("kent-probation.xlsx").path])
        #expect(result.status == 2)
        #expect(result.err == "\(file("jppb.xlsx").path): is named as a .xlsx file, but a report is JSON; name the output .json (was the output name left out?)\n")
        #expect(try [file("jppb.xlsx"), file("kent-probation.xlsx")].map(sha) == before)
        // A return saved under a .json name is not taken for last period's report either.
        let renamed = file("jppb-as.json")
        try FileManager.default.copyItem(at: file("jppb.xlsx"), to: renamed)
        let overReturn = try boardpack(["merge", fixture.reportFile.path, file("kent-probation.xlsx").path, "-o", renamed.path])
        #expect(overReturn.status == 2)
        #expect(overReturn.err == "\(renamed.path): already holds an agency's return, not a report; it is not replaced: choose another name\n")
        #expect(try sha(renamed) == before[0])
    }

    @Test func exportNeverWritesOverAReturnAReportOrItsInput() throws {
        let returnBefore = try sha(file("jppb.xlsx"))
        let overReturn = try boardpack(["export", fixture.reportFile.path, "-o", file("jppb.xlsx").path])
        #expect(overReturn.status == 2)
        #expect(overReturn.err == "\(file("jppb.xlsx").path): already holds an agency's return, not a board pack; it is not replaced: choose another name\n")
        #expect(try sha(file("jppb.xlsx")) == returnBefore)

        let reportBefore = try sha(fixture.reportFile)
        let overReport = try boardpack(["export", fixture.reportFile.path, "-o", fixture.reportFile.path])
        #expect(overReport.status == 2)
        #expect(overReport.err == "\(fixture.reportFile.path): is not a name for a board pack; name it .xlsx (a workbook) or .pdf (printed)\n")
        #expect(try sha(fixture.reportFile) == reportBefore)

        // A pack imported to its own name would be replaced by JSON.
        let pack = fixture.folder.appendingPathComponent("pack.xlsx")
        #expect(try boardpack(["export", fixture.reportFile.path, "-o", pack.path]).status == 0)
        let packBefore = try sha(pack)
        let imported = try boardpack(["import", pack.path, "-o", pack.path])
        #expect(imported.status == 2 && imported.err.contains("is named as a .xlsx file, but a report is JSON"))
        #expect(try sha(pack) == packBefore)
        // Exporting again over last quarter's pack is what -o is for.
        #expect(try boardpack(["export", fixture.reportFile.path, "-o", pack.path]).status == 0)
    }

    @Test func devicesFoldersAndTheInputsThemselvesAreRefused() throws {
        // A pipe of our own stands for a device: a test must never risk the system's /dev/null
        // (as root, a regression would replace it with a regular file).
        let pipe = fixture.folder.appendingPathComponent("pipe")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let device = try boardpack(["merge", fixture.reportFile.path, file("jppb.xlsx").path, "-o", pipe.path])
        #expect(device.status == 2)
        #expect(device.err == "\(pipe.path): is not a regular file (a device, a pipe or a socket); name a file to write a report to\n")
        var info = stat()
        #expect(lstat(pipe.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still the pipe")

        let folder = try boardpack(["next", fixture.reportFile.path, "--period", "2013-14 Q2", "-o", returnsFolder.path])
        #expect(folder.status == 2 && folder.err == "\(returnsFolder.path): is a folder; name a file to write a report to\n")

        // The report named through another path is still the input.
        let other = fixture.folder.appendingPathComponent("returns/../report.json").path
        let input = try boardpack(["next", fixture.reportFile.path, "--period", "2013-14 Q2", "-o", other])
        #expect(input.status == 2 && input.err == "\(other): is the same file as the input \(fixture.reportFile.path); write a report to a new file\n")
    }

    @Test func aLinkIsWrittenThroughAndAReportKeepsItsPermissions() throws {
        let real = fixture.folder.appendingPathComponent("q2.json"), link = fixture.folder.appendingPathComponent("current.json")
        #expect(try boardpack(["next", fixture.reportFile.path, "--period", "2013-14 Q2", "-o", real.path]).status == 0)
        #expect(chmod(real.path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "q2.json")
        #expect(try boardpack(["next", fixture.reportFile.path, "--period", "2013-14 Q2", "--id", "written-through", "-o", link.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "q2.json", "the link stays a link")
        #expect(try ReportCoding.load(contentsOf: real).id == "written-through", "the file it points to was written")
        var info = stat()
        #expect(stat(real.path, &info) == 0 && info.st_mode & 0o777 == 0o600, "its permissions kept")
    }

    @Test func returnsNeverReplaceAnAgencysAnswers() throws {
        // Last period's filled returns sit in the folder: none is replaced, not even the blank ones.
        let filled = try sha(file("jppb.xlsx"))
        let blank = file(fixture.scope("jobcentre-plus").fileName)
        try FileManager.default.copyItem(at: try fixture.blank("jobcentre-plus"), to: blank)
        let result = try boardpack(["returns", fixture.reportFile.path, "-o", returnsFolder.path])
        #expect(result.status == 2)
        #expect(result.err == "\(file("jppb.xlsx").path): already exists and is not a blank 2013-14 Q1 return for JPPB (it may hold answers, or be another period's); it is not replaced: move it away or write the returns to another folder\n")
        #expect(try sha(file("jppb.xlsx")) == filled)
        #expect(!FileManager.default.fileExists(atPath: file("integrated-youth-services-kcc.xlsx").path), "nothing written")
        // A blank return of this period is made again.
        let again = try boardpack(["returns", fixture.reportFile.path, "-o", returnsFolder.path, "--agency", "Jobcentre Plus"])
        #expect(again.status == 0, "\(again.err)")
    }

    @Test func aKilledRunsTemporaryFileIsClearedByTheNext() throws {
        let pack = fixture.folder.appendingPathComponent("pack.xlsx")
        // A process that has ended, whose temporary file was left behind, and one still running.
        let ended = try ChildProcess("/bin/true", [])
        let endedPID = ended.pid
        ended.waitForExit()
        let stale = fixture.folder.appendingPathComponent(".pack.xlsx.\(endedPID).AbCdEf.tmp")
        let live = fixture.folder.appendingPathComponent(".pack.xlsx.\(getpid()).GhIjKl.tmp")
        for file in [stale, live] { try Data(repeating: 7, count: 1 << 20).write(to: file) }
        #expect(try boardpack(["export", fixture.reportFile.path, "-o", pack.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path), "left by a killed run: removed")
        #expect(FileManager.default.fileExists(atPath: live.path), "another run's, still being written: kept")
    }
}
