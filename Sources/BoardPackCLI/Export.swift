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
            """ + "\n\n" + OutputGuard.promise)

    @Argument(help: "The report, as JSON.")
    var report: String

    @Option(name: .shortAndLong, help: "Where to write the board pack: .xlsx, or .pdf to print it.")
    var output: String

    @Option(help: "A style file (see templates/default-style.json); settings left out keep their default.")
    var style: String?

    func run() throws {
        // One malloc arena for both threads: the report is decoded here while the other thread
        // reads the JSON's shape, then encodes it again while the sheets are laid out here; with
        // an arena per thread, what one frees the other never reuses. Measured with
        // benchmarks/export (5,000 goals): a peak of 70 MB instead of 82, in the same time.
        // Not for merge: its two threads parse returns at once, and share one arena slower.
        _ = c_mallopt(-8 /* M_ARENA_MAX */, 1)
        try reportingErrors {
            let pdf = output.lowercased().hasSuffix(".pdf")
            let target = try OutputGuard.target(output, writing: pdf ? .pdf : .boardPack, inputs: [report] + [style].compactMap { $0 })
            let loaded = try ReportCoding.loadKeepingJSON(contentsOf: URL(fileURLWithPath: report))
            let chosenStyle = try Style.load(optionalPath: style)
            let exporter = BoardPackExporter(report: loaded.report, style: chosenStyle, canonicalJSON: loaded.json)
            if pdf {
                try exporter.writePDF(to: target)
            } else {
                try exporter.write(to: target)
            }
            print("Wrote \(output)")
        }
    }
}

// glibc's, from <malloc.h>, which the Glibc module does not export.
@_silgen_name("mallopt") private func c_mallopt(_ parameter: Int32, _ value: Int32) -> Int32
