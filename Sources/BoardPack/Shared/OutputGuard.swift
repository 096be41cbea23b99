import Foundation
import ReportModel
import XLSXReader

/// Where a command may write, decided before anything is read or written, so that an ordinary
/// slip (`merge q1.json -o returns/*.xlsx`, the output name forgotten) never costs an agency's
/// return or last quarter's report.
///
/// A command never writes over one of its inputs, over a file of another kind (a return or a
/// board pack when it writes a report, a report when it writes a board pack, anything but a
/// PDF when it prints one), or over anything that is not a regular file (a folder, a device).
/// A symbolic link is written through: the file it points to is replaced, the link stays.
public enum OutputGuard {
    /// What every command that writes says in its help.
    public static let promise = """
        -o never replaces one of the command's inputs, a file of another kind (an agency's return \
        or a board pack when it writes a report; a report or a return when it writes a board \
        pack), or anything that is not a regular file (a folder, a device); a symbolic link is \
        written through, and a file written again keeps its permissions. The file is written \
        whole or not at all.
        """

    public enum Kind: Sendable {
        /// Report JSON (`merge`, `next`, `import`).
        case report
        /// A board pack workbook (`export -o x.xlsx`).
        case boardPack
        /// A PDF (`export -o x.pdf`).
        case pdf

        var noun: String {
            switch self {
            case .report: "a report"
            case .boardPack: "a board pack"
            case .pdf: "a PDF"
            }
        }
    }

    /// The path to write `kind` to for `-o output`, symbolic links followed.
    /// - Parameter inputs: every file or folder the command reads.
    /// - Throws: `WorkbookProblems` naming the output and what it would have lost.
    public static func target(_ output: String, writing kind: Kind, inputs: [String]) throws -> URL {
        func refuse(_ message: String) -> WorkbookProblems { WorkbookProblems([WorkbookProblem(Place(file: output), message)]) }
        let ext = (output as NSString).pathExtension.lowercased()
        switch kind {
        case .report where ["xlsx", "xlsm", "xls", "ods", "csv", "pdf"].contains(ext):
            throw refuse("is named as a .\(ext) file, but a report is JSON; name the output .json (was the output name left out?)")
        case .boardPack where ext != "xlsx":
            throw refuse("is not a name for a board pack; name it .xlsx (a workbook) or .pdf (printed)")
        default: break
        }
        let url = try resolvingLinks(URL(fileURLWithPath: output), refuse: refuse)
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return url }  // a new file
        guard info.st_mode & S_IFMT == S_IFREG else {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file (a device, a pipe or a socket)"
            throw refuse("is \(what); name a file to write \(kind.noun) to")
        }
        for input in inputs {
            var other = stat()
            if stat(input, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino {
                throw refuse("is the same file as the input \(input); write \(kind.noun) to a new file")
            }
        }
        if let held = holds(url), held != .kind(kind) {
            throw refuse("already holds \(held.description), not \(kind.noun); it is not replaced: choose another name")
        }
        return url
    }

    /// The path a link points to, link after link (at most 8); the path itself otherwise.
    private static func resolvingLinks(_ url: URL, refuse: (String) -> WorkbookProblems) throws -> URL {
        var current = url
        for _ in 0..<8 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return current }
            current = destination.hasPrefix("/")
                ? URL(fileURLWithPath: destination) : current.deletingLastPathComponent().appendingPathComponent(destination)
        }
        throw refuse("is a symbolic link that leads through more than 8 links; name the file itself")
    }

    /// A return may be written over only a return of the same report, period and agency with
    /// nothing filled in: never over an agency's answers, or last period's returns.
    public static func mayReplaceReturn(at url: URL, checker: ReturnChecker, agency: Agency) throws {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return }
        let checked = checker.check(fileAt: url)
        guard info.st_mode & S_IFMT == S_IFREG, checked.isBlank, checked.agency?.id == agency.id else {
            throw WorkbookProblems([WorkbookProblem(
                Place(file: url.path),
                "already exists and is not a blank \(checker.report.period.label) return for \(agency.name) (it may hold answers, or be another period's); it is not replaced: move it away or write the returns to another folder")])
        }
    }

    /// What an existing file holds, told from its content.
    enum Held: Equatable, CustomStringConvertible {
        case kind(Kind)
        case agencyReturn
        case otherWorkbook
        case other

        var description: String {
            switch self {
            case .kind(let kind): kind.noun
            case .agencyReturn: "an agency's return"
            case .otherWorkbook: "a workbook boardpack did not make"
            case .other: "something else (neither a report, a board pack nor a PDF)"
            }
        }
    }

    static func holds(_ url: URL) -> Held? {
        // Never blocks: opened without waiting, so a pipe with no writer reads as empty.
        let fd = open(url.path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fd, &buffer, buffer.count)
        close(fd)
        let head = Array(buffer.prefix(max(0, n)))
        if head.isEmpty { return nil }  // an empty file holds nothing to lose
        if head.starts(with: Array("%PDF".utf8)) { return .kind(.pdf) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard let book = try? XLSXFile(contentsOf: url) else { return .otherWorkbook }
            let sheets = Set(book.sheets.map(\.name))
            if sheets.contains(BoardPackLayout.reportSheet) { return .kind(.boardPack) }
            if sheets.contains(ReturnLayout.detailsSheet) || book.customProperties[ReturnLayout.Key.agency] != nil { return .agencyReturn }
            return .otherWorkbook
        }
        // JSON: an object, perhaps after a byte-order mark and white space.
        let text = head.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if text.first == UInt8(ascii: "{") { return .kind(.report) }
        return .other
    }
}
