import Foundation
import XLSXWriter

/// How every workbook boardpack makes is written: atomically (see `AtomicFile`), with the
/// style's font as the workbook's default so column widths mean the same in Excel and LibreOffice.
enum WorkbookFile {
    static func write(to url: URL, style: Style, _ build: (Workbook) throws -> Void) throws {
        try AtomicFile.write(to: url) { temporary in
            let workbook = try Workbook(path: temporary)
            workbook.setDefaultFont(name: style.fonts.name, size: style.fonts.size)
            try build(workbook)
            try workbook.close()
        }
    }
}
