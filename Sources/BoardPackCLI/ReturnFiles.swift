import BoardPack
import Foundation
import ReportModel
import XLSXReader

/// The returns named on the command line: files as given, and for a folder the spreadsheets in
/// it, in name order.
///
/// A folder is how the secretariat keeps a quarter's returns, and it spares long file lists:
/// swift-argument-parser takes a list of positional arguments in quadratic time (0.64 s for
/// 5,000 names). In a folder every spreadsheet counts, not only .xlsx, so that a return saved
/// as .xls or .ods is refused with its reason instead of being passed over; other files, Office's
/// `~$` lock files, hidden files and subfolders are left alone. A return given on the portal's
/// web form, saved as `AGENCY-form.json` (`FormSubmission`), counts too.
enum ReturnFiles {
    static let spreadsheetExtensions: Set<String> = ["xlsx", "xlsm", "xls", "ods", "csv", "numbers"]

    static func expand(_ paths: [String]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            guard isFolder(path) else {
                files.append(URL(fileURLWithPath: path))  // a file, or a name the check reports as unreadable
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw WorkbookProblems([WorkbookProblem(Place(file: path), "cannot be read (\(SystemReason.of(error)))")])
            }
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            let returns = names.sorted().filter { name in
                !name.hasPrefix(".") && !name.hasPrefix("~$")
                    && (spreadsheetExtensions.contains((name as NSString).pathExtension.lowercased()) || name.lowercased().hasSuffix("-form.json"))
            }.map { folder.appendingPathComponent($0) }.filter { !isFolder($0.path) }
            if returns.isEmpty {
                throw WorkbookProblems([WorkbookProblem(Place(file: path), "holds no returns (no .xlsx or other spreadsheet file in the folder)")])
            }
            files += returns
        }
        return files
    }

    private static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
