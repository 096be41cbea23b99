import ArgumentParser
import BoardPack
import Foundation
import Portal
import ReportModel
import XLSXReader

/// `boardpack-portal`, also reached as `boardpack portal`: the returns portal on one data folder.
@main
struct BoardpackPortal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boardpack portal",
        abstract: "The returns portal: each agency uploads its return through a private link; the secretariat sees who has returned, merges and downloads the board pack.",
        discussion: """
            Everything the portal keeps is in one data folder (--data): boardpack.sqlite, the \
            uploaded files under uploads/ (named by SHA-256, never overwritten) and the link \
            secret; backup copies it into one file while the server runs, restore makes a new \
            data folder from that file. See docs/portal.md.

            Exit status: 0 when the command did its job; 1 when export merged returns with \
            problems (as boardpack merge); 2 when it could not run.
            """,
        subcommands: [InitCommand.self, ServeCommand.self, LinksCommand.self, NextPeriodCommand.self, ExportCommand.self, RemindCommand.self, DigestCommand.self, BackupCommand.self, RestoreCommand.self])
}

/// Runs a command body, printing a failure as the user should read it and exiting 2, as
/// `boardpack` does.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch let usage as ValidationError {
        throw usage
    } catch {
        let ours = error is DataFolderProblem || error is MailerFailure || error is ReportProblems || error is WorkbookProblems || error is AtomicFileError
        FileHandle.standardError.write(Data(((ours ? "\(error)" : "boardpack portal: \(error)") + "\n").utf8))
        throw ExitCode(2)
    }
}

func printLinks(_ links: IssuedLinks, json: Bool) {
    print(json ? links.json : links.text)
}

extension Period.Kind: ExpressibleByArgument {}
