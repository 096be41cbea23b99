import Foundation
import ReportModel
import XLSXReader

/// Turns cells of a filled-in return or an edited board pack into report values, tolerating
/// what people type.
enum CellReading {
    /// A cell's text: strings as typed, numbers in plain notation, nil when empty.
    static func text(_ value: CellValue) -> String? {
        switch value {
        case .empty: return nil
        case .string(let s), .error(let s), .date(let s), .time(let s), .duration(let s): return s
        case .number(let n): return NumberText.plain(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        }
    }

    /// Text with outer spaces trimmed and line endings made "\n"; nil when nothing is left.
    static func trimmed(_ value: CellValue) -> String? {
        guard let raw = text(value) else { return nil }
        // Most cells need nothing done: no CR, and a visible ASCII character at each end.
        let visible = { (b: UInt8) in b > 0x20 && b < 0x7F }
        if let first = raw.utf8.first, let last = raw.utf8.last, visible(first), visible(last), !raw.utf8.contains(0x0D) {
            return raw
        }
        let lines = raw.utf8.contains(0x0D) ? raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : raw
        let t = Whitespace.trimmed(lines)
        return t.isEmpty ? nil : t
    }

    enum Figure: Equatable {
        case value(Value?)
        /// Why the cell is not a figure of the measure, as the end of a sentence about it.
        case refused(String)
    }

    /// A figure from a Value cell, as a figure of `kind` when the measure has one.
    ///
    /// Text goes through the same reading as the report's own values ("81%", "1,493",
    /// "Approx. 97%", "tbc"). A number shown as a percentage is one, with all its digits
    /// (0.8345 is 83.45%, whatever the format rounds it to); in a percentage measure a bare
    /// number up to 1 is a fraction and one above 1 is refused rather than guessed at. Dates,
    /// error values, formulas and yes/no are not figures. With `strict` false, a whole number
    /// and a decimal pass for each other (a measure's kind may only be inferred).
    static func figure(_ cell: Cell, kind: Value.Kind?, strict: Bool) -> Figure {
        if case .refused(let why) = InputCell.read(cell) { return .refused(why) }
        let value: Value
        switch cell.value {
        case .empty: return .value(nil)
        case .date(let iso): return .refused("\(iso) is a date, not a figure; type the figure as you would write it (81%, 1,493, tbc)")
        case .time(let iso), .duration(let iso): return .refused("\(iso) is a time, not a figure; type the figure as you would write it (81%, 1,493, tbc)")
        case .bool(let b): return .refused("\(b ? "TRUE" : "FALSE") is not a figure; type the figure as you would write it (81%, 1,493, tbc)")
        case .number(let n):
            if NumberFormat.isPercent(cell.numberFormat) || (kind == .percent && abs(n) <= 1) {
                value = Value(parsing: NumberText.percent(of: n) + "%")
            } else if kind == .percent {
                let plain = NumberText.plain(n)
                return .refused("\(plain) is not a percentage; type it as \(plain)% (or as the fraction \(NumberText.plain(n / 100)))")
            } else {
                value = Value(parsing: NumberText.plain(n))
            }
        case .string, .error:
            guard let text = trimmed(cell.value) else { return .value(nil) }
            value = Value(parsing: text)
            // Words say there is no figure yet ("tbc", "n/a"); words with digits in them that
            // are not a number are something else, and would be printed as if they were a figure.
            if value.kind == .text && text.contains(where: \.isNumber) {
                if Day(reading: text) != nil {
                    return .refused("\(text) is a date, not a figure; type the figure as you would write it (81%, 1,493, tbc)")
                }
                return .refused("\"\(text)\" is not a figure; type the figure as you would write it (81%, 1,493), or a word such as tbc or n/a")
            }
        }
        if let kind, let misfit = MeasureKind.misfit(value, kind) {
            let lenient = !strict && [Value.Kind.count, .decimal].contains(kind) && [Value.Kind.count, .decimal].contains(value.kind)
            if !lenient { return .refused(misfit) }
        }
        return .value(value)
    }
}
