import Foundation

/// What `boardpack dump` prints: every cell as the reader sees it, as JSON or CSV, streamed.
///
/// JSON is `{"sheets": [{"name": "...", "rows": [[...], ...]}]}`: row i of `rows` is sheet row
/// i+1, each row runs from column A to its last non-empty cell, trailing empty rows are left
/// out; numbers are JSON numbers, booleans booleans, empty cells null, error values their text,
/// and dates, times of day and elapsed times ISO 8601 strings ("2013-07-17T14:30:00",
/// "13:30:55.2", "PT255H10M10S").
public enum Dump {
    /// Writes the sheets (all, or the one named) as JSON through `write`.
    public static func json(_ book: XLSXFile, sheet: String?, write: (String) -> Void) throws {
        let names = try sheet.map { [try resolve($0, in: book)] } ?? book.sheets.filter { $0.part != nil }.map(\.name)
        write("{\"sheets\": [")
        for (s, name) in names.enumerated() {
            write(s == 0 ? "\n" : ",\n")
            write("  {\"name\": \(jsonString(name)), \"rows\": [")
            var reader = try book.rows(ofSheet: name)
            var emitted = 0
            var pendingEmpty = 0
            while let row = try reader.next() {
                let values = row.values
                if values.isEmpty { continue }
                // Rows with nothing in them only appear when a later row has content.
                pendingEmpty += row.index - emitted - pendingEmpty
                for _ in 0..<pendingEmpty {
                    write(emitted == 0 ? "\n    []" : ",\n    []")
                    emitted += 1
                }
                pendingEmpty = 0
                write(emitted == 0 ? "\n    [" : ",\n    [")
                for (i, value) in values.enumerated() {
                    if i > 0 { write(", ") }
                    write(jsonValue(value))
                }
                write("]")
                emitted += 1
            }
            write(emitted == 0 ? "]}" : "\n  ]}")
        }
        write(names.isEmpty ? "]}\n" : "\n]}\n")
    }

    /// Writes one sheet (the first unless named) as RFC 4180 CSV through `write`.
    public static func csv(_ book: XLSXFile, sheet: String?, write: (String) -> Void) throws {
        guard let name = try sheet.map({ try resolve($0, in: book) }) ?? book.sheets.first(where: { $0.part != nil })?.name else {
            throw XLSXError(file: book.file, message: "has no worksheet")
        }
        var reader = try book.rows(ofSheet: name)
        var next = 0
        while let row = try reader.next() {
            let values = row.values
            if values.isEmpty { continue }
            while next < row.index { write("\r\n"); next += 1 }
            write(values.map { csvField($0) }.joined(separator: ",") + "\r\n")
            next += 1
        }
    }

    private static func resolve(_ name: String, in book: XLSXFile) throws -> String {
        guard let sheet = book.sheets.first(where: { $0.name == name }) ?? book.sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw XLSXError(file: book.file, message: "has no sheet named \"\(name)\" (it has \(book.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")))")
        }
        return sheet.name
    }

    static func jsonValue(_ value: CellValue) -> String {
        switch value {
        case .empty: return "null"
        case .number(let n): return jsonNumber(n)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s), .error(let s), .date(let s), .time(let s), .duration(let s): return jsonString(s)
        }
    }

    /// Whole numbers without a fraction ("1583", not "1583.0"); others in Swift's shortest
    /// round-tripping form, which is valid JSON.
    static func jsonNumber(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    static func jsonString(_ s: String) -> String {
        // Most text needs no escaping: check the bytes once and skip the per-scalar loop.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func csvField(_ value: CellValue) -> String {
        let text: String
        switch value {
        case .empty: return ""
        case .number(let n): text = jsonNumber(n)
        case .bool(let b): text = b ? "TRUE" : "FALSE"
        case .string(let s), .error(let s), .date(let s), .time(let s), .duration(let s): text = s
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
