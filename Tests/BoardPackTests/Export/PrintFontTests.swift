@testable import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// A PDF needs the font its pages were laid out for (issue 19.1): on a machine whose fontconfig
/// has no Arial nor Liberation Sans, `export -o pack.pdf` refuses with what to install and
/// writes nothing, instead of a pack cut at every page's edge.
@Suite struct PrintFontTests {
    let scratch = TemporaryFolder()

    @Test func withoutLiberationFontsExportToPDFRefusesWithTheInstallHint() throws {
        // A fontconfig that knows only the DejaVu fonts.
        let conf = scratch.file("fonts.conf")
        try Data("""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>\(scratch.file("cache").path)</cachedir></fontconfig>
            """.utf8).write(to: conf)
        let pdf = scratch.file("pack.pdf")
        let result = try boardpack(["export", Examples.url(Examples.kent).path, "-o", pdf.path], environment: ["FONTCONFIG_FILE": conf.path])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("\(pdf.path): printing to PDF needs the font Arial, or Liberation Sans which has its widths, but this machine would print Arial as DejaVu"))
        #expect(result.err.contains("apt-get install fonts-liberation2"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test func aPDFPrintedInAnotherFontIsRefusedAFallbackBesideArialsTwinIsNot() {
        func pdf(_ fonts: [String]) -> Data { Data(fonts.map { "<< /Type /Font /BaseFont /\($0) >>" }.joined(separator: "\n").utf8) }
        #expect(PrintFont.families(inPDF: pdf(["BAAAAA+LiberationSans-Bold", "CAAAAA+DejaVuSans"])) == ["liberationsans", "dejavusans"])
        #expect(PrintFont.problem(inPDF: pdf(["BAAAAA+LiberationSans", "CAAAAA+DejaVuSans"]), family: "Arial") == nil, "a fallback for one character")
        #expect(PrintFont.problem(inPDF: pdf(["ArialMT", "Arial-BoldMT"]), family: "Arial") == nil, "Arial itself, as a PDF names it")
        #expect(PrintFont.problem(inPDF: pdf(["DAAAAA+DejaVuSans-Bold", "BAAAAA+DejaVuMathTeXGyre-Regular"]), family: "Arial")?.contains("fonts-liberation2") == true)
        #expect(PrintFont.isMetricTwin("Liberation Sans") && PrintFont.isMetricTwin("Arimo") && !PrintFont.isMetricTwin("DejaVu Sans"))
    }
}
