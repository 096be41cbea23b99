import Foundation
import ReportModel
import XLSXReader

/// Turns cells of a filled-in return into report values, tolerating what people type.
enum CellReading {
    /// A cell's text: strings as typed, numbers in plain notation, nil when empty.
    static func text(_ value: CellValue) -> String? {
        switch value {
        case .empty: return nil
        case .string(let s), .error(let s), .date(let s): return s
        case .number(let n): return NumberText.plain(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        }
    }

    /// Text with outer spaces trimmed and line endings made "\n"; nil when nothing is left.
    static func trimmed(_ value: CellValue) -> String? {
        guard let raw = text(value) else { return nil }
        let t = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    enum FigureError: Error { case notAPercentage(String) }

    /// A figure from a Value cell. A number shown through a percent format is a percentage
    /// ("0.81" in a 0% cell is 81%); text goes through the same reading as the report's own
    /// values ("81%", "1,493", "Approx. 97%", "tbc"). In a percentage measure a bare number
    /// above 1 is refused rather than guessed at.
    static func figure(_ cell: Cell, percentMeasure: Bool) throws -> Value? {
        switch cell.value {
        case .empty: return nil
        case .number(let n):
            if NumberFormat.isPercent(cell.numberFormat) {
                let decimals = cell.numberFormat.split(separator: ".").dropFirst().first.map { $0.prefix { $0 == "0" }.count } ?? 0
                let text = NumberText.plain((n * 100 * pow10(decimals)).rounded() / pow10(decimals), decimals: decimals) + "%"
                return Value(text: text, number: n, kind: .percent, decimals: decimals)
            }
            if percentMeasure && abs(n) > 1 { throw FigureError.notAPercentage(NumberText.plain(n)) }
            if percentMeasure {
                return Value(parsing: NumberText.plain((n * 1000).rounded() / 10) + "%")
            }
            return Value(parsing: NumberText.plain(n))
        default:
            guard let text = trimmed(cell.value) else { return nil }
            return Value(parsing: text)
        }
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { v, _ in v * 10 } }
}
