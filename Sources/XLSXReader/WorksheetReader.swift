import Foundation

/// Streams the rows of one worksheet: memory holds one row (and the shared strings the workbook
/// already read), never a grid sized from the farthest cell.
public struct WorksheetReader {
    /// Excel's last row and column.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    private var scanner: XMLScanner
    private let sheet: String
    private let file: String
    private let strings: [String]
    private let styles: Styles
    private let date1904: Bool
    private var inSheetData = false
    private var lastRow = -1
    private var done = false
    /// Merged ranges ("A1:C1"), complete once every row has been read (they follow the data).
    public private(set) var mergedRanges: [String] = []

    init(scanner: XMLScanner, sheet: String, file: String, strings: [String], styles: Styles, date1904: Bool) {
        self.scanner = scanner
        self.sheet = sheet
        self.file = file
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
    }

    private func fail(_ cell: String?, _ message: String) -> XLSXError {
        XLSXError(file: file, sheet: sheet, cell: cell, message: message)
    }

    /// The next stored row, or nil after the last.
    public mutating func next() throws -> Row? {
        if done { return nil }
        do {
            return try nextRow()
        } catch let error as XMLError {
            throw fail(nil, "is not well-formed XML: \(error.message)")
        } catch let error as ZipError {
            throw XLSXError(file: file, message: error.description)
        }
    }

    private mutating func nextRow() throws -> Row? {
        while true {
            let event = try scanner.next()
            switch event {
            case .eof:
                done = true
                return nil
            case .start, .empty:
                if scanner.nameIs(Names.sheetData) {
                    inSheetData = event == .start
                } else if inSheetData && scanner.nameIs(Names.row) {
                    let index = try rowIndex()
                    return event == .empty ? Row(index: index, cells: []) : try readCells(of: index)
                } else if scanner.nameIs(Names.mergeCell) {
                    if let ref = try scanner.attribute(Names.ref) { mergedRanges.append(ref) }
                }
            case .end:
                if scanner.nameIs(Names.sheetData) { inSheetData = false }
            case .text: break
            }
        }
    }

    private mutating func rowIndex() throws -> Int {
        var index = lastRow + 1
        if let r = scanner.attributeRange(Names.r) {
            guard let n = Self.number(scanner.bytes(r)), n >= 1 else {
                throw fail(nil, "row number \"\(String(decoding: scanner.bytes(r), as: UTF8.self))\" is not valid")
            }
            index = n - 1
        }
        guard index < Self.maxRows else { throw fail("row \(index + 1)", "is past row \(Self.maxRows), the last a sheet can have") }
        guard index > lastRow else { throw fail("row \(index + 1)", "comes after row \(lastRow + 1); rows must be in order") }
        lastRow = index
        return index
    }

    private mutating func readCells(of rowIndex: Int) throws -> Row {
        var cells: [Cell] = []
        var nextColumn = 0
        while true {
            let event = try scanner.next()
            switch event {
            case .eof: throw fail(nil, "ends inside row \(rowIndex + 1)")
            case .end:
                if scanner.nameIs(Names.row) { return Row(index: rowIndex, cells: cells) }
            case .start, .empty:
                guard scanner.nameIs(Names.c) else {
                    if event == .start { try scanner.skipElement() }
                    continue
                }
                var column = nextColumn
                if let r = scanner.attributeRange(Names.r) {
                    column = try self.column(of: scanner.bytes(r), row: rowIndex)
                }
                guard column < Self.maxColumns else {
                    throw fail(Self.reference(column, rowIndex), "is past column XFD, the last a sheet can have")
                }
                nextColumn = column + 1
                let cell = try readCell(column: column, row: rowIndex, empty: event == .empty)
                if !cell.value.isEmpty || cell.formula != nil { cells.append(cell) }
            case .text: break
            }
        }
    }

