import ReportModel
import XLSXWriter

/// How a typed figure becomes a cell: a real number whose format reproduces the typed text
/// ("Approx. 97%" is 0.97 shown through `"Approx. "0%`), or the text itself when it is words.
enum ValueCell {
    static func write(_ value: Value?, to sheet: Worksheet, row: Int, col: Int, palette: Palette) throws {
        try write(value, to: sheet, row: row, span: col...col, palette: palette)
    }

    /// The same, across the grid columns `span` (merged when more than one).
    static func write(_ value: Value?, to sheet: Worksheet, row: Int, span: ClosedRange<Int>, palette: Palette) throws {
        guard let value else {
            try TableGrid.write("", sheet, row: row, span: span, format: palette.number)
            return
        }
        let format = palette.value(value)
        if let number = value.number, numberFormat(for: value) != nil {
            if span.count == 1 {
                try sheet.write(number, row: row, col: span.lowerBound, format: format)
            } else {
                try sheet.merge(rows: row...row, cols: span, number: number, format: format)
            }
        } else {
            try TableGrid.write(value.text, sheet, row: row, span: span, format: format)
        }
    }

    /// The Excel number format that shows `value` as typed, or nil when it must be text.
    static func numberFormat(for value: Value) -> String? {
        guard value.number != nil, value.kind != .text else { return nil }
        var format = value.grouped ? "#,##0" : "0"
        if value.decimals > 0 { format += "." + String(repeating: "0", count: value.decimals) }
        if value.kind == .percent { format += "%" }
        if let qualifier = value.qualifier {
            // A quote cannot appear inside a quoted literal of a number format; keep such text as text.
            guard !qualifier.contains("\"") else { return nil }
            format = "\"\(qualifier) \"" + format
        }
        return format
    }
}
