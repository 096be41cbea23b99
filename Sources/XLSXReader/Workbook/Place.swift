/// Where something is in a workbook: the file, and within it a part, or a sheet and a cell (or
/// a whole row). Shared by the reader's errors and by everything that reports on what it read.
/// An answer given on the portal's web form has a field instead of a cell ("EE-3 status"), so
/// that one message names its place either way.
///
/// Printed as `FILE: Sheet!CELL`, `FILE: Sheet row 7`, `FILE: Sheet`, `FILE: part`,
/// `FILE: field` or `FILE`.
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
    /// A field of a web form ("EE-3 status", "Date completed"), for an answer that came that way.
    public var field: String?

    public init(file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil, row: Int? = nil) {
        self.file = file
        self.part = part
        self.sheet = sheet
        self.cell = cell
        self.row = row
    }

    /// A field of a web form, in the form's file.
    public init(file: String, field: String) {
        self.file = file
        self.field = field
    }

    /// The same file, at a cell of a sheet.
    public func at(sheet: String, cell: String) -> Place { Place(file: file, sheet: sheet, cell: cell) }

    /// What follows the file: "Goals!G7", "Goals row 7", "Goals", "xl/styles.xml", "EE-3 status" or "".
    public var within: String {
        if let field { return field }
        if let sheet {
            if let cell { return "\(sheet)!\(cell)" }
            if let row { return "\(sheet) row \(row)" }
            return sheet
        }
        return part ?? ""
    }

    public var description: String { within.isEmpty ? file : "\(file): \(within)" }
}
