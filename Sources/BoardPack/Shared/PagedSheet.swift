import XLSXWriter

/// A sheet written top to bottom that knows where its pages end.
///
/// Board pack sheets print at 100% (never shrunk below the size they were designed at), and
/// every row's height is set from its text, so the pages can be laid out here: a block that must
/// stay together (a table's header with its first rows, a goal with its sub-goals, a chart with
/// its table) starts a new page when it would not fit on this one. Excel ignores manual page
/// breaks on a sheet fitted to the page; these sheets are not fitted, so both programs keep them.
///
/// A heading is held with what follows it (`holdWithNext`): when the block after it starts a new
/// page, the heading goes there too, so no page ends with a heading alone, nor holds only one.
///
/// A sheet can be laid out without being written (`measuring`): the same code runs, and only
/// the pages it would take are counted. That is how themes shorter than a page find out
/// whether they fit on one together (`ThemePages`).
final class PagedSheet {
    /// The sheet written to; nil when only measuring.
    let target: Worksheet?
    /// The sheet written to. Code that also measures writes through `write` instead.
    var sheet: Worksheet {
        guard let target else { preconditionFailure("a measuring PagedSheet has no sheet: write through PagedSheet.write") }
        return target
    }
    /// When measuring: the most pages the layout may take before `Overflow` stops it.
    private let pageLimit: Int?
    /// Points of rows a page holds: A4 between the margins, less a little for rounding.
    let pageHeight: Double
    private(set) var row = 0
    private var used = 0.0
    private(set) var breaks: [Int] = []
    private var overflowed = false
    /// The first row held with what follows, and how much of the page was used before it.
    private var held: (row: Int, usedBefore: Double)?

    static let defaultRowHeight = 15.0

    /// Thrown by a measuring sheet when the layout runs past its page limit.
    struct Overflow: Error {}

    convenience init(_ sheet: Worksheet, landscape: Bool) {
        self.init(target: sheet, landscape: landscape, pageLimit: nil)
    }

    /// A sheet that writes nothing and only counts pages; laying out more than `pageLimit`
    /// pages throws `Overflow` at once, so a long layout costs no more than its first pages.
    static func measuring(landscape: Bool, pageLimit: Int) -> PagedSheet {
        PagedSheet(target: nil, landscape: landscape, pageLimit: pageLimit)
    }

    private init(target: Worksheet?, landscape: Bool, pageLimit: Int?) {
        self.target = target
        self.pageLimit = pageLimit
        // A4 is 595 × 842 points; margins of 0.6 inch above and below take 86.4. Rows are set
        // in points, which LibreOffice keeps to a twentieth: a few points spare cover that.
        pageHeight = (landscape ? 595 : 842) - 86.4 - 4
    }

    /// Room left on the current page.
    var room: Double { pageHeight - used }

    /// Whether nothing has been written on the current page yet.
    var pageIsEmpty: Bool { used == 0 }

    /// Pages laid out so far.
    var pageCount: Int { breaks.count + 1 }

    /// Writes text into the current row across `span` (see `TableGrid.write`); nothing when measuring.
    func write(_ text: String, span: ClosedRange<Int>, format: CellFormat) throws {
        if let target { try TableGrid.write(text, target, row: row, span: span, format: format) }
    }

    /// Starts a new page at the current row unless the page is still empty.
    func newPage() {
        held = nil
        guard used > 0 else { return }
        addBreak(before: row)
        used = 0
    }

    /// Keeps the rows from here (a heading, the blank row under it) with the block that follows:
    /// the next `keep` that starts a page starts it here instead.
    func holdWithNext() {
        if held == nil { held = (row, used) }
    }

    /// Makes sure `height` points fit on the current page, starting a new one if not (before
    /// any heading held with them). A block taller than a page cannot be kept whole: it starts a
    /// new page only if this one is more than half used, and runs on. Returns whether a page was
    /// started, so a table can write its header again at the top of the new one.
    @discardableResult
    func keep(_ height: Double) -> Bool {
        defer { held = nil }
        let heldHeight = held.map { used - $0.usedBefore } ?? 0
        // A page holding only what is held with this block is as good as empty.
        let before = used - heldHeight
        guard before > 0 && used + height > pageHeight else { return false }
        if heldHeight + height > pageHeight && before < pageHeight / 2 { return false }
        if let held, held.row > 0, heldHeight > 0 {
            // The held rows move to the new page with the block.
            addBreak(before: held.row)
            used = heldHeight
            return false
        }
        newPage()
        return true
    }

    private func addBreak(before row: Int) {
        breaks.append(row)
        if let pageLimit, pageCount > pageLimit { overflowed = true }
    }

    /// Sets the current row's height (nil: the default) and moves to the next row.
    /// - Throws: `Overflow` when measuring and the layout has run past its page limit.
    func advance(height: Double? = nil) throws {
        if overflowed { throw Overflow() }
        if let height, let target { try target.setRow(row, height: height) }
        let h = height ?? Self.defaultRowHeight
        // A row that does not fit goes to the next page, as the spreadsheet would put it, and
        // takes with it the rows held with it (a heading above a table's header).
        if used > 0 && used + h > pageHeight {
            if let held, held.row > 0, held.row < row, held.usedBefore > 0 {
                addBreak(before: held.row)
                used -= held.usedBefore
                self.held = (held.row, 0)
            } else {
                newPage()
            }
        }
        used += h
        row += 1
        if overflowed { throw Overflow() }
    }

    /// Skips `count` empty rows of the default height.
    func skip(_ count: Int = 1) throws {
        for _ in 0..<count { try advance() }
    }

    /// Writes the page breaks; call once everything is written.
    func finish() throws {
        try target?.setPageBreaks(beforeRows: breaks)
    }
}
