import Foundation
import ReportModel
import XLSXWriter

/// The report's JSON kept in a hidden sheet of the board pack, so that `boardpack import` can
/// restore what the printed sheets do not show (ids, agency aliases, targets, sources...).
/// The visible cells stay the truth for what people edit: see `BoardPackImporter`.
enum EmbeddedReport {
    /// - Parameter json: the report as `ReportCoding.encode` writes it.
    static func write(json data: Data, into workbook: Workbook) throws {
        let json = String(decoding: data, as: UTF8.self)
        let sheet = try workbook.addWorksheet(named: BoardPackLayout.reportSheet)
        var row = 0
        var rest = Substring(json)
        while !rest.isEmpty {
            let end = asciiChunkEnd(rest) ?? rest.index(rest.startIndex, offsetBy: BoardPackLayout.reportChunk, limitedBy: rest.endIndex) ?? rest.endIndex
            try sheet.write(String(rest[..<end]), row: row, col: 0)
            rest = rest[end...]
            row += 1
        }
        sheet.protectWithoutPassword()
        sheet.hide()
    }

    /// Where a chunk of `reportChunk` characters ends, found from the bytes when they are plain
    /// ASCII (as the canonical JSON nearly always is): counting characters one by one took a
    /// twentieth of an export's time. Between two ASCII characters other than CR LF a character
    /// always ends, so the chunk and the byte after it being such is enough; nil otherwise.
    private static func asciiChunkEnd(_ text: Substring) -> Substring.Index? {
        let bytes = text.utf8
        guard let end = bytes.index(bytes.startIndex, offsetBy: BoardPackLayout.reportChunk, limitedBy: bytes.endIndex) else {
            return text.endIndex  // fewer bytes than that are fewer characters too
        }
        let next = end == bytes.endIndex ? end : bytes.index(after: end)
        let plain = bytes[bytes.startIndex..<next].withContiguousStorageIfAvailable { chunk in
            chunk.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        }
        return plain == true ? end : nil
    }
}