    private mutating func readCell(column: Int, row: Int, empty: Bool) throws -> Cell {
        let type = scanner.attributeRange(Names.t).map { String(decoding: scanner.bytes($0), as: UTF8.self) } ?? "n"
        let style = scanner.attributeRange(Names.s).flatMap { Self.number(scanner.bytes($0)) } ?? 0
        let format = styles.format(style)
        if empty { return Cell(column: column, value: .empty, numberFormat: format) }
        var raw: String?
        var inline: String?
        var formula: String?
        // Children: <v> (value), <f> (formula), <is> (inline string with <t> or rich runs).
        var depth = 0
        var collecting: UInt8 = 0  // v, f, t
        var text = ""
        while true {
            let event = try scanner.next()
            switch event {
            case .eof: throw fail(Self.reference(column, row), "the sheet ends inside this cell")
            case .start:
                depth += 1
                if scanner.nameIs(Names.v) { collecting = 1; text = "" }
                else if scanner.nameIs(Names.f) { collecting = 2; text = "" }
                else if scanner.nameIs(Names.t) { collecting = 3; text = "" }
                else if scanner.nameIs(Names.rPh) { try scanner.skipElement(); depth -= 1 }
                else if scanner.nameIs(Names.is_) { inline = "" }
            case .empty:
                if scanner.nameIs(Names.v) { raw = "" }
            case .text:
                if collecting != 0 { try scanner.appendText(to: &text) }
            case .end:
                if depth == 0 {
                    let value = try interpret(type: type, raw: raw, inline: inline, format: format, column: column, row: row)
                    return Cell(column: column, value: value, formula: formula, numberFormat: format)
                }
                depth -= 1
                switch collecting {
                case 1 where scanner.nameIs(Names.v): raw = text; collecting = 0
                case 2 where scanner.nameIs(Names.f): formula = text; collecting = 0
                case 3 where scanner.nameIs(Names.t): inline = (inline ?? "") + text; collecting = 0
                default: break
                }
            }
        }
    }

    private func interpret(type: String, raw: String?, inline: String?, format: String, column: Int, row: Int) throws -> CellValue {
        let place = Self.reference(column, row)
        switch type {
        case "s":
            guard let raw else { return .empty }
            guard let i = Int(raw), i >= 0, i < strings.count else {
                throw fail(place, "refers to shared string \(raw), but the workbook has \(strings.count)")
            }
            return .string(strings[i])
        case "inlineStr":
            return inline.map { .string(Escapes.decode($0)) } ?? .empty
        case "str":
            return .string(Escapes.decode(raw ?? ""))
        case "b":
            return raw.map { .bool($0 == "1" || $0 == "true") } ?? .empty
        case "e":
            return raw.map { .error($0) } ?? .empty
        case "d":
            return raw.map { .date(ExcelDate.normaliseISO($0)) } ?? .empty
        default:
            guard let raw, !raw.isEmpty else { return .empty }
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw fail(place, "\"\(raw)\" is not a number")
            }
            if NumberFormat.isDate(format), let iso = ExcelDate.iso(serial: number, date1904: date1904) {
                return .date(iso)
            }
            return .number(number)
        }
    }

    private func column(of ref: ArraySlice<UInt8>, row: Int) throws -> Int {
        var column = 0
        var letters = 0
        for byte in ref {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A") && upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            // Stop before the number can overflow; anything this long is past XFD anyway.
            if letters > 4 { break }
        }
        let text = String(decoding: ref, as: UTF8.self)
        guard letters > 0 else { throw fail(text, "is not a cell reference") }
        guard letters <= 3, column <= Self.maxColumns else {
            throw fail(text.count > 12 ? String(text.prefix(12)) + "…" : text, "is past XFD1048576, the last cell a sheet can have")
        }
        if let n = Self.number(ref.dropFirst(letters)), n > Self.maxRows {
            throw fail(text, "is past XFD1048576, the last cell a sheet can have")
        }
        return column - 1
    }

    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }

    static func reference(_ column: Int, _ row: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }
}
