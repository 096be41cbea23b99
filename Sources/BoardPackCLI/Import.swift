import ArgumentParser
import BoardPack
import Foundation
import ReportModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a board pack (perhaps edited in Excel or LibreOffice) back into report JSON.",
        discussion: """
            Goal wording, lead agencies, statuses, updates and figures are read from the sheets, \
            each row matched to its goal, measure or statistic by what it shows (a goal by its \
            Ref), never by its position; the rest from the data boardpack export keeps in the \
            pack. A row that matches nothing, or a goal that lost its row, is refused with its \
            sheet and cell (see docs/board-pack.md).
            """ + "\n\n" + OutputGuard.promise)

    @Argument(help: "The board pack (.xlsx).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the report (JSON).")
    var output: String

    @Option(help: "The style the pack was exported with, if not the default (its labels find the tables).")
    var style: String?

    func run() throws {
        try reportingErrors {
            let target = try OutputGuard.target(output, writing: .report, inputs: [file] + [style].compactMap { $0 })
            let chosen = try Style.load(optionalPath: style)
            let report = try BoardPackImporter(style: chosen).read(fileAt: URL(fileURLWithPath: file))
            try AtomicFile.write(try ReportCoding.encode(report), to: target)
            print("Wrote \(output)")
        }
    }
}
