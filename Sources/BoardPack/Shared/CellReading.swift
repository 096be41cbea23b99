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

    /// A figure from a Value cell, for `measure` (of `kind` when one is known): text by
    /// `FigureRules`, a number as what it is. A number shown as a percentage is one, with all
    /// its digits (0.8345 is 83.45%, whatever the format rounds it to); in a percentage measure a
    /// bare number up to 1 is a fraction and one above 1 is refused rather than guessed at.
    /// Dates, error values, formulas and yes/no are not figures.
    static func figure(_ cell: Cell, kind: Value.Kind?, strict: Bool, measure: Measure? = nil) -> FigureRules.Outcome {
        if case .refused(let why) = InputCell.read(cell) { return .refused(why) }
        switch cell.value {
        case .empty: return .figure(nil)
        case .date(let iso): return .refused("\(iso) is a date, not a figure; \(FigureRules.howToType)")
        case .time(let iso), .duration(let iso): return .refused("\(iso) is a time, not a figure; \(FigureRules.howToType)")
        case .bool(let b): return .refused("\(b ? "TRUE" : "FALSE") is not a figure; \(FigureRules.howToType)")
        case .number(let n):
            let value: Value
            if NumberFormat.isPercent(cell.numberFormat) || (kind == .percent && abs(n) <= 1) {
                value = Value(parsing: NumberText.percent(of: n) + "%")
            } else if kind == .percent {
                let plain = NumberText.plain(n)
                return .refused("\(plain) is not a percentage; type it as \(plain)% (or as the fraction \(NumberText.plain(n / 100)))")
            } else {
                // As the cell shows it ("14,000" typed over a statistic stays grouped, 2.70 keeps
                // its 0), but never with fewer digits than the number has: 15.5 shown through
                // "0" as 16 is still 15.5.
                let shape = NumberFormat.shape(cell.numberFormat)
                let own = NumberText.plain(n).split(separator: ".").dropFirst().first?.count ?? 0
                value = Value(parsing: NumberText.shown(n, grouped: shape.grouped, decimals: shape.decimals.map { max($0, own) }))
            }
            return FigureRules.judge(value, kind: kind, strict: strict, measure: measure)
        case .string, .error:
            guard let text = trimmed(cell.value) else { return .figure(nil) }
            return FigureRules.read(text, kind: kind, strict: strict, measure: measure)
        }
    }
}
