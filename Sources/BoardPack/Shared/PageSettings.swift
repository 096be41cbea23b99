import ReportModel
import XLSXWriter

/// The print settings every sheet shares: A4, and a footer with the title, the period, the page
/// number, when the report was produced (the paper's own date, never the day it happens to be
/// printed; see `PackDate`) and, on a line of its own, the report's caveats. Sheets print at
/// 100%: each is laid out for the page, and a sheet shrunk to fit prints text too small to read.
struct PageSettings {
    let footer: String
    let landscape: Bool

    /// - Parameters:
    ///   - title: the footer's left part: the report's title, or "Return from JPPB".
    ///   - caveatsAt: where the caveats are given in full ("the cover"), to point the footer's line to.
    init(title: String, report: Report, style: Style, landscape: Bool = true, caveatsAt: String? = "the cover") {
        // The left and right parts share the line with the page number: long text is cut at a
        // word so they never overlap, and the whole stays within Excel's 255 characters.
        func cut(_ text: String, _ limit: Int) -> String { Wording.cut(text, to: limit) }
        // Characters of 9-point text that fit beside the centred page number.
        let room = landscape ? 72 : 44
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&&") }
        let produced = PackDate.line(report) ?? ""
        let titleRoom = max(12, room - (style.footer.contains("{period}") ? report.period.label.count + 3 : 0))
        // Caveats go on every page: a style whose footer does not place them gets them at its end.
        var text = style.footer.contains(Self.caveatsField) ? style.footer : style.footer + Self.caveatsField
        for (field, value) in [("{title}", cut(title, titleRoom)), ("{period}", report.period.label), ("{produced}", cut(produced, room))] {
            text = Self.fill(text, field, with: escape(value))
        }
        // A line of its own under the page number, cut to the page's width and to what Excel's
        // 255 characters leave.
        var caveats = ""
        if !report.caveats.isEmpty {
            let budget = 255 - (text.count - Self.caveatsField.count) - 6
            let shorts = report.caveats.enumerated().map { i, caveat in i == 0 ? caveat.short : caveat.short.prefix(1).lowercased() + caveat.short.dropFirst() }
            let words = shorts.joined(separator: "; ") + (caveatsAt.map { ": see \($0)" } ?? "")
            caveats = "\n&I" + escape(cut(words, min(landscape ? 140 : 95, budget))) + "&I"
        }
        text = text.replacingOccurrences(of: Self.caveatsField, with: caveats)
        if !caveats.isEmpty { text = Self.twoLines(text) }
        footer = String(text.prefix(255))
        self.landscape = landscape
    }

    /// Where the footer template places the report's caveats (see `Caveat.short`).
    static let caveatsField = "{caveats}"

    /// `footer` with every section of one line given a second, empty one: LibreOffice centres a
    /// one-line section against a two-line one, and the caveats' line, wider than its section,
    /// then ran through the title beside it.
    static func twoLines(_ footer: String) -> String {
        var out = "", section = ""
        func close() {
            // A no-break space on the second line: LibreOffice drops a line break, or a space, that
            // ends the footer.
            if !section.isEmpty && !section.contains("\n") { section += "\n\u{00A0}" }
            out += section
            section = ""
        }
        var characters = Array(footer)[...]
        while let c = characters.first {
            characters = characters.dropFirst()
            if c == "&", let code = characters.first {
                characters = characters.dropFirst()
                if "LCR".contains(code) { close(); out += "&\(code)"; continue }
                section += "&\(code)"  // "&&", "&P", "&9", "&I"...
                continue
            }
            section.append(c)
        }
        close()
        return out
    }

    /// `template` with each `field` replaced by `value`. A font size code just before the field
    /// ("&9{produced}") would run on into a value starting with a digit ("&92019" asks for a
    /// 92,019-point font), so such a value is set off by a space.
    static func fill(_ template: String, _ field: String, with value: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let range = rest.range(of: field) {
            let before = rest[..<range.lowerBound]
            out += before
            let digits = (out as String).reversed().prefix { $0.isASCII && $0.isNumber }
            let afterSizeCode = !digits.isEmpty && out.dropLast(digits.count).hasSuffix("&")
            out += (afterSizeCode && value.first?.isNumber == true ? " " : "") + value
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    /// - Parameters:
    ///   - fitToWidth: shrink the sheet to the page's width if it is wider (only for a sheet
    ///     whose width boardpack does not control, such as a return's measures).
    ///   - runningHead: what the sheet is, printed small at the top of every page, so a page a
    ///     table runs onto still says whose table it is ("2.1 Accommodation").
    func setup(repeating rows: ClosedRange<Int>? = nil, fitToWidth: Bool = false, runningHead: String? = nil) -> PageSetup {
        var setup = PageSetup()
        setup.landscape = landscape
        setup.paper = PageSetup.a4
        setup.margins = (0.5, 0.5, 0.6, 0.6)
        (setup.fitWidth, setup.fitHeight) = fitToWidth ? (1, 0) : (0, 0)
        setup.repeatRows = rows
        setup.footer = footer
        setup.header = runningHead.map { "&L&9&I" + String($0.replacingOccurrences(of: "&", with: "&&").prefix(200)) }
        return setup
    }
}
