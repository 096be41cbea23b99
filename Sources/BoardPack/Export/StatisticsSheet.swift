import ReportModel
import XLSXWriter

/// The published statistics tables, together on one sheet: each table kept whole on a page, with
/// its source, a trend line beside each row of three or more figures, and each explanatory note
/// printed once, after the last table it belongs to (tables 1.1 and 1.2 of the Kent report share
/// one).
struct StatisticsSheet {
    let tables: [StatisticsTable]
    let palette: Palette
    let trends: TrendFigures

    private var style: Style { palette.style }

    func write(_ sheet: Worksheet, title: String, page: PageSettings) throws {
        let columns = max(1, tables.map(\.columns.count).max() ?? 1)
        let drawsTrends = tables.contains { table in table.rows.contains { TrendFigures.worthDrawing(Self.drawn($0, of: table)) } }
        let trendWidth = drawsTrends ? style.widths.trend : 0
        let widest = tables.flatMap { $0.rows.flatMap { $0.values.compactMap { $0?.text } } }
            .map { TextHeight.width(of: $0, fontSize: style.fonts.size, bold: true, indent: 1) }.max() ?? 0
        let valueWidth = max(widest, min(16, (style.widths.page - style.widths.statisticsLabel - trendWidth) / Double(columns)))
        let grid = TableGrid(
            [([style.widths.statisticsLabel] + [Double](repeating: valueWidth, count: columns) + (drawsTrends ? [trendWidth] : []), [0])],
            total: style.widths.page)
        try grid.setColumns(on: sheet)
        let labelWidth = grid.widths[0]
        let lastCol = drawsTrends ? columns + 1 : columns
        sheet.hideGridlines()
        let pages = PagedSheet(sheet, landscape: true)
        let size = style.fonts.size

        pages.holdWithNext()
        try sheet.merge(rows: 0...0, cols: 0...lastCol, text: title, format: palette.title)
        try pages.advance(height: style.fonts.titleSize * 1.8)
        try pages.skip()
        let first = BoardPackLayout.statisticsFirstValueColumn
        for (t, table) in tables.enumerated() {
            let header = TextHeight.points(table.columns.map { ($0, grid.widths[1]) }, fontSize: size, bold: true)
            let rows = table.rows.map { TextHeight.points(for: $0.label, widthInCharacters: labelWidth, fontSize: size) }
            let lines = table.rows.map { Self.drawn($0, of: table) }
            let scales = TrendFigures.scales(lines)
            let significant = table.rows.contains { $0.values.contains { $0?.significant == true } }
            let source = table.source.map { "\(style.labels.source) = \($0)" }
            let sourceHeight = source.map { TextHeight.points(for: $0, widthInCharacters: style.widths.page, fontSize: size) } ?? 0
            // Notes shared with a later table wait for that table.
            let notes = table.notes.filter { note in !tables[(t + 1)...].contains { $0.notes.contains(note) } }
            let noteHeights = notes.map { TextHeight.points(for: $0, widthInCharacters: style.widths.page, fontSize: size) }
            pages.keep(22 + header + rows.reduce(0, +) + (significant ? 18 : 0) + sourceHeight)

            try sheet.write(table.heading, row: pages.row, col: 0, format: palette.heading)
            try pages.advance(height: 22)
            try sheet.writeBlank(row: pages.row, col: 0, format: palette.header)
            for (i, column) in table.columns.enumerated() {
                try sheet.write(column, row: pages.row, col: first + i, format: palette.header.with { $0.horizontal = .right; $0.indent = 1 })
            }
            if drawsTrends { try sheet.write(style.labels.trend, row: pages.row, col: lastCol, format: palette.header) }
            try pages.advance(height: header)
            for (r, (statisticsRow, height)) in zip(table.rows, rows).enumerated() {
                let row = pages.row
                try sheet.write(statisticsRow.label, row: row, col: 0, format: palette.text)
                for (i, value) in statisticsRow.values.enumerated() {
                    try ValueCell.write(value, to: sheet, row: row, col: first + i, palette: palette)
                }
                if drawsTrends {
                    try sheet.writeBlank(row: row, col: lastCol, format: palette.text)
                    if let scale = scales[r] {
                        try trends.draw(lines[r], in: sheet, row: row, col: lastCol, width: grid.widths[lastCol], height: max(height, 22), scale: scale)
                    }
                }
                try pages.advance(height: max(height, drawsTrends ? 22 : 18))
            }
            if significant {
                try sheet.write(style.labels.significant, row: pages.row, col: 0, format: palette.note.with { $0.wrap = false })
                try pages.advance(height: 18)
            }
            if let source {
                try sheet.merge(rows: pages.row...pages.row, cols: 0...lastCol, text: source, format: palette.note)
                try pages.advance(height: sourceHeight)
            }
            try pages.skip()
            for (note, height) in zip(notes, noteHeights) {
                pages.keep(height)
                try sheet.merge(rows: pages.row...pages.row, cols: 0...lastCol, text: note, format: palette.wrapped)
                try pages.advance(height: height)
            }
            if !notes.isEmpty { try pages.skip() }
        }
        try sheet.setUpPrinting(page.setup(runningHead: title))
        try pages.finish()
    }

    /// What a row's sparkline joins: its figures of periods as long as its latest.
    static func drawn(_ row: StatisticsRow, of table: StatisticsTable) -> [Value?] {
        TrendFigures.drawn(row.values, periods: table.columns)
    }
}
