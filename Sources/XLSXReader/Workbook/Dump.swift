/// What `boardpack dump` prints: every cell as the reader sees it, as JSON or CSV, streamed.
///
/// JSON is `{"sheets": [{"name": "...", "rows": [[...], ...]}]}`: row i of `rows` is sheet row
/// i+1, each row runs from column A to its last non-empty cell, trailing empty rows are left
/// out; numbers are JSON numbers, booleans booleans, empty cells null, error values their text,
/// and dates, times of day and elapsed times ISO 8601 strings ("2013-07-17T14:30:00",
/// "13:30:55.2", "PT255H10M10S").
///
/// Output is UTF-8 bytes handed to `write` in blocks of about 64 KiB, each ending between two
/// values (never inside a character). Values are written as bytes straight into the block: a
/// million cells would otherwise be a million short-lived strings.
public enum Dump {
    /// Writes the sheets (all, or the one named) as JSON through `write`.
    public static func json(_ book: XLSXFile, sheet: String?, write: ([UInt8]) -> Void) throws {
        let names = try sheet.map { [try resolve($0, in: book)] } ?? book.sheets.filter { $0.part != nil }.map(\.name)
        var out = Output()
        out.append("{\"sheets\": [")
        for (s, name) in names.enumerated() {
            out.append(s == 0 ? "\n" : ",\n")
            out.append("  {\"name\": ")
            out.appendJSONString(name)
            out.append(", \"rows\": [")
            var reader = try book.rows(ofSheet: name)
            var emitted = 0
            var pendingEmpty = 0
            while let row = try reader.next() {
                guard let last = row.cells.lastIndex(where: { !$0.value.isEmpty }) else { continue }
                // Rows with nothing in them only appear when a later row has content.
                pendingEmpty += row.index - emitted - pendingEmpty
                for _ in 0..<pendingEmpty {
                    out.append(emitted == 0 ? "\n    []" : ",\n    []")
                    emitted += 1
                }
                pendingEmpty = 0
                out.append(emitted == 0 ? "\n    [" : ",\n    [")
                // Column A to the last non-empty cell, null in the gaps.
                var column = 0
                // By index, not `for cell in`: a cell copied out is a retain and a release of
                // each of its strings, a million times over.
                for i in 0...last {
                    while column < row.cells[i].column {
                        out.append(column == 0 ? "null" : ", null")
                        column += 1
                    }
                    if column > 0 { out.append(", ") }
                    out.appendJSON(row.cells[i].value)
                    column += 1
                }
                out.append("]")
                emitted += 1
                out.flushIfFull(write)
            }
            out.append(emitted == 0 ? "]}" : "\n  ]}")
        }
        out.append(names.isEmpty ? "]}\n" : "\n]}\n")
        out.flush(write)
    }

    /// Writes one sheet (the first unless named) as RFC 4180 CSV through `write`.
    public static func csv(_ book: XLSXFile, sheet: String?, write: ([UInt8]) -> Void) throws {
        guard let name = try sheet.map({ try resolve($0, in: book) }) ?? book.sheets.first(where: { $0.part != nil })?.name else {
            throw XLSXError(file: book.file, message: "has no worksheet")
        }
        var out = Output()
        var reader = try book.rows(ofSheet: name)
        var next = 0
        while let row = try reader.next() {
            guard let last = row.cells.lastIndex(where: { !$0.value.isEmpty }) else { continue }
            while next < row.index { out.append("\r\n"); next += 1 }
            var column = 0
            for i in 0...last {
                while column < row.cells[i].column {
                    if column > 0 { out.append(",") }
                    column += 1
                }
                if column > 0 { out.append(",") }
                out.appendCSV(row.cells[i].value)
                column += 1
            }
            out.append("\r\n")
            next += 1
            out.flushIfFull(write)
        }
        out.flush(write)
    }

    private static func resolve(_ name: String, in book: XLSXFile) throws -> String {
        guard let sheet = book.sheets.first(where: { $0.name == name }) ?? book.sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw XLSXError(file: book.file, message: "has no sheet named \"\(name)\" (it has \(book.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")))")
        }
        return sheet.name
    }

    /// The bytes of a dump, gathered into blocks for `write`.
    struct Output {
        private var bytes: [UInt8] = []
        private static let block = 1 << 16

        init() { bytes.reserveCapacity(Self.block + 4096) }

        mutating func flushIfFull(_ write: ([UInt8]) -> Void) { if bytes.count >= Self.block { flush(write) } }

        mutating func flush(_ write: ([UInt8]) -> Void) {
            guard !bytes.isEmpty else { return }
            write(bytes)
            bytes.removeAll(keepingCapacity: true)
        }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func appendJSON(_ value: CellValue) {
            switch value {
            case .empty: append("null")
            case .number(let n): appendNumber(n)
            case .bool(let b): b ? append("true") : append("false")
            case .string(let s), .error(let s), .date(let s), .time(let s), .duration(let s): appendJSONString(s)
            }
        }

        mutating func appendCSV(_ value: CellValue) {
            switch value {
            case .empty: return
            case .number(let n): appendNumber(n)
            case .bool(let b): b ? append("TRUE") : append("FALSE")
            case .string(let s), .error(let s), .date(let s), .time(let s), .duration(let s): appendCSVField(s)
            }
        }

        /// Whole numbers without a fraction ("1583", not "1583.0"); others in Swift's shortest
        /// round-tripping form, which is valid JSON.
        mutating func appendNumber(_ n: Double) {
            if n == n.rounded(), abs(n) < 1e15 {
                appendInteger(Int64(n))
            } else {
                var text = n.description
                text.withUTF8 { bytes.append(contentsOf: $0) }
            }
        }

        private mutating func appendInteger(_ value: Int64) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            var digits: (UInt64, UInt64) = (0, 0)  // up to 16 digits, written backwards
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[15 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                bytes.append(contentsOf: buffer[(16 - count)...])
            }
        }

        mutating func appendJSONString(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                bytes.append(UInt8(ascii: "\""))
                // Most text needs no escaping: one pass to check, one bulk copy.
                if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                    bytes.append(contentsOf: utf8)
                } else {
                    for byte in utf8 {
                        switch byte {
                        case UInt8(ascii: "\""): append("\\\"")
                        case UInt8(ascii: "\\"): append("\\\\")
                        case UInt8(ascii: "\n"): append("\\n")
                        case UInt8(ascii: "\r"): append("\\r")
                        case UInt8(ascii: "\t"): append("\\t")
                        case ..<0x20:
                            let hex: [UInt8] = Array("0123456789abcdef".utf8)
                            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                        default: bytes.append(byte)
                        }
                    }
                }
                bytes.append(UInt8(ascii: "\""))
            }
        }

        /// Quoted (quotes doubled) only when it holds a comma, a quote or a line break.
        private mutating func appendCSVField(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
                    bytes.append(contentsOf: utf8)
                    return
                }
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }
}
