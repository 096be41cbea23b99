import Foundation
import XLSXWriter

/// The theme sheets. A theme starts a sheet of its own, and a sheet starts a printed page, so a
/// plan of small themes printed a page each at a fifth full (the plan refresh: five pages of
/// one short table each). Consecutive themes that fit on one page together therefore share a
/// sheet, one after another, each under its own title; a theme longer than a page keeps its
/// sheet. Whether they fit is found by laying them out on a measuring `PagedSheet` with the
/// very code that writes them, on the grid they would share, so the plan is never a guess.
struct ThemePages {
    let themes: [ThemeSheet]

    /// Between the running heads' theme headings of a shared sheet.
    static let headingSeparator = " · "

    /// The themes, by index, in runs that each take a sheet: a run of more than one fits on a page.
    func runs() -> [Range<Int>] {
        guard !themes.isEmpty else { return [] }
        var runs: [Range<Int>] = []
        var start = 0
        for t in themes.indices.dropFirst() where !fitOnOnePage(start...t) {
            runs.append(start..<t)
            start = t
        }
        runs.append(start..<themes.count)
        return runs
    }

    /// The name a run's sheet asks for: a theme's short name, or those of the run joined, the
    /// longest cut a word at a time until they fit ("Finance, Benefits… & IOM"), so that each
    /// theme is still found by its name on the tab.
    func sheetName(_ run: Range<Int>) -> String {
        var names = themes[run].map { $0.theme.shortName ?? $0.theme.heading }
        guard names.count > 1 else { return names[0] }
        func joined() -> String { names.dropLast().joined(separator: ", ") + " & " + names.last! }
        while joined().count > SheetNamer.maxLength,
            let i = names.indices.filter({ names[$0].contains(" ") }).max(by: { names[$0].count < names[$1].count })
        {
            var words = names[i].replacingOccurrences(of: "…", with: "").split(separator: " ").dropLast()
            // Not "Finance, Benefits and…": a little word left at the end goes with the cut.
            while words.count > 1, let last = words.last, last.count <= 3, last.first?.isLowercase == true { words.removeLast() }
            names[i] = words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters) + "…"
        }
        return joined()
    }

    /// Writes a run of themes on `sheet`.
    func write(_ run: Range<Int>, to sheet: Worksheet, page: PageSettings) throws {
        let grid = self.grid(run)
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let pages = PagedSheet(sheet, landscape: true)
        try layOut(run, on: pages, grid: grid)
        // A theme alone keeps its title in view as its table is scrolled; a shared sheet is one page.
        if run.count == 1 { sheet.freezePanes(row: 2) }
        let head = themes[run].map(\.theme.heading).joined(separator: Self.headingSeparator)
        try sheet.setUpPrinting(page.setup(runningHead: head))
        try pages.finish()
    }

    /// The columns the run's tables share: each table keeps its own widths (`TableGrid`).
    private func grid(_ run: some RangeExpression<Int>) -> TableGrid {
        let widths = themes[0].widths
        return TableGrid(themes[run].flatMap(\.tables), total: widths.page)
    }

    /// The run's themes one after another, a blank row between them.
    private func layOut(_ run: Range<Int>, on pages: PagedSheet, grid: TableGrid) throws {
        for (i, t) in run.enumerated() {
            if i > 0 { try pages.skip() }
            try themes[t].write(pages, grid: grid, spans: Array(grid.spans[(2 * i)...(2 * i + 1)]))
        }
    }

    private func fitOnOnePage(_ run: ClosedRange<Int>) -> Bool {
        let pages = PagedSheet.measuring(landscape: true, pageLimit: 1)
        // A run of more rows than a page holds at their least is not laid out to find that out.
        let leastRows = themes[run].map(\.leastRows).reduce(0, +)
        guard Double(leastRows) * TextHeight.height(lines: 1, fontSize: themes[0].fontSize) <= pages.pageHeight else { return false }
        do {
            try layOut(Range(run), on: pages, grid: grid(run))
            return pages.pageCount == 1
        } catch {
            // Overflow: measuring writes nothing, so nothing else is thrown.
            return false
        }
    }
}
