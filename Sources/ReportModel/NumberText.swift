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
}
