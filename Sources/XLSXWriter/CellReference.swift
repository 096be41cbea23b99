/// Converts zero-based row and column numbers to A1 notation, for messages and formulas.
public enum CellReference {
    /// "A", "Z", "AA", ..., "XFD".
    public static func column(_ col: Int) -> String {
        var n = col + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "B7" for row 6, column 1.
    public static func cell(row: Int, col: Int) -> String { "\(column(col))\(row + 1)" }

    /// "$B$7", for chart ranges.
    public static func absolute(row: Int, col: Int) -> String { "$\(column(col))$\(row + 1)" }
}
