import Foundation

/// A record of the cells and formats a workbook is given, for `benchmarks/export`: with
/// `BOARDPACK_WRITE_TRACE=FILE` set, every sheet, format, cell, merge, column width and row
/// height goes to FILE, one per line, tab-separated, so that a C program and a Python program
/// can write the very same cells and formats through libxlsxwriter and XlsxWriter and be timed
/// against boardpack. Charts, links (written as their text), page set-up and the like are not
/// recorded: the floor is the cells and their formats. Unset, nothing is recorded or checked.
///
///     D font size               the workbook's default font
///     S name                    a new sheet
///     F id fields…              a format: font, size, colour, bold, italic, underline, fill,
///                               number format, wrap, horizontal, vertical, indent, border, unlocked
///     T row col format text     text (\\ \n \t \r escaped); format -1 for none
///     N row col format number
///     B row col format          a formatted blank
///     M r1 c1 r2 c2 format text a merged range
///     C c1 c2 width format      column widths
///     H row height              a row's height
final class WriteTrace {
    private let file: UnsafeMutablePointer<FILE>
    private var formatIDs: [CellFormat: Int] = [:]

    /// The trace asked for by the environment, or nil.
    static func fromEnvironment() -> WriteTrace? {
        guard let path = ProcessInfo.processInfo.environment["BOARDPACK_WRITE_TRACE"], !path.isEmpty,
            let file = fopen(path, "w")
        else { return nil }
        return WriteTrace(file)
    }

    private init(_ file: UnsafeMutablePointer<FILE>) { self.file = file }

    deinit { fclose(file) }

    func line(_ fields: String...) { fputs(fields.joined(separator: "\t") + "\n", file) }

    func id(_ format: CellFormat?) -> String {
        guard let format else { return "-1" }
        if let id = formatIDs[format] { return String(id) }
        let id = formatIDs.count
        formatIDs[format] = id
        func o<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "" }
        func b(_ v: Bool) -> String { v ? "1" : "0" }
        line("F", String(id), o(format.fontName), o(format.fontSize), o(format.fontColor), b(format.bold), b(format.italic),
             b(format.underline), o(format.fill), Self.escape(format.numberFormat ?? ""), b(format.wrap), "\(format.horizontal)",
             "\(format.vertical)", String(format.indent), o(format.border), b(format.unlocked))
        return String(id)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
    }
}
