/// The number format of every cell style (`cellXfs`), which is how a number is known to be a
/// date, a time of day or an elapsed time.
struct Styles {
    /// Format code per style index.
    var formats: [String] = [] {
        didSet { kinds = formats.map(NumberFormat.temporalKind) }
    }
    /// What each style shows its numbers as, decided once rather than per cell.
    private(set) var kinds: [ExcelDate.Kind?] = []

    init(formats: [String] = []) {
        self.formats = formats
        self.kinds = formats.map(NumberFormat.temporalKind)
    }

    func format(_ style: Int) -> String { style >= 0 && style < formats.count ? formats[style] : "General" }
    func temporalKind(_ style: Int) -> ExcelDate.Kind? { style >= 0 && style < kinds.count ? kinds[style] : nil }

    static func read(_ entry: ZipEntry, name: String, in package: Package) throws -> Styles {
        // The scanner is the closure's own: captured from outside, it was copied for each look
        // at a tag (a tenth of the time of opening a small workbook).
        try package.xml(name) {
            var scanner = try package.scanner(entry)
            var custom: [Int: String] = [:]
            var xfIds: [Int] = []
            var inCellXfs = false
            loop: while true {
                switch try scanner.next() {
                case .eof: break loop
                case .start where scanner.nameIs(Names.dxfs) || scanner.nameIs(Names.extLst):
                    // Conditional formats' styles (`<dxfs>`, and x14's in extensions) carry their
                    // own numFmt elements with ids of their own: they must not redefine a cell format.
                    try scanner.skipElement()
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
            return Styles(formats: xfIds.map { custom[$0] ?? NumberFormat.builtIn[$0] ?? "General" })
        }
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

    /// How the format's first section shows a plain number: with thousands separators, and with
    /// how many digits after the point (nil for General, which shows what the number has).
    public static func shape(_ code: String) -> (grouped: Bool, decimals: Int?) {
        let section = firstSection(code)
        guard Forgiving(section) != "general" else { return (false, nil) }
        var grouped = false, decimals: Int?, placeholders = false
        for ch in section {
            switch ch {
            case "0", "#", "?":
                placeholders = true
                if let d = decimals { decimals = d + 1 }
            case "." where placeholders || decimals == nil: decimals = 0
            case "," where placeholders && decimals == nil: grouped = true
            default: break
            }
        }
        return placeholders ? (grouped, decimals ?? 0) : (false, nil)
    }

    /// The first section of a format (positive numbers), without quoted text, escapes and
    /// bracketed colours or conditions.
    static func firstSection(_ code: String) -> String {
        var out = "", inQuote = false, escaped = false, inBracket = false
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": return out
            default: out.append(ch)
            }
        }
        return out
    }

    private static func Forgiving(_ text: String) -> String { text.lowercased().trimmingCharacters(in: .whitespaces) }

    /// Whether the format shows numbers as dates or times.
    public static func isDate(_ code: String) -> Bool { temporalKind(code) != nil }

    /// What the format shows numbers as: a date when it has a year or a day (or a month with no
    /// hour or second, such as "mmmm"), an elapsed time when it has `[h]`, `[m]` or `[s]`, a time
    /// of day when it has hours, minutes or seconds only; nil for a plain number format. Quoted
    /// text, escapes and bracketed colours or locales do not count, and only the first section
    /// (positive numbers) decides.
    static func temporalKind(_ code: String) -> ExcelDate.Kind? {
        var inQuote = false, escaped = false, inBracket = false
        var bracket = ""
        var day = false, month = false, clock = false, elapsed = false
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    let b = bracket.lowercased()
                    if !b.isEmpty && b.allSatisfy({ "hms".contains($0) }) { elapsed = true }
                } else {
                    bracket.append(ch)
                }
                continue
            }
            if ch == ";" { break }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = ""
            // "E+" is scientific notation, not an era year: e does not make a date.
            case "y", "Y", "d", "D": day = true
            case "m", "M": month = true
            case "h", "H", "s", "S": clock = true
            default: continue
            }
        }
        if day { return .date }
        if elapsed { return .duration }
        if clock { return .time }
        return month ? .date : nil
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
