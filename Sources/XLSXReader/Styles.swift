/// The number format of every cell style (`cellXfs`), which is how a number is known to be a date.
struct Styles {
    /// Format code per style index.
    var formats: [String] = [] {
        didSet { dates = formats.map(NumberFormat.isDate) }
    }
    /// Whether each style shows dates, decided once rather than per cell.
    private(set) var dates: [Bool] = []

    init(formats: [String] = []) {
        self.formats = formats
        self.dates = formats.map(NumberFormat.isDate)
    }

    func format(_ style: Int) -> String { style >= 0 && style < formats.count ? formats[style] : "General" }
    func isDate(_ style: Int) -> Bool { style >= 0 && style < dates.count ? dates[style] : false }

    static func read(_ entry: ZipEntry, name: String, in package: Package) throws -> Styles {
        var scanner = try package.scanner(entry)
        var custom: [Int: String] = [:]
        var xfIds: [Int] = []
        var inCellXfs = false
        try package.xml(name) {
            loop: while true {
                switch try scanner.next() {
                case .eof: break loop
                case .start, .empty:
                    if scanner.nameIs(Names.numFmt) {
                        if let id = try scanner.attribute(Names.numFmtId).flatMap({ Int($0) }) {
                            custom[id] = try scanner.attribute(Names.formatCode) ?? ""
                        }
                    } else if scanner.nameIs(Names.cellXfs) {
                        inCellXfs = true
                    } else if inCellXfs && scanner.nameIs(Names.xf) {
                        xfIds.append(try scanner.attribute(Names.numFmtId).flatMap { Int($0) } ?? 0)
                    }
                case .end:
                    if scanner.nameIs(Names.cellXfs) { inCellXfs = false }
                case .text: break
                }
            }
        }
        return Styles(formats: xfIds.map { custom[$0] ?? NumberFormat.builtIn[$0] ?? "General" })
    }
}

/// What a number format says about its numbers.
public enum NumberFormat {
    /// Excel's built-in formats that matter for reading values.
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)",
        38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
        46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
        // East Asian built-ins are all dates or times.
        27: "yyyy-mm-dd", 28: "yyyy-mm-dd", 29: "yyyy-mm-dd", 30: "yyyy-mm-dd", 31: "yyyy-mm-dd", 32: "h:mm:ss",
        33: "h:mm:ss", 34: "h:mm:ss", 35: "h:mm:ss", 36: "yyyy-mm-dd", 50: "yyyy-mm-dd", 51: "yyyy-mm-dd",
        52: "yyyy-mm-dd", 53: "yyyy-mm-dd", 54: "yyyy-mm-dd", 55: "yyyy-mm-dd", 56: "yyyy-mm-dd",
        57: "yyyy-mm-dd", 58: "yyyy-mm-dd",
    ]

    /// Whether the format shows numbers as dates or times: it has y, m, d, h or s outside quoted
    /// text, escapes and bracketed colours or locales (but `[h]`-style elapsed time counts).
    public static func isDate(_ code: String) -> Bool {
        var inQuote = false, escaped = false, bracket = ""
        var inBracket = false
        // Only the first section decides (positive numbers).
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    let b = bracket.lowercased()
                    if !b.isEmpty && b.allSatisfy({ "hms".contains($0) }) { return true }
                } else {
                    bracket.append(ch)
                }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = ""
            case ";": return false
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": return true
            case "e", "E":
                // "E+" is scientific notation; a lone e (era year) is a date.
                continue
            default: continue
            }
        }
        return false
    }

    /// Whether the format shows numbers as percentages.
    public static func isPercent(_ code: String) -> Bool {
        var inQuote = false
        for ch in code {
            if ch == "\"" { inQuote.toggle() } else if ch == "%" && !inQuote { return true } else if ch == ";" && !inQuote { break }
        }
        return false
    }
}
