/// Where something is in a workbook: the file, and within it a part, or a sheet and a cell (or
/// a whole row). Shared by the reader's errors and by everything that reports on what it read.
///
/// Printed as `FILE: Sheet!CELL`, `FILE: Sheet row 7`, `FILE: Sheet`, `FILE: part` or `FILE`.
public struct Place: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (no temporary names, usually no folder).
    public var file: String
    /// A part of the package ("xl/styles.xml"), when the place is not on a sheet.
    public var part: String?
    public var sheet: String?
    /// "G7".
    public var cell: String?
    /// 1-based, for a place that is a whole row rather than a cell.
    public var row: Int?

    public init(file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, row: Int? = nil) {
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.row = row
    }

    /// The same file, at a cell of a sheet.
    public func at(sheet: String, cell: String) -> Place { Place(file: file, sheet: sheet, cell: cell) }

    /// What follows the file: "Goals!G7", "Goals row 7", "Goals", "xl/styles.xml" or "".
    public var within: String {
        if let sheet {
            if let cell { return "\(sheet)!\(cell)" }
            if let row { return "\(sheet) row \(row)" }
            return sheet
        }
        return part ?? ""
    }

    public var description: String { within.isEmpty ? file : "\(file): \(within)" }
}
