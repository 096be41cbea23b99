import XLSXWriter

/// A sheet written top to bottom that knows where its pages end.
///
/// Board pack sheets print at 100% (never shrunk below the size they were designed at), and
/// every row's height is set from its text, so the pages can be laid out here: a block that must
/// stay together (a table's header with its first rows, a goal with its sub-goals, a chart with
/// its table) starts a new page when it would not fit on this one. Excel ignores manual page
/// breaks on a sheet fitted to the page; these sheets are not fitted, so both programs keep them.
final class PagedSheet {
    let sheet: Worksheet
    /// Points of rows a page holds: A4 between the margins, less a little for rounding.
    let pageHeight: Double
    private(set) var row = 0
    private var used = 0.0
    private(set) var breaks: [Int] = []

    static let defaultRowHeight = 15.0

    init(_ sheet: Worksheet, landscape: Bool) {
        self.sheet = sheet
        // A4 is 595 × 842 points; margins of 0.6 inch above and below take 86.
        pageHeight = (landscape ? 595 : 842) - 86.4 - 12
    }

    /// Room left on the current page.
    var room: Double { pageHeight - used }

    /// Whether nothing has been written on the current page yet.
    var pageIsEmpty: Bool { used == 0 }

    /// Starts a new page at the current row unless the page is still empty.
    func newPage() {
        guard used > 0 else { return }
        breaks.append(row)
        used = 0
    }

    /// Makes sure `height` points fit on the current page, starting a new one if not. A block
    /// taller than a page cannot be kept whole: it starts a new page only if this one is more
    /// than half used, and runs on. Returns whether a page was started, so a table can write its
    /// header again at the top of the new one.
    @discardableResult
    func keep(_ height: Double) -> Bool {
        guard used > 0 && used + height > pageHeight else { return false }
        if height > pageHeight && used < pageHeight / 2 { return false }
        newPage()
        return true
    }

    /// Sets the current row's height (nil: the default) and moves to the next row.
    func advance(height: Double? = nil) throws {
        if let height { try sheet.setRow(row, height: height) }
        let h = height ?? Self.defaultRowHeight
        // A row that does not fit goes to the next page, as the spreadsheet would put it.
        if used > 0 && used + h > pageHeight { newPage() }
        used += h
        row += 1
    }

    /// Skips `count` empty rows of the default height.
    func skip(_ count: Int = 1) throws {
        for _ in 0..<count { try advance() }
    }

    /// Writes the page breaks; call once everything is written.
    func finish() throws {
        try sheet.setPageBreaks(beforeRows: breaks)
    }
}
