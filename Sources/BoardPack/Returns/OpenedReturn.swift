import Foundation
import ReportModel
import XLSXReader

/// A return's file read, fingerprinted and opened as a workbook: all of checking it that needs
/// no report, so that it can start while the report is still being decoded (`ReturnPrefetch`).
/// A file that cannot be read or opened is already the refused result, with its reason.
public struct OpenedReturn: @unchecked Sendable {  // the workbook moves to one thread, never shared
    var result: CheckedReturn
    var book: XLSXFile?
    /// A return given on the portal's web form (`FormSubmission`), instead of a workbook.
    var form: FormSubmission?

    private init(result: CheckedReturn, book: XLSXFile?) {
        self.result = result
        self.book = book
    }

    public init(fileAt url: URL) {
        let name = url.lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: url))
        } catch {
            var unread = CheckedReturn(file: name, path: url.relativePath, sha256: "")
            unread.refuse("cannot be read (\(SystemReason.of(error)))")
            self.init(result: unread, book: nil)
            return
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
        self.init(bytes: bytes, name: name, path: url.relativePath, modified: modified)
    }

    public init(bytes: [UInt8], name: String, path: String? = nil, modified: Date? = nil) {
        result = CheckedReturn(file: name, path: path ?? name, sha256: SHA256.hex(bytes), modified: modified)
        switch FormSubmission.reading(bytes) {
        case .notAForm: break
        case .form(let form):
            self.form = form
            result.isForm = true
            return
        case .unreadable(let why):
            result.isForm = true
            result.refuse(why)
            return
        }
        do {
            book = try XLSXFile(bytes: bytes, name: name)
        } catch {
            result.refuse(error)
        }
    }
}
