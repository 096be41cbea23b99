import ChildProcess
import ReportModel
import Foundation

/// The font a PDF of the pack must be printed in. Boardpack lays every page out with Arial's
/// character widths (`TextHeight`), so LibreOffice must print with Arial or a font of the same
/// widths (Liberation Sans, Arimo): with another, every line runs longer, text is cut at the
/// page's edge and a 21-page pack prints on 46. Checked twice: what fontconfig resolves the
/// style's font to before LibreOffice starts, and the fonts the PDF was printed in after.
enum PrintFont {
    /// Families with Arial's widths, as fontconfig and PDF font names spell them (lower case,
    /// without spaces).
    static let metricTwins: Set<String> = ["arial", "liberationsans", "arimo"]

    static let installHint = """
        apt-get install fonts-liberation2 on Debian or Ubuntu (Liberation Sans has Arial's widths), \
        or install Arial; or export to .xlsx and print that
        """

    /// What fontconfig gives for `family`, or nil when it cannot be asked (no `fc-match`).
    static func resolved(_ family: String) -> String? {
        guard let fcMatch = ["/usr/bin/fc-match", "/usr/local/bin/fc-match", "/opt/homebrew/bin/fc-match"]
            .first(where: FileManager.default.isExecutableFile(atPath:))
        else { return nil }
        guard let out = try? run(fcMatch, ["-f", "%{family}", family], timeout: 30) else { return nil }
        // "Liberation Sans,Liberation Sans Regular": the first name is the family's own.
        return String(decoding: out, as: UTF8.self).split(separator: ",").first.map { Whitespace.trimmed(String($0)) }
    }

    /// Whether `family` has Arial's widths: a PDF may name Arial "ArialMT", Liberation Sans
    /// "LiberationSans", so a name starting with one of the twins' counts.
    static func isMetricTwin(_ family: String) -> Bool {
        let key = family.lowercased().filter { !$0.isWhitespace }
        return metricTwins.contains { key.hasPrefix($0) }
    }

    /// Why the pack cannot be printed with `family` on this machine, or nil when it can (or
    /// fontconfig cannot say).
    static func problem(printing family: String) -> String? {
        guard let found = resolved(family), !isMetricTwin(found) else { return nil }
        return "printing to PDF needs the font \(family), or Liberation Sans which has its widths, but this machine would print \(family) as \(found) and cut every page's text: \(installHint)"
    }

    /// The font families a PDF names (its /BaseFont entries, without subset prefix or style).
    static func families(inPDF data: Data) -> Set<String> {
        let text = String(decoding: data, as: UTF8.self)
        var out = Set<String>()
        var rest = Substring(text)
        while let range = rest.range(of: "/BaseFont") {
            rest = rest[range.upperBound...]
            let name = rest.drop { $0 == " " || $0 == "/" }.prefix { !" /\n\r<>[]()".contains($0) }
            // "BAAAAA+LiberationSans-Bold" → "liberationsans"
            let base = name.split(separator: "+").last.map(String.init) ?? String(name)
            out.insert((base.split(separator: "-").first.map(String.init) ?? base).lowercased())
        }
        return out
    }

    /// Why a printed PDF cannot be trusted: none of its fonts has Arial's widths (a fallback font
    /// for a character Liberation Sans lacks is fine, beside it).
    static func problem(inPDF data: Data, family: String) -> String? {
        let families = families(inPDF: data)
        guard !families.isEmpty, !families.contains(where: isMetricTwin) else { return nil }
        return "LibreOffice printed the pack in \(families.sorted().joined(separator: ", ")), not \(family) or a font of its widths, so its pages would be cut: \(installHint)"
    }
}
