import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a board pack (perhaps edited in Excel or LibreOffice) back into report JSON.",
        discussion: "Goal wording, lead agencies, statuses, updates and figures are read from the sheets; the rest from the data boardpack export keeps in the pack.")

    @Argument(help: "The board pack (.xlsx).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the report (JSON).")
    var output: String

    @Option(help: "The style the pack was exported with, if not the default (its labels find the tables).")
    var style: String?

    func run() throws {
        try reportingErrors {
            let chosen = try Style.load(optionalPath: style)
            let report = try BoardPackImporter(style: chosen).read(fileAt: URL(fileURLWithPath: file))
            try AtomicFile.write(try ReportCoding.encode(report), to: URL(fileURLWithPath: output))
            print("Wrote \(output)")
        }
    }
}
