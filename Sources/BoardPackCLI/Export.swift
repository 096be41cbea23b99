import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the board pack workbook of a report.",
        discussion: """
            Reads REPORT.json, checks it, and writes the board pack: a cover with contents, a \
            page at a glance, a summary, the statistics, one sheet per theme and, once the \
            report has history, the status over time. An -o ending in .pdf prints it to PDF \
            through LibreOffice (headless; set BOARDPACK_SOFFICE to its soffice if it is not on \
            the PATH). Nothing is written if the report has a problem.
            """)

    @Argument(help: "The report, as JSON.")
    var report: String

    @Option(name: .shortAndLong, help: "Where to write the board pack: .xlsx, or .pdf to print it.")
    var output: String

    @Option(help: "A style file (see templates/default-style.json); settings left out keep their default.")
    var style: String?

    func run() throws {
        try reportingErrors {
            let loaded = try ReportCoding.loadKeepingJSON(contentsOf: URL(fileURLWithPath: report))
            let chosenStyle = try Style.load(optionalPath: style)
            let exporter = BoardPackExporter(report: loaded.report, style: chosenStyle, canonicalJSON: loaded.json)
            if output.lowercased().hasSuffix(".pdf") {
                try exporter.writePDF(to: URL(fileURLWithPath: output))
            } else {
                try exporter.write(to: URL(fileURLWithPath: output))
            }
            print("Wrote \(output)")
        }
    }
}
