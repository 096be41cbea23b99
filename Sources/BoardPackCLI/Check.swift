import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one filled-in return against the report.",
        discussion: """
            Prints each problem as FILE: Sheet!CELL: message. Exits 0 when the return is clean, \
            1 when it has problems (blank, unanswered goals, cells that cannot be taken), 2 when \
            the report cannot be read. --pdf prints what was typed, problems and all, through \
            LibreOffice.
            """)

    @Argument(help: "The return (.xlsx), or one given on the portal's web form (AGENCY-form.json).")
    var file: String

    @Option(help: "The report the return answers, as JSON.")
    var report: String

    @Option(help: "The period the return should be for (default and only choice: the report's).")
    var period: String?

    @Option(help: "Also print a copy of the return as typed to this PDF, every row as high as its text (a return filled by a script prints its updates cut).")
    var pdf: String?

    func run() throws {
        try reportingErrors {
            let copy = try pdf.map { try OutputGuard.target($0, writing: .pdf, inputs: [file, report]) }
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            try requireReportPeriod(period, of: loaded, file: report)
            let checked = ReturnChecker(report: loaded).check(fileAt: URL(fileURLWithPath: file))
            for problem in checked.problems { printError(problem.description) }
            if let copy, let pdf {
                try ReturnCopy(report: loaded).writePDF(of: URL(fileURLWithPath: file), checked: checked, to: copy)
                print("Wrote \(pdf)")
            }
            guard checked.isClean else { throw ExitCode.problemsFound }
            print(checked.summary)
        }
    }
}
