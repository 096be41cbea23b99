import ReportModel
import XLSXWriter

/// The print settings every sheet shares: A4, and a footer with the title, the period, the page
/// number and when the report was produced (the paper's own date, never the day it happens to be
/// printed). Sheets print at 100%: each is laid out for the page, and a sheet shrunk to fit
/// prints text too small to read.
struct PageSettings {
    let footer: String
    let landscape: Bool

    /// - Parameter title: the footer's left part: the report's title, or "Return from JPPB".
    init(title: String, report: Report, style: Style, landscape: Bool = true) {
        // The left and right parts share the line with the page number: long text is cut at a
        // word so they never overlap, and the whole stays within Excel's 255 characters.
        func cut(_ text: String, _ limit: Int) -> String { Wording.cut(text, to: limit) }
        // Characters of 9-point text that fit beside the centred page number.
        let room = landscape ? 72 : 44
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&&") }
        let produced = report.produced.map(\.line).joined(separator: " / ")
        let titleRoom = max(12, room - (style.footer.contains("{period}") ? report.period.label.count + 3 : 0))
        var text = style.footer
        for (field, value) in [("{title}", cut(title, titleRoom)), ("{period}", report.period.label), ("{produced}", cut(produced, room))] {
            text = Self.fill(text, field, with: escape(value))
        }
        footer = String(text.prefix(255))
        self.landscape = landscape
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

    /// - Parameter fitToWidth: shrink the sheet to the page's width if it is wider (only for a
    ///   sheet whose width boardpack does not control, such as a return's measures).
    func setup(repeating rows: ClosedRange<Int>? = nil, fitToWidth: Bool = false) -> PageSetup {
        var setup = PageSetup()
        setup.landscape = landscape
        setup.paper = PageSetup.a4
        setup.margins = (0.5, 0.5, 0.6, 0.6)
        (setup.fitWidth, setup.fitHeight) = fitToWidth ? (1, 0) : (0, 0)
        setup.repeatRows = rows
        setup.footer = footer
        return setup
    }
}
