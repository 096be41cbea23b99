import ReportModel
import XLSXWriter

/// Goal statuses counted per theme, as a table and a chart, and headline measures against target.
struct SummarySheet {
    let report: Report
    let palette: Palette
    let sheetName: String

    func write(_ sheet: Worksheet, page: PageSettings, workbook: Workbook) throws {
        let style = palette.style
        let labels = style.labels
        let statuses = report.scheme.statuses
        try sheet.setColumns(0...0, width: style.widths.goal)
        try sheet.setColumns(1...(statuses.count + 2), width: style.widths.status)
        sheet.hideGridlines()

        var row = 0
        try sheet.merge(rows: 0...0, cols: 0...(statuses.count + 2), text: labels.summary, format: palette.title)
        try sheet.setRow(0, height: style.fonts.titleSize * 1.8)
        row = 2
        try sheet.write(labels.statusByTheme, row: row, col: 0, format: palette.heading)
        row += 1

        // Status table: one column per status, then "Not rated" and the total.
        let headerRow = row
        try sheet.write(labels.theme, row: row, col: 0, format: palette.header)
        for (i, status) in statuses.enumerated() {
            try sheet.write(status.name, row: row, col: i + 1, format: palette.status(status))
        }
        try sheet.write(labels.notRated, row: row, col: statuses.count + 1, format: palette.header)
        try sheet.write(labels.total, row: row, col: statuses.count + 2, format: palette.header)
        row += 1
        let count = palette.number.with { $0.numberFormat = "0" }
        var totals = [Int](repeating: 0, count: statuses.count + 2)
        for theme in report.themes {
            let goals = theme.countedGoals
            var counts = statuses.map { s in goals.filter { $0.status == s.name }.count }
            counts.append(goals.filter { $0.status == nil }.count)
            counts.append(goals.count)
            try sheet.write(theme.heading, row: row, col: 0, format: palette.text)
            for (i, n) in counts.enumerated() {
                try sheet.write(Double(n), row: row, col: i + 1, format: count)
                totals[i] += n
            }
            row += 1
        }
        let firstThemeRow = headerRow + 1
        let lastThemeRow = row - 1
        let bold = count.with { $0.bold = true }
        try sheet.write(labels.total, row: row, col: 0, format: palette.text.with { $0.bold = true })
        for (i, n) in totals.enumerated() { try sheet.write(Double(n), row: row, col: i + 1, format: bold) }
        row += 2

        if !report.themes.isEmpty {
            let chart = try Chart(.barStacked, in: workbook)
            chart.setTitle(labels.statusByTheme)
            chart.altText = "\(labels.statusByTheme): " + report.themes.map(\.name).joined(separator: ", ")
            chart.setLegendAtBottom()
            for (i, status) in statuses.enumerated() {
                let (fill, _) = style.colours(of: status)
                chart.addSeries(
                    name: status.name, sheet: sheetName, categories: (firstThemeRow...lastThemeRow, 0),
                    values: (firstThemeRow...lastThemeRow, i + 1), fill: fill, border: 0x404040)
            }
            chart.addSeries(
                name: labels.notRated, sheet: sheetName, categories: (firstThemeRow...lastThemeRow, 0),
                values: (firstThemeRow...lastThemeRow, statuses.count + 1), fill: 0xFFFFFF, border: 0x404040)
            chart.setValueAxis(title: "Goals", minimum: 0, majorUnit: 1)
            let height = max(1.0, Double(report.themes.count) / 4)
            try sheet.insert(chart, row: row, col: 0, scale: (1.6, height))
            row += Int(15 * height) + 2
        }

        row = try writeTargets(sheet, from: row)
        try sheet.setUpPrinting(page.setup(repeating: nil))
    }

    private func writeTargets(_ sheet: Worksheet, from start: Int) throws -> Int {
        let labels = palette.style.labels
        var row = start
        try sheet.write(labels.measuresAgainstTarget, row: row, col: 0, format: palette.heading)
        row += 1
        let targeted = report.themes.flatMap { theme in
            theme.measures.filter { $0.target != nil }.map { (theme, $0) }
        }
        guard !targeted.isEmpty else {
            try sheet.write(labels.noTargets, row: row, col: 0, format: palette.note)
            return row + 1
        }
        for (col, text) in [labels.headlineMeasure, labels.theme, labels.latest, labels.target, labels.result].enumerated() {
            try sheet.write(text, row: row, col: col, format: palette.header)
        }
        row += 1
        for (theme, measure) in targeted {
            try sheet.write(measure.name, row: row, col: 0, format: palette.text)
            try sheet.write(theme.name, row: row, col: 1, format: palette.text)
            try ValueCell.write(measure.values.last ?? nil, to: sheet, row: row, col: 2, palette: palette)
            try ValueCell.write(measure.target?.value, to: sheet, row: row, col: 3, palette: palette)
            let result = TargetResult(measure)
            try sheet.write(result.label(labels), row: row, col: 4, format: palette.text.with { $0.bold = result == .met })
            row += 1
        }
        return row
    }
}
