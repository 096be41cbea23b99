import ReportModel
import XLSXWriter

/// A published statistics table with its source and explanatory notes.
struct StatisticsSheet {
    let table: StatisticsTable
    let palette: Palette

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let style = palette.style
        let lastCol = max(1, table.columns.count)
        try sheet.setColumns(0...0, width: style.widths.statisticsLabel)
        try sheet.setColumns(1...lastCol, width: style.widths.statisticsValue)
        sheet.hideGridlines()

        let title = BoardPackLayout.titleRow
        try sheet.merge(rows: title...title, cols: 0...lastCol, text: table.heading, format: palette.title)
        try sheet.setRow(title, height: style.fonts.titleSize * 1.8)
        let headerRow = BoardPackLayout.statisticsHeaderRow
        let first = BoardPackLayout.statisticsFirstValueColumn
        try sheet.writeBlank(row: headerRow, col: 0, format: palette.header)
        for (i, column) in table.columns.enumerated() {
            try sheet.write(column, row: headerRow, col: first + i, format: palette.header.with { $0.horizontal = .right })
        }
        var row = headerRow + 1
        for statisticsRow in table.rows {
            try sheet.write(statisticsRow.label, row: row, col: 0, format: palette.text)
            for (i, value) in statisticsRow.values.enumerated() {
                try ValueCell.write(value, to: sheet, row: row, col: first + i, palette: palette)
            }
            row += 1
        }
        if table.rows.contains(where: { $0.values.contains { $0?.significant == true } }) {
            try sheet.write(style.labels.significant, row: row, col: 0, format: palette.note)
            row += 1
        }
        row += 1
        if let source = table.source {
            try sheet.merge(rows: row...row, cols: 0...lastCol, text: "\(style.labels.source) = \(source)", format: palette.note)
            row += 2
        }
        let width = style.widths.statisticsLabel + Double(lastCol) * style.widths.statisticsValue
        for note in table.notes {
            try sheet.merge(rows: row...row, cols: 0...lastCol, text: note, format: palette.wrapped)
            try sheet.setRow(row, height: TextHeight.points(for: note, widthInCharacters: width, fontSize: style.fonts.size))
            row += 2
        }
        sheet.freezePanes(row: headerRow + 1)
        try sheet.setUpPrinting(page.setup(repeating: headerRow...headerRow))
    }
}
