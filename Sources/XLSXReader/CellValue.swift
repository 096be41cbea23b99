/// A cell's value as the workbook holds it. Error values such as `#N/A` are values, not failures.
public enum CellValue: Equatable, Sendable {
    case empty
    case number(Double)
    case string(String)
    case bool(Bool)
    /// "#N/A", "#DIV/0!"...
    case error(String)
    /// ISO 8601: "2013-07-17" or "2013-07-17T14:30:00".
    case date(String)

    public var isEmpty: Bool { self == .empty }
}

/// One non-empty cell of a row.
public struct Cell: Equatable, Sendable {
    /// Zero-based column (A is 0).
    public var column: Int
    public var value: CellValue
    /// The formula without "=", when the cell has one; `value` is its cached result.
    public var formula: String?
    /// The number format the cell is shown with ("0%", "General").
    public var numberFormat: String

    public init(column: Int, value: CellValue, formula: String? = nil, numberFormat: String = "General") {
        self.column = column
        self.value = value
        self.formula = formula
        self.numberFormat = numberFormat
    }
}

/// A row as stored: its zero-based index and its cells in column order.
public struct Row: Equatable, Sendable {
    public var index: Int
    public var cells: [Cell]

    /// The values from column A to the last non-empty cell, `.empty` in the gaps.
    public var values: [CellValue] {
        guard let last = cells.last(where: { !$0.value.isEmpty }) else { return [] }
        var out = [CellValue](repeating: .empty, count: last.column + 1)
        for cell in cells where cell.column <= last.column { out[cell.column] = cell.value }
        return out
    }
}

/// Excel serial numbers to calendar dates, in either epoch.
enum ExcelDate {
    /// The ISO text of a serial date, or nil when it is outside years 1900 to 9999.
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was
        // (a Lotus 1-2-3 bug Excel kept): serials before it are one day earlier.
        let unixDays: Int
        if date1904 {
            unixDays = days - 24_107
        } else if days < 61 {
            if days == 0 { return seconds == 0 ? nil : "1899-12-31T" + time(seconds) }
            unixDays = days - 25_568
        } else {
            unixDays = days - 25_569
        }
        let date = civil(unixDays)
        let year = String(date.y)
        let text = String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.m) + "-" + two(date.d)
        return seconds == 0 ? text : text + "T" + time(seconds)
    }

    private static func time(_ s: Int) -> String { two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60) }
    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(_ z0: Int) -> (y: Int, m: Int, d: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// An ISO date as written in a `t="d"` cell, normalised to the dump's form.
    static func normaliseISO(_ text: String) -> String {
        var t = text
        if t.hasSuffix("Z") { t.removeLast() }
        if let dot = t.firstIndex(of: "."), t.contains("T") { t = String(t[..<dot]) }
        if t.hasSuffix("T00:00:00") { t.removeLast(9) }
        return t
    }
}

