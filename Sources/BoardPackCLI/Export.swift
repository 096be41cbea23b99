import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the board pack workbook of a report.",
        discussion: """
            Reads REPORT.json, checks it, and writes a print-ready XLSX: a cover with contents, \
            a summary of goal statuses, one sheet per statistics table and one per theme. \
            Nothing is written if the report has a problem.
            """)

    @Argument(help: "The report, as JSON.")
    var report: String

    @Option(name: .shortAndLong, help: "Where to write the board pack (.xlsx).")
    var output: String

    @Option(help: "A style file (see templates/default-style.json); settings left out keep their default.")
    var style: String?

    func run() throws {
        try reportingErrors {
            let loaded = try ReportCoding.load(contentsOf: URL(fileURLWithPath: report))
            let chosenStyle = try Style.load(optionalPath: style)
            try BoardPackExporter(report: loaded, style: chosenStyle).write(to: URL(fileURLWithPath: output))
            print("Wrote \(output)")
        }
    }
}
