import ChildProcess
import Foundation
import ReportModel

/// A board pack as a PDF, printed by LibreOffice (headless), for `boardpack export -o board.pdf`.
///
/// LibreOffice runs on a profile of its own in a temporary folder (so it never joins a copy the
/// user has open), in a process group of its own that is ended whole afterwards, and is given
/// five minutes. It must print in the font the pages were laid out for (`PrintFont`): without
/// it the command refuses, with the package to install, rather than write a PDF cut at its edges.
public enum PDFRendering {
    /// Where LibreOffice is: `BOARDPACK_SOFFICE` if set, else `soffice` or `libreoffice` on the
    /// PATH, else where Debian and macOS install it.
    public static func soffice(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["BOARDPACK_SOFFICE"] {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let path = (environment["PATH"] ?? "").split(separator: ":").flatMap { folder in
            ["soffice", "libreoffice"].map { "\(folder)/\($0)" }
        }
        return (path + ["/usr/lib/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let notInstalled = """
        making a PDF needs LibreOffice, which is not installed (or set BOARDPACK_SOFFICE to its soffice): \
        apt-get install libreoffice-calc on Debian or Ubuntu, brew install --cask libreoffice on a Mac; \
        or export to .xlsx and print that
        """

    /// Writes the workbook `write` makes, printed to PDF, atomically at `url`.
    /// - Parameter font: the workbook's font, which LibreOffice must be able to print (`PrintFont`).
    static func render(to url: URL, font: String, _ write: (URL) throws -> Void) throws {
        guard let soffice = soffice() else { throw Failure(description: "\(url.path): \(notInstalled)") }
        if let problem = PrintFont.problem(printing: font) { throw Failure(description: "\(url.path): \(problem)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".xlsx")
        try write(workbook)
        let child = try ChildProcess(soffice, [
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore", "--nologo",
            "--convert-to", "pdf", "--outdir", folder.path, workbook.path,
        ], environment: ["TMPDIR": folder.path])
        let finished = child.readToEnd(seconds: 300)
        if finished == nil { child.killGroup(SIGKILL) }
        let status = child.waitForExit()
        child.killGroup(SIGKILL)  // anything it left running
        let pdf = workbook.deletingPathExtension().appendingPathExtension("pdf")
        guard finished != nil, status == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            let said = finished.map { String(decoding: $0.errors + $0.output, as: UTF8.self) } ?? "it did not finish in 5 minutes"
            throw Failure(description: "\(url.path): LibreOffice could not print the board pack (\(Whitespace.trimmed(said)))")
        }
        let printed = try Data(contentsOf: pdf)
        if let problem = PrintFont.problem(inPDF: printed, family: font) { throw Failure(description: "\(url.path): \(problem)") }
        try AtomicFile.write(printed, to: url)
    }
}

extension BoardPackExporter {
    /// Writes the board pack printed to PDF (see `PDFRendering`), atomically: on any error
    /// nothing is left at `url`.
    public func writePDF(to url: URL) throws {
        try checkReport()
        try PDFRendering.render(to: url, font: style.fonts.name) { try write(to: $0) }
    }
}
