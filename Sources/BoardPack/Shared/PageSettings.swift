import ReportModel
import XLSXWriter

/// The print settings every sheet shares: A4, one page wide, and a footer with the title, the
/// period, the page number and when the report was produced (the paper's own date, never the
/// day it happens to be printed).
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
        let room = landscape ? 60 : 38
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&&") }
        let produced = report.produced.map(\.line).joined(separator: " / ")
        let text = style.footer.replacingOccurrences(of: "{title}", with: escape(cut(title, room)))
            .replacingOccurrences(of: "{period}", with: escape(report.period.label))
            .replacingOccurrences(of: "{produced}", with: escape(cut(produced, room)))
        footer = String(text.prefix(255))
        self.landscape = landscape
    }

    func setup(repeating rows: ClosedRange<Int>? = nil) -> PageSetup {
        var setup = PageSetup()
        setup.landscape = landscape
        setup.paper = PageSetup.a4
        setup.fitWidth = 1
        setup.fitHeight = 0
        setup.repeatRows = rows
        setup.footer = footer
        return setup
    }
}
