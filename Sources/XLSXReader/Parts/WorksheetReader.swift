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
    /// Reused for each cell's value bytes.
    private var valueBytes: [UInt8] = []
    private var lastRow = -1
    /// The most cells a row has had, to size the next row's array once.
    private var widest = 0
    private var done = false
    /// Merged ranges ("A1:C1"), complete once every row has been read (they follow the data).
    public private(set) var mergedRanges: [String] = []
    /// Array formulas' ranges still ahead (0-based rows and columns): their cells after the
    /// first carry only a value, yet each is the formula's result.
    private var arrays: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []

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

    private func fail(row: Int, _ message: String) -> XLSXError {
        XLSXError(place: Place(file: file, sheet: sheet, row: row + 1), message: message)
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
        guard index < Self.maxRows else { throw fail(row: index, "is past row \(Self.maxRows), the last a sheet can have") }
        guard index > lastRow else { throw fail(row: index, "comes after row \(lastRow + 1); rows must be in order") }
        lastRow = index
        return index
    }

    private mutating func readCells(of rowIndex: Int) throws -> Row {
        var cells: [Cell] = []
        cells.reserveCapacity(widest)
        var nextColumn = 0
        while true {
            // Nearly every tag in a row is a cell's: read it in one step where it has the
            // common shape, and fall back to the general path for anything else.
            if let tag = scanner.simpleCellTag() {
                cells.appendIfHeld(try cell(r: tag.r, t: tag.t, s: tag.s, empty: tag.empty, row: rowIndex, nextColumn: &nextColumn))
                continue
            }
            let event = try scanner.next()
            switch event {
            case .eof: throw fail(nil, "ends inside row \(rowIndex + 1)")
            case .end:
                if scanner.nameIs(hot.row) {
                    widest = max(widest, cells.count)
                    return Row(index: rowIndex, cells: cells)
                }
            case .start, .empty:
                guard scanner.nameIs(hot.c) else {
                    if event == .start { try scanner.skipElement() }
                    continue
                }
                let (r, t, s) = scanner.attributeRanges(hot.r, hot.t, hot.s)
                cells.appendIfHeld(try cell(r: r, t: t, s: s, empty: event == .empty, row: rowIndex, nextColumn: &nextColumn))
            case .text: break
            }
        }
    }

    /// The cell whose start tag (with these attribute ranges) was just read.
    private mutating func cell(r: Range<Int>?, t: Range<Int>?, s: Range<Int>?, empty: Bool, row: Int, nextColumn: inout Int) throws -> Cell {
        var column = nextColumn
        if let r {
            column = try self.column(of: scanner.bytes(r), row: row)
        }
        guard column < Self.maxColumns else {
            throw fail(Self.reference(column, row), "is past column XFD, the last a sheet can have")
        }
        nextColumn = column + 1
        let type = CellType(t.map { scanner.bytes($0) })
        let style = s.flatMap { Self.number(scanner.bytes($0)) } ?? 0
        var cell = try (empty ? nil : simpleCell(column: column, row: row, type: type, style: style))
            ?? readCell(column: column, row: row, type: type, style: style, empty: empty)
        if cell.formula == nil && !arrays.isEmpty && inArray(column: column, row: row) { cell.formula = "" }
        return cell
    }

    /// The `t` attribute of a cell, read from its bytes without making a string.
    private enum CellType {
        case number, shared, inline, formulaString, boolean, error, isoDate

        init(_ bytes: ArraySlice<UInt8>?) {
            guard let bytes, let first = bytes.first else { self = .number; return }
            switch (first, bytes.count) {
            case (UInt8(ascii: "s"), 1): self = .shared
            case (UInt8(ascii: "s"), _): self = .formulaString  // "str"
            case (UInt8(ascii: "i"), _): self = .inline  // "inlineStr"
            case (UInt8(ascii: "b"), _): self = .boolean
            case (UInt8(ascii: "e"), _): self = .error
            case (UInt8(ascii: "d"), _): self = .isoDate
            default: self = .number
            }
        }
    }

    /// `<v>value</v></c>` or `<is><t>text</t></is></c>`, the shapes nearly every cell has, read
    /// without walking its elements one by one; nil for any other shape.
    private mutating func simpleCell(column: Int, row: Int, type: CellType, style: Int) throws -> Cell? {
        if type == .inline {
            guard let range = scanner.simpleContent(hot.inlineOpen, hot.inlineClose) else { return nil }
            let text = Escapes.decode(String(decoding: scanner.bytes(range), as: UTF8.self))
            return Cell(column: column, value: .string(text), numberFormat: styles.format(style))
        }
        guard let range = scanner.simpleContent(hot.valueOpen, hot.valueClose) else { return nil }
        valueBytes.removeAll(keepingCapacity: true)
        valueBytes.append(contentsOf: scanner.bytes(range))
        let value = try interpret(type, hasValue: true, inline: nil, style: style, column: column, row: row)
        return Cell(column: column, value: value, numberFormat: styles.format(style))
    }

    /// The names every cell is checked against, held by the reader: a static is checked for
    /// its one-time initialisation at every use, millions of times in a large sheet.
    private struct HotNames {
        let row = Names.row, c = Names.c, r = Names.r, t = Names.t, s = Names.s
        let valueOpen = Array("<v>".utf8), valueClose = Array("</v></c>".utf8)
        let inlineOpen = Array("<is><t>".utf8), inlineClose = Array("</t></is></c>".utf8)
    }
    private let hot = HotNames()

    private mutating func readCell(column: Int, row: Int, type: CellType, style: Int, empty: Bool) throws -> Cell {
        if empty { return Cell(column: column, value: .empty, numberFormat: styles.format(style)) }
        // Children: <v> (value), <f> (formula), <is> (inline string with <t> or rich runs).
        // The value's bytes are copied as they stream past: numbers never become strings.
        valueBytes.removeAll(keepingCapacity: true)
        var hasValue = false
        var inline: String?
        var formula: String?
        var depth = 0
        var collecting: UInt8 = 0  // 1 v, 2 f, 3 t
        var text = ""
        while true {
            switch try scanner.next() {
            case .eof: throw fail(Self.reference(column, row), "the sheet ends inside this cell")
            case .start:
                depth += 1
                if scanner.nameIs(Names.v) { collecting = 1; hasValue = true }
                else if scanner.nameIs(Names.f) { collecting = 2; text = ""; try noteArray(column: column, row: row) }
                else if scanner.nameIs(Names.t) { collecting = 3; text = "" }
                else if scanner.nameIs(Names.rPh) { try scanner.skipElement(); depth -= 1 }
                else if scanner.nameIs(Names.is_) { inline = "" }
            case .empty:
                if scanner.nameIs(Names.v) { hasValue = true }
                // A shared formula's later cells (`<f t="shared" si="0"/>`): a formula whose
                // text is written in its first cell.
                else if scanner.nameIs(Names.f) { formula = formula ?? ""; try noteArray(column: column, row: row) }
            case .text:
                switch collecting {
                case 1: try scanner.appendTextBytes(to: &valueBytes)
                case 2, 3: try scanner.appendText(to: &text)
                default: break
                }
            case .end:
                if depth == 0 {
                    let value = try interpret(type, hasValue: hasValue, inline: inline, style: style, column: column, row: row)
                    return Cell(column: column, value: value, formula: formula, numberFormat: styles.format(style))
                }
                depth -= 1
                switch collecting {
                case 1 where scanner.nameIs(Names.v): collecting = 0
                case 2 where scanner.nameIs(Names.f): formula = text; collecting = 0
                case 3 where scanner.nameIs(Names.t): inline = (inline ?? "") + text; collecting = 0
                default: break
                }
            }
        }
    }

    /// Records the range of an array formula (`<f t="array" ref="B2:B4">`) starting at this cell.
    private mutating func noteArray(column: Int, row: Int) throws {
        guard try scanner.attribute(Names.t) == "array", let ref = try scanner.attribute(Names.ref) else { return }
        let ends = ref.split(separator: ":").compactMap { Self.position(of: $0) }
        guard let first = ends.first else { return }
        let last = ends.count > 1 ? ends[1] : first
        guard first.row <= last.row, first.column <= last.column else { return }
        arrays.append((first.row...last.row, first.column...last.column))
    }

    /// Whether a cell lies in an array formula's range; ranges above the row are let go.
    private mutating func inArray(column: Int, row: Int) -> Bool {
        guard !arrays.isEmpty else { return false }
        arrays.removeAll { $0.rows.upperBound < row }
        return arrays.contains { $0.rows.contains(row) && $0.columns.contains(column) }
    }

    /// "B12" → 0-based column 1, row 11 (absolute `$` marks ignored); nil for anything else.
    static func position(of reference: Substring) -> (column: Int, row: Int)? {
        let plain = reference.filter { $0 != "$" }
        let letters = plain.prefix { $0.isASCII && $0.isLetter }
        guard (1...3).contains(letters.count), let number = Int(plain.dropFirst(letters.count)), (1...maxRows).contains(number) else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        guard column <= maxColumns else { return nil }
        return (column - 1, number - 1)
    }

    private func interpret(_ type: CellType, hasValue: Bool, inline: String?, style: Int, column: Int, row: Int) throws -> CellValue {
        let raw = valueBytes
        switch type {
        case .shared:
            // An empty <v/> is an empty cell (some writers leave one where a string was removed).
            guard hasValue, !raw.isEmpty else { return .empty }
            guard let i = Self.number(raw[...]), i < strings.count else {
                throw fail(Self.reference(column, row), "refers to shared string \(String(decoding: raw, as: UTF8.self)), but the workbook has \(strings.count)")
            }
            return .string(strings[i])
        case .inline:
            return inline.map { .string(Escapes.decode($0)) } ?? .empty
        case .formulaString:
            return .string(Escapes.decode(String(decoding: raw, as: UTF8.self)))
        case .boolean:
            return hasValue ? .bool(raw == [UInt8(ascii: "1")] || raw.elementsEqual("true".utf8)) : .empty
        case .error:
            return hasValue && !raw.isEmpty ? .error(String(decoding: raw, as: UTF8.self)) : .empty
        case .isoDate:
            return hasValue ? ExcelDate.normaliseISO(String(decoding: raw, as: UTF8.self)) : .empty
        case .number:
            guard !raw.isEmpty else { return .empty }
            guard let number = Self.double(raw), number.isFinite else {
                throw fail(Self.reference(column, row), "\"\(String(decoding: raw, as: UTF8.self))\" is not a number")
            }
            if let kind = styles.temporalKind(style), let value = ExcelDate.value(serial: number, kind: kind, date1904: date1904) {
                return value
            }
            return .number(number)
        }
    }

    /// Parses a number straight from its bytes with strtod (XML numbers are never localised).
    static func double(_ bytes: [UInt8]) -> Double? {
        guard bytes.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double? in
            for (i, b) in bytes.enumerated() {
                // strtod would accept "inf", "nan" and hex floats: only plain decimal notation is a number here.
                guard (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2D || b == 0x2B || b == 0x45 || b == 0x65 else { return nil }
                buffer[i] = CChar(bitPattern: b)
            }
            buffer[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + bytes.count ? value : nil
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

    /// "B7" for zero-based column 1, row 6.
    public static func reference(_ column: Int, _ row: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }
}

private extension Array where Element == Cell {
    /// A row keeps a cell with a value or a formula; an empty `<c/>` (a styled blank) is not held.
    mutating func appendIfHeld(_ cell: Cell) {
        if !cell.value.isEmpty || cell.formula != nil { append(cell) }
    }
}
