import ReportModel
import XLSXWriter

/// The print settings every sheet shares: A4 landscape, one page wide, a footer with the
/// report, the page number and the date.
struct PageSettings {
    let footer: String

    init(report: Report, style: Style) {
        // The footer's left part shares the line with the page number: a long title is cut at a
        // word so the two never overlap, and the whole stays within Excel's 255 characters.
        let title = SheetNamer.shorten(report.title, to: 60)
        let shortened = title == report.title ? title : title + "…"
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&&") }
        let text = style.footer.replacingOccurrences(of: "{title}", with: escape(shortened))
            .replacingOccurrences(of: "{period}", with: escape(report.period.label))
        footer = String(text.prefix(255))
    }

    func setup(repeating rows: ClosedRange<Int>?) -> PageSetup {
        var setup = PageSetup()
        setup.landscape = true
        setup.paper = PageSetup.a4
        setup.fitWidth = 1
        setup.fitHeight = 0
        setup.repeatRows = rows
        setup.footer = footer
        return setup
    }
}
