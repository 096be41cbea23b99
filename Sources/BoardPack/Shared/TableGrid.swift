import XLSXWriter

/// Columns for several tables on one sheet, each table on widths of its own.
///
/// A sheet has one set of columns, but a theme's headline measures and its goals want different
/// ones: sharing them gave the measures' "Direction of travel" the 73-character width of Update.
/// The grid is the union of every table's column boundaries; a table's column spans the grid
/// columns between its own boundaries, merged where it spans more than one.
struct TableGrid {
    /// Widths of the sheet's columns, in Excel's units.
    let widths: [Double]
    /// For each table, the grid columns each of its columns spans.
    let spans: [[ClosedRange<Int>]]

    /// - Parameter tables: each table's column widths; every table is stretched or shrunk (in its
    ///   `stretch` columns, its text columns) to `total`.
    init(_ tables: [(widths: [Double], stretch: Set<Int>)], total: Double, landscape: Bool = true) {
        let fitted = tables.map { Self.fit($0.widths, stretch: $0.stretch, to: total) }
        // Boundaries in tenths of a unit, so nearly equal ones become one.
        var cuts = Set<Int>([0])
        for widths in fitted {
            var x = 0.0
            for w in widths { x += w; cuts.insert(Int((x * 2).rounded())) }
        }
        let sorted = cuts.sorted()
        var grid: [Double] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) { grid.append(Double(b - a) / 2) }
        widths = Self.onPage(grid, landscape: landscape)
        spans = fitted.map { columnWidths in
            var x = 0.0
            return columnWidths.map { w in
                let start = sorted.firstIndex(of: Int((x * 2).rounded()))!
                x += w
                let end = sorted.firstIndex(of: Int((x * 2).rounded()))! - 1
                return start...max(start, end)
            }
        }
    }

    /// Columns narrowed, all alike, until they fit between the margins of an A4 page at 100%.
    ///
    /// A column of width w takes 7w + 5 pixels in Excel (its "0" is 7 pixels wide, and each
    /// column has 5 pixels of padding); LibreOffice draws Arial's "0" (Liberation Sans) 7.41
    /// pixels wide, so the wider of the two is planned for, and many narrow columns cost more
    /// than a few wide ones.
    static func onPage(_ widths: [Double], landscape: Bool) -> [Double] {
        // Between 0.5-inch margins, at 96 pixels an inch, less a little for rounding.
        let room = ((landscape ? 11.69 : 8.27) - 1.0) * 96 - 12
        let needed = widths.reduce(0) { $0 + 7.41 * $1 + 5 }
        guard needed > room else { return widths }
        let factor = (room - 5 * Double(widths.count)) / (needed - 5 * Double(widths.count))
        return widths.map { ($0 * factor * 4).rounded(.down) / 4 }
    }

    /// Widths scaled so they add up to `total`, changing only the `stretch` columns (all of them
    /// if none are named).
    static func fit(_ widths: [Double], stretch: Set<Int>, to total: Double) -> [Double] {
        let flexible = stretch.isEmpty ? Set(widths.indices) : stretch
        let fixed = widths.indices.filter { !flexible.contains($0) }.map { widths[$0] }.reduce(0, +)
        let wanted = widths.indices.filter { flexible.contains($0) }.map { widths[$0] }.reduce(0, +)
        guard wanted > 0 else { return widths }
        let factor = max(0.3, (total - fixed) / wanted)
        return widths.indices.map { flexible.contains($0) ? (widths[$0] * factor * 2).rounded() / 2 : widths[$0] }
    }

    /// The width a table column spans.
    func width(_ span: ClosedRange<Int>) -> Double { span.map { widths[$0] }.reduce(0, +) }

    func setColumns(on sheet: Worksheet) throws {
        for (col, width) in widths.enumerated() { try sheet.setColumns(col...col, width: width) }
    }

    /// Writes text into a table column: one cell, or the grid columns it spans merged.
    static func write(_ text: String, _ sheet: Worksheet, row: Int, span: ClosedRange<Int>, format: CellFormat) throws {
        if span.count == 1 {
            try sheet.write(text, row: row, col: span.lowerBound, format: format)
        } else {
            try sheet.merge(rows: row...row, cols: span, text: text, format: format)
        }
    }
}
