import ArgumentParser
import BoardPack
import Foundation
import ReportModel
import XLSXReader

/// Runs a command body, printing any failure to standard error as the user should read it
/// (`FILE: place: message`, one line per problem) and exiting with status 2: an error thrown
/// means the command could not do its job. Commands that find problems in what they check exit
/// 1 themselves (`ExitCode.problemsFound`).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let usage as ValidationError {
        throw usage
    } catch {
        // Our own errors already read as `FILE: place: message`; anything else is named as ours.
        let ours = error is ReportProblems || error is WorkbookProblems || error is XLSXError || error is AtomicFileError
            || error is PDFRendering.Failure
        printError(ours ? "\(error)" : "boardpack: \(error)")
        throw ExitCode.badInput
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Returns, check and merge work on the report's own period; another one is started with `next`.
func requireReportPeriod(_ wanted: String?, of report: Report, file: String) throws {
    guard let wanted, Forgiving.key(wanted) != Forgiving.key(report.period.label) else { return }
    // A data error, said without a usage line: the arguments were well formed.
    throw ReportProblems(file: file, problems: [ReportProblem(path: "", message: """
        is the report for \(report.period.label), not \(wanted); start the \(wanted) report first: \
        boardpack next \(file) --period "\(wanted)" -o NEXT.json
        """)])
}
