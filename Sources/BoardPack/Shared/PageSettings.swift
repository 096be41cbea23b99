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
        func cut(_ text: String, _ limit: Int) -> String {
            let short = SheetNamer.shorten(text, to: limit)
            return short == text ? text : short + "…"
        }
        // Characters of 9-point text that fit beside the centred page number.
        let room = landscape ? 72 : 44
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&&") }
        let produced = report.produced.map(\.line).joined(separator: " / ")
        let titleRoom = max(12, room - (style.footer.contains("{period}") ? report.period.label.count + 3 : 0))
        let text = style.footer.replacingOccurrences(of: "{title}", with: escape(cut(title, titleRoom)))
            .replacingOccurrences(of: "{period}", with: escape(report.period.label))
            .replacingOccurrences(of: "{produced}", with: escape(cut(produced, room)))
        footer = String(text.prefix(255))
        self.landscape = landscape
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
