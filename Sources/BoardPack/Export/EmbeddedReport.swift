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
            try sheet.write(String(rest.prefix(BoardPackLayout.reportChunk)), row: row, col: 0)
            rest = rest.dropFirst(BoardPackLayout.reportChunk)
            row += 1
        }
        sheet.protectWithoutPassword()
        sheet.hide()
    }
}
