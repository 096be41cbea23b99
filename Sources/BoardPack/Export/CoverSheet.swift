import ReportModel
import XLSXWriter

/// The first sheet, printed portrait: what the pack is, who wrote it, the introductions, and
/// links to every other sheet.
struct CoverSheet {
    let report: Report
    let palette: Palette
    let names: BoardPackExporter.SheetPlan

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let style = palette.style
        let labels = style.labels
        // LibreOffice never wraps a link's text, so the first column is as wide as the longest
        // sheet name the contents link to.
        let total = style.widths.coverLabel + style.widths.coverText
        let longest = contents.map { TextHeight.width(of: $0.shown, fontSize: style.fonts.size) }.max() ?? 0
        let label = min(total / 2, max(style.widths.coverLabel, longest))
        let grid = TableGrid([([label, total - label], [1])], total: total, landscape: false)
        let (labelWidth, textWidth) = (grid.widths[0], grid.widths[1])
        let size = style.fonts.size
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let pages = PagedSheet(sheet, landscape: false)

        func line(_ text: String, _ format: CellFormat, fontSize: Double) throws {
            try sheet.merge(rows: pages.row...pages.row, cols: 0...1, text: text, format: format.with { $0.wrap = true })
            let height = TextHeight.points(for: text, widthInCharacters: labelWidth + textWidth, fontSize: fontSize, bold: format.bold)
            try pages.advance(height: max(height, fontSize * 1.8))
        }
        try line(report.title, palette.title, fontSize: style.fonts.titleSize)
        try line(report.board, palette.heading, fontSize: style.fonts.headingSize)
        try line(PeriodWording.line(report.period), palette.subtitle, fontSize: size)
        try pages.skip()
        // Before anything it qualifies: what is illustrative, reconstructed or inferred, and why.
        if !report.caveats.isEmpty {
            try field(labels.caveats, report.caveats.map(\.line).joined(separator: "\n"), format: palette.caveat, bold: true)
            try pages.skip()
        }

        func field(_ label: String, _ value: String?, format: CellFormat? = nil, bold: Bool = false) throws {
            guard let value, !value.isEmpty else { return }
            let height = TextHeight.points(for: value, widthInCharacters: textWidth, fontSize: size, bold: bold)
            pages.keep(height)
            try sheet.write(label, row: pages.row, col: 0, format: palette.label)
            try sheet.write(value, row: pages.row, col: 1, format: format ?? palette.wrapped)
            try pages.advance(height: height)
        }
        try field(labels.authors, report.authors.map { author in author.organisation.map { "\(author.name) (\($0))" } ?? author.name }.joined(separator: ", "))
        try field(labels.produced, PackDate.line(report))
        try field(labels.presentedTo, report.audience)
        try pages.skip()

        // The contents come before the long introductions, so they are on the first page.
        let entries = contents
        let heights = entries.map { TextHeight.points(for: $0.description, widthInCharacters: textWidth, fontSize: size) }
        try sheet.write(labels.contents, row: pages.row, col: 0, format: palette.heading)
        try pages.advance(height: 22)
        for ((name, shown, description), height) in zip(entries, heights) {
            try sheet.writeLink(toSheet: name, text: shown, row: pages.row, col: 0, format: palette.link.with { $0.wrap = true })
            try sheet.write(description, row: pages.row, col: 1, format: palette.wrapped)
            try pages.advance(height: max(height, TextHeight.points(for: shown, widthInCharacters: labelWidth, fontSize: size)))
        }
        try pages.skip()

        // What the board is asked, with the proposals behind it (the at-a-glance page lists them first).
        for decision in report.decisions {
            try field(Decisions.kind(decision.kind, labels), Wording.paragraphs([Decisions.line(decision)] + decision.detail))
        }
        if !report.decisions.isEmpty { try pages.skip() }
        try field(labels.about, report.description)
        try field(labels.introduction, Wording.paragraphs(report.introduction))
        try field(labels.themesIntroduction, Wording.paragraphs(report.themesIntroduction))
        try field(labels.principles, report.principles.joined(separator: ", "))
        try field(labels.priorityGroups, report.priorityGroups.joined(separator: ", "))
        try sheet.setUpPrinting(page.setup())
        try pages.finish()
    }

    /// Each line of the contents: the sheet it links to, the link's text, and what is there.
    /// A theme sharing a sheet is listed by its own name, linking to the sheet it shares.
    private var contents: [(sheet: String, shown: String, description: String)] {
        let labels = palette.style.labels
        var out: [(String, String, String)] = [(names.glance, names.glance, "What the board is asked, the returns, the goals that need attention, what changed and the headline figures")]
        if let name = names.summary { out.append((name, name, labels.statusByTheme)) }
        if let name = names.statistics { out.append((name, name, report.statistics.map(\.heading).joined(separator: "; "))) }
        for (theme, name) in zip(report.themes, names.themes) {
            var parts = [Wording.plural(theme.measures.count, "headline measure"), Wording.plural(theme.countedGoals.count, "goal")]
            let proposed = theme.countedProposedGoals.count
            if proposed > 0 { parts.append("\(proposed) proposed") }
            var alone = SheetNamer()
            out.append((name, alone.name(for: theme.shortName ?? theme.heading), "\(theme.heading): " + parts.joined(separator: ", ")))
        }
        if let name = names.risks { out.append((name, name, Wording.plural(report.risks.count, "risk") + " to the plan, with owners and mitigation")) }
        if let name = names.history { out.append((name, name, "Every goal's status in each period it was rated")) }
        return out
    }
}
