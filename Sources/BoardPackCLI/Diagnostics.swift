import ArgumentParser
import Foundation
import ReportModel

/// Runs a command body, printing any failure to standard error as the user should read it
/// (`FILE: path: message`, one line per problem) and exiting with status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let problems as ReportProblems {
        printError(problems.description)
        throw ExitCode.failure
    } catch {
        printError("boardpack: \(error)")
        throw ExitCode.failure
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
