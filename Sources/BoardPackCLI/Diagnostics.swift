import ArgumentParser
import BoardPack
import Foundation
import ReportModel
import XLSXReader

/// Runs a command body, printing any failure to standard error as the user should read it
/// (`FILE: path: message`, one line per problem) and exiting with status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        // Our own errors already read as `FILE: place: message`; anything else is named as ours.
        let ours = error is ReportProblems || error is WorkbookProblems || error is XLSXError || error is AtomicFileError
        printError(ours ? "\(error)" : "boardpack: \(error)")
        throw ExitCode.failure
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
