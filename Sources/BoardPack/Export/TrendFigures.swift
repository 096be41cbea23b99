import ReportModel
import XLSXWriter

/// Sparklines: a small line of a measure's or a statistic's figures, drawn inside its Trend
/// cell, from a copy of the figures on a hidden sheet.
///
/// A chart reads one unbroken row of cells, but the figures a table prints sit in columns of a
/// shared grid, some merged; so each series is copied here in a row of its own.
final class TrendFigures {
    static let sheetName = "_figures"
    /// A series needs this many figures before a line says more than the figures do.
    static let minimumPoints = 3

    private let workbook: Workbook
    private let colour: UInt32
    private var rows: [[Double?]] = []

    init(workbook: Workbook, colour: UInt32) {
        self.workbook = workbook
        self.colour = colour
    }

    /// Whether `values` have enough figures for a sparkline.
    static func worthDrawing(_ values: [Value?]) -> Bool {
        values.compactMap { $0?.number }.count >= minimumPoints
    }

    /// Draws `values` (gaps left empty) in a cell `width` units wide of a row `height` points high.
    func draw(_ values: [Value?], in sheet: Worksheet, row: Int, col: Int, width: Double, height: Double) throws {
        rows.append(values.map { $0?.number })
        let chart = try Chart.sparkline(in: workbook, sheet: Self.sheetName, row: rows.count - 1, columns: 0...max(0, values.count - 1), colour: colour)
        chart.altText = "Trend: " + values.map { $0?.text ?? "–" }.joined(separator: ", ")
        // A chart is 480 × 288 pixels at scale 1; a column is 7 pixels a unit and 5 more.
        let (cellWidth, cellHeight) = (width * 7 + 5, height * 96 / 72)
        try sheet.insert(chart, row: row, col: col, scale: ((cellWidth - 6) / 480, (cellHeight - 4) / 288), offset: (3, 2))
    }

    /// Writes the hidden sheet the charts draw from; call after every sheet that draws.
    func write() throws {
        let sheet = try workbook.addWorksheet(named: Self.sheetName)
        for (r, series) in rows.enumerated() {
            for (c, number) in series.enumerated() {
                if let number { try sheet.write(number, row: r, col: c) }
            }
        }
        sheet.hide()
    }
}
