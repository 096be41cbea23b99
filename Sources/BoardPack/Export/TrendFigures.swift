import ReportModel
import XLSXWriter

/// Sparklines: a small line of a measure's or a statistic's figures, drawn inside its Trend
/// cell, from a copy of the figures on a hidden sheet.
///
/// A chart reads one unbroken row of cells, but the figures a table prints sit in columns of a
/// shared grid, some merged; so each series is copied here in a row of its own. Lines of one
/// table that count the same kind of figure share one scale, so their slopes compare; and a
/// line joins only figures of periods as long as the latest one's (a quarter's count drawn
/// after whole years would fall off a cliff that is not there).
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

    /// The figures a line joins: those of periods as long as the latest figure's, the others left
    /// out (gaps). `periods` holds a label per value; without labels every figure is drawn.
    static func drawn(_ values: [Value?], periods: [String]) -> [Value?] {
        guard periods.count == values.count,
            let latest = values.indices.last(where: { values[$0]?.number != nil })
        else { return values }
        return values.indices.map { i in PeriodLength.comparable(periods[i], periods[latest]) ? values[i] : nil }
    }

    /// Whether `values` have enough figures for a sparkline.
    static func worthDrawing(_ values: [Value?]) -> Bool {
        values.compactMap { $0?.number }.count >= minimumPoints
    }

    /// For each row of a table, the scale its line is drawn on: the lowest to the highest figure
    /// drawn of every row counting the same kind (percentages, counts, decimals); nil for a row
    /// with no line.
    static func scales(_ rows: [[Value?]]) -> [ClosedRange<Double>?] {
        func kind(_ row: [Value?]) -> Value.Kind? { row.compactMap { $0 }.first { $0.number != nil }?.kind }
        var extent: [Value.Kind: ClosedRange<Double>] = [:]
        for row in rows where worthDrawing(row) {
            guard let k = kind(row) else { continue }
            let numbers = row.compactMap { $0?.number }
            let range = numbers.min()!...numbers.max()!
            extent[k] = extent[k].map { min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound) } ?? range
        }
        return rows.map { row in
            guard worthDrawing(row), let k = kind(row), let range = extent[k] else { return nil }
            // A flat table still needs room above and below its line.
            let pad = range.upperBound > range.lowerBound ? (range.upperBound - range.lowerBound) * 0.08 : max(abs(range.lowerBound) * 0.05, 1)
            return (range.lowerBound - pad)...(range.upperBound + pad)
        }
    }

    /// Draws `values` (gaps left empty) in a cell `width` units wide of a row `height` points high,
    /// on `scale` (automatic when nil).
    func draw(_ values: [Value?], in sheet: Worksheet, row: Int, col: Int, width: Double, height: Double, scale: ClosedRange<Double>?) throws {
        rows.append(values.map { $0?.number })
        let chart = try Chart.sparkline(
            in: workbook, sheet: Self.sheetName, row: rows.count - 1, columns: 0...max(0, values.count - 1), colour: colour, range: scale)
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
