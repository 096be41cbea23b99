/// A cell's value as the workbook holds it. Error values such as `#N/A` are values, not failures.
public enum CellValue: Equatable, Sendable {
    case empty
    case number(Double)
    case string(String)
    case bool(Bool)
    /// "#N/A", "#DIV/0!"...
    case error(String)
    /// ISO 8601: "2013-07-17", "2013-07-17T14:30:00" or "2013-07-17T14:30:00.25" (a date at
    /// midnight is written as the date alone).
    case date(String)
    /// A time of day, ISO 8601: "14:30:05", "14:30:05.25". A number under 1 shown by a format
    /// that has hours, minutes or seconds but no date.
    case time(String)
    /// An elapsed time, ISO 8601: "PT255H10M10S", "PT0.5S", "-PT1H30M". A number shown by an
    /// elapsed format such as `[h]:mm:ss`.
    case duration(String)

    public var isEmpty: Bool { self == .empty }
}

/// One non-empty cell of a row.
public struct Cell: Equatable, Sendable {
    /// Zero-based column (A is 0).
    public var column: Int
    public var value: CellValue
    /// The formula without "=", when the cell has one; `value` is its cached result. Empty for
    /// a cell of a shared or array formula whose text is written only in its first cell.
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
