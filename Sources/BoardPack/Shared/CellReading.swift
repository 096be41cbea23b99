import ReportModel
import XLSXReader

/// Turns cells of a filled-in return into report values, tolerating what people type.
enum CellReading {
    /// A cell's text: strings as typed, numbers in plain notation, nil when empty.
    static func text(_ value: CellValue) -> String? {
        switch value {
        case .empty: return nil
        case .string(let s), .error(let s), .date(let s): return s
        case .number(let n): return Dump.plainNumber(n)
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

    /// Paragraphs split at blank lines.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Header text compared the forgiving way: case, spacing and line breaks do not matter.
    static func key(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
                let text = Dump.plainNumber((n * 100 * pow10(decimals)).rounded() / pow10(decimals), decimals: decimals) + "%"
                return Value(text: text, number: n, kind: .percent, decimals: decimals)
            }
            if percentMeasure && abs(n) > 1 { throw FigureError.notAPercentage(Dump.plainNumber(n)) }
            if percentMeasure {
                return Value(parsing: Dump.plainNumber((n * 1000).rounded() / 10) + "%")
            }
            return Value(parsing: Dump.plainNumber(n))
        default:
            guard let text = trimmed(cell.value) else { return nil }
            return Value(parsing: text)
        }
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { v, _ in v * 10 } }
}
