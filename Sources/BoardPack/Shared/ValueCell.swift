import ReportModel
import XLSXWriter

/// How a typed figure becomes a cell: a real number whose format reproduces the typed text
/// ("Approx. 97%" is 0.97 shown through `"Approx. "0%`), or the text itself when it is words.
enum ValueCell {
    static func write(_ value: Value?, to sheet: Worksheet, row: Int, col: Int, palette: Palette) throws {
        guard let value else {
            try sheet.writeBlank(row: row, col: col, format: palette.number)
            return
        }
        if let number = value.number, numberFormat(for: value) != nil {
            try sheet.write(number, row: row, col: col, format: palette.value(value))
        } else {
            try sheet.write(value.text, row: row, col: col, format: palette.value(value))
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
