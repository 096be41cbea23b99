import Foundation

/// Numbers written the way a person writes them, for figures read from spreadsheet cells.
public enum NumberText {
    /// "1583", "2.71", never an exponent for ordinary sizes; with `decimals`, exactly that many
    /// digits after the point.
    public static func plain(_ n: Double, decimals: Int? = nil) -> String {
        if let decimals { return String(format: "%.\(decimals)f", n) }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        let text = "\(n)"
        return text.contains("e") ? String(format: "%.10g", n) : text
    }

    /// A number as a format shows it: with `decimals` digits after the point (when known) and
    /// thousands separators when `grouped`: 14000 → "14,000".
    public static func shown(_ n: Double, grouped: Bool, decimals: Int?) -> String {
        var text = plain(n, decimals: decimals)
        guard grouped else { return text }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = Array(parts[0]), out: [Character] = []
        while whole.count > 3 {
            out.insert(contentsOf: [","] + whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        out.insert(contentsOf: whole, at: 0)
        return (negative ? "-" : "") + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A fraction as the percentage it stands for, with every digit it has: 0.8345 → "83.45".
    /// Moves the decimal point in the text, so no binary rounding creeps in (0.8345 × 100 is
    /// 83.44999999999999 in floating point).
    public static func percent(of fraction: Double) -> String {
        var text = plain(fraction)
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0]), fractionDigits = parts.count > 1 ? String(parts[1]) : ""
        fractionDigits += String(repeating: "0", count: max(0, 2 - fractionDigits.count))
        whole += fractionDigits.prefix(2)
        fractionDigits = String(fractionDigits.dropFirst(2))
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        return sign + whole + (fractionDigits.isEmpty ? "" : "." + fractionDigits)
    }
}
