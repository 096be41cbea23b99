import ReportModel
import XLSXReader

/// A sheet of a return read by its keys (see `ReturnLayout`): the header row is the one with
/// `Key` in it, and every row after it whose key cell names a goal or measure is kept.
struct KeyedSheet {
    /// The sheet's name as the file has it.
    let name: String
    /// Header texts (forgiving keys) → columns, from the row headed `Key`; empty when there is none.
    var columns: [String: Int] = [:]
    var keyColumn: Int?
    /// Keyed rows in sheet order.
    var rows: [(id: String, field: String, row: Row)] = []
    /// Every row after the header that holds something, keyed or not, in sheet order: text typed
    /// in a row of its own is found among them.
    var sequence: [(key: (id: String, field: String)?, row: Row)] = []
    /// Merged ranges, as "B12:B14".
    var merged: [String] = []

    /// Reads the sheet named `sheet` (any case); nil when the workbook has no such sheet.
    static func read(_ book: XLSXFile, sheet: String) throws -> KeyedSheet? {
        let wanted = Forgiving.key(sheet), keyHeader = Forgiving.key(ReturnLayout.Header.key)
        guard let info = book.sheets.first(where: { Forgiving.key($0.name) == wanted }) else { return nil }
        var reader = try book.rows(ofSheet: info.name)
        var out = KeyedSheet(name: info.name)
        while let row = try reader.next() {
            guard let keyColumn = out.keyColumn else {
                for cell in row.cells {
                    guard let text = CellReading.trimmed(cell.value) else { continue }
                    let header = Forgiving.key(text)
                    out.columns[header] = out.columns[header] ?? cell.column
                }
                if let column = out.columns[keyHeader] {
                    out.keyColumn = column
                } else {
                    out.columns = [:]
                }
                continue
            }
            if let text = row.cells.first(where: { $0.column == keyColumn }).flatMap({ CellReading.trimmed($0.value) }),
                let (id, field) = ReturnLayout.parse(key: text)
            {
                out.rows.append((id, field, row))
                out.sequence.append(((id, field), row))
            } else if !row.cells.isEmpty {
                out.sequence.append((nil, row))
            }
        }
        out.merged = reader.mergedRanges
        return out
    }

    /// The problem of a return whose sheet was renamed or deleted, saying what to do.
    static func missing(_ sheet: String, what: String, in book: XLSXFile) -> WorkbookProblem {
        let names = book.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        return WorkbookProblem(Place(file: book.file), "has no sheet named \(sheet) (it has \(names)); rename the \(what) sheet back to \(sheet)")
    }

    /// The problem of a sheet whose hidden key column or header row is gone.
    static func lostKeys(_ place: Place, _ what: String) -> WorkbookProblem {
        WorkbookProblem(place, "has lost its hidden Key column or its header row, so its \(what) cannot be found; ask for a new return")
    }

    /// The column whose header starts with `header` ("Value" finds "Value for 2013-14 Q1").
    func column(startingWith header: String) -> Int? {
        let key = Forgiving.key(header)
        return columns.filter { $0.key.hasPrefix(key) }.map(\.value).min()
    }

    /// The merged range covering `cell` of `row` (0-based column, 0-based row), if any.
    func mergedRange(covering column: Int, _ row: Int) -> String? {
        merged.first { range in
            let ends = range.split(separator: ":").compactMap { Self.position(String($0)) }
            guard ends.count == 2 else { return false }
            return (ends[0].column...ends[1].column).contains(column) && (ends[0].row...ends[1].row).contains(row)
        }
    }

    /// "B12" → column 1, row 11.
    static func position(_ reference: String) -> (column: Int, row: Int)? {
        let letters = reference.prefix { $0.isLetter }
        guard !letters.isEmpty, let number = Int(reference.dropFirst(letters.count)), number >= 1 else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return (column - 1, number - 1)
    }
}
