import ChildProcess
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// LibreOffice Calc, headless, as the tests' real spreadsheet application: one office serves a
/// whole suite (or several running at once), converting and filling many files.
///
/// A suite asks for it with the `.libreOffice` trait; its tests reach it through
/// `Office.current()`. The office runs under `Scripts/office.py` in a process group of its own,
/// on a private profile warmed before use, and talks through a named pipe (no TCP port that
/// another run could hold). When the last suite using it ends, the office is ended, the whole
/// group is killed if anything lingers, its folder is removed, and the suite fails if any
/// process of that group is still alive.
public final class Office: @unchecked Sendable {
    public static let script = repositoryRoot.appendingPathComponent("Tests/TestSupport/Scripts/office.py")

    /// The office of the suite running this test.
    @TaskLocal static var scoped: Office?

    public static func current() throws -> Office {
        guard let office = scoped else { throw InspectorError("this suite needs the .libreOffice trait to use LibreOffice") }
        return office
    }

    /// office.py, answering a request per line.
    private let worker: JSONLineWorker
    /// The process group of the worker, the office and everything the office starts.
    public var processGroup: pid_t { worker.process.pid }
    /// Holds the office's profile; removed when the office ends.
    public let folder: URL

    /// Starts an office of its own; `end()` it. Suites share one through the `.libreOffice` trait instead.
    public init() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice") else {
            throw InspectorError("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc python3-uno")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("boardpack-office-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            // LibreOffice's own temporary files go in the office's folder, removed with it.
            let temporary = folder.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            worker = try JSONLineWorker("LibreOffice", "/usr/bin/python3", [Self.script.path, folder.path], environment: ["TMPDIR": temporary.path])
            let ready = try worker.readReply(timeout: 180)
            guard ready["ready"] as? Bool == true else { throw InspectorError("LibreOffice did not start: \(ready)") }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    // MARK: - Requests

    private func request(_ body: [String: Any]) throws { try worker.request(body) }

    /// Saves `file` through an export filter (e.g. "calc_pdf_Export") as `output`.
    public func convert(_ file: URL, filter: String, options: String? = nil, to output: URL) throws {
        var body: [String: Any] = ["op": "convert", "in": file.path, "out": output.path, "filter": filter]
        if let options { body["options"] = options }
        try request(body)
    }

    /// The workbook printed to PDF, as File > Export as PDF does; returns the PDF's path.
    @discardableResult
    public func pdf(of file: URL, into folder: URL) throws -> URL {
        let output = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".pdf")
        try convert(file, filter: "calc_pdf_Export", to: output)
        return output
    }

    /// The file as Calc saves it again (File > Save As > Excel 2007-365).
    public func resave(_ file: URL, as output: URL) throws {
        try convert(file, filter: "Calc MS Excel 2007 XML", to: output)
    }

    /// Every sheet as LibreOffice shows it (formatted text), keyed by sheet name.
    public func sheetsAsShown(_ file: URL, in folder: URL) throws -> [String: [[String]]] {
        let stem = file.deletingPathExtension().lastPathComponent
        // Tokens: comma, double quote, UTF-8, from line 1, default formats, language, do not
        // quote all text, detect numbers, save cell contents as shown, ..., sheet -1 = every sheet.
        try convert(
            file, filter: "Text - txt - csv (StarCalc)", options: "44,34,76,1,,0,false,true,true,false,false,-1",
            to: folder.appendingPathComponent(stem + ".csv"))
        var out: [String: [[String]]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasPrefix(stem + "-") && name.hasSuffix(".csv") {
            let sheet = String(name.dropFirst(stem.count + 1).dropLast(4))
            out[sheet] = CSV.parse(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        return out
    }

    /// One change made in Calc (see `Scripts/office.py` for what each does).
    public enum Edit {
        /// Typed at the keyboard and confirmed with Enter, with a UK locale.
        case type(String, sheet: String, cell: String)
        /// Put in as text whatever it looks like, past any drop-down.
        case text(String, sheet: String, cell: String)
        case number(Double, sheet: String, cell: String)
        case formula(String, sheet: String, cell: String)
        /// Format > Merge Cells over a range ("G5:G6").
        case merge(sheet: String, range: String)
        /// Tools > Protect Sheet unticked (returns are protected without a password).
        case unprotect(sheet: String)
        /// Empty rows inserted above a row (1-based, as the sheet numbers it).
        case insertRows(sheet: String, above: Int, count: Int)
        /// Rows deleted from a row (1-based) down.
        case deleteRows(sheet: String, from: Int, count: Int)
        /// A row (1-based) cut and inserted above another.
        case moveRow(sheet: String, row: Int, above: Int)
        /// Rows `first` to `last` (1-based) cut and inserted together above row `above`
        /// (numbered as before the move).
        case moveRows(sheet: String, first: Int, last: Int, above: Int)
        /// Sheet > Insert Columns Before: `count` empty columns left of `column` ("B").
        case insertColumns(sheet: String, before: String, count: Int)

        var json: [String: Any] {
            switch self {
            case .type(let v, let s, let c): ["sheet": s, "cell": c, "type": v]
            case .text(let v, let s, let c): ["sheet": s, "cell": c, "text": v]
            case .number(let v, let s, let c): ["sheet": s, "cell": c, "number": v]
            case .formula(let v, let s, let c): ["sheet": s, "cell": c, "formula": v]
            case .merge(let s, let r): ["sheet": s, "cell": r, "merge": true]
            case .unprotect(let s): ["sheet": s, "cell": "A1", "unprotect": true]
            case .insertRows(let s, let row, let n): ["sheet": s, "cell": "A\(row)", "insertRows": n]
            case .deleteRows(let s, let row, let n): ["sheet": s, "cell": "A\(row)", "deleteRows": n]
            case .moveRow(let s, let row, let above): ["sheet": s, "cell": "A\(row)", "moveRowAbove": "A\(above)"]
            case .moveRows(let s, let first, let last, let above): ["sheet": s, "cell": "A\(first):A\(last)", "moveRowAbove": "A\(above)"]
            case .insertColumns(let s, let column, let n): ["sheet": s, "cell": "\(column)1", "insertColumns": n]
            }
        }
    }

    /// Opens `file` in Calc, makes the edits, and saves the result as .xlsx at `output`.
    public func fill(_ file: URL, _ edits: [Edit], to output: URL) throws {
        try request(["op": "fill", "in": file.path, "out": output.path, "edits": edits.map(\.json)])
    }

    // MARK: - Sharing between suites

    private static let sharing = NSLock()
    nonisolated(unsafe) private static var shared: (office: Office, users: Int)?

    static func acquire() throws -> Office {
        sharing.lock()
        defer { sharing.unlock() }
        if let (office, users) = shared {
            shared = (office, users + 1)
            return office
        }
        let office = try Office()
        shared = (office, 1)
        return office
    }

    /// Ends the office when its last suite is done; returns what it left running, if anything.
    static func release() -> [String] {
        sharing.lock()
        defer { sharing.unlock() }
        guard let (office, users) = shared else { return [] }
        if users > 1 {
            shared = (office, users - 1)
            return []
        }
        shared = nil
        return office.end()
    }

    /// Asks the office to quit, then makes sure: the whole group is killed and the folder removed.
    /// Returns the processes of the group still alive after that (there should be none).
    public func end() -> [String] {
        let process = worker.process
        process.closeInput()
        if process.waitForExit(seconds: 30) == nil { process.killGroup(SIGKILL) }
        process.waitForExit()
        process.killGroup(SIGKILL)  // anything of the group that outlived the worker
        // A process killed a moment ago may take a moment to go.
        var left = Self.processes(inGroup: process.pid)
        for _ in 0..<100 where !left.isEmpty {
            usleep(20_000)
            left = Self.processes(inGroup: process.pid)
        }
        try? FileManager.default.removeItem(at: folder)
        return left
    }

    /// "PID command" of every live process whose process group is `group`, from /proc.
    public static func processes(inGroup group: pid_t) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> String? in
            guard Int32(entry) != nil, let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // Fields after "(comm)": state, ppid, pgrp...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", Int32(fields[2]) == group else { return nil }
            let command = (try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8))?
                .replacingOccurrences(of: "\0", with: " ") ?? ""
            return "\(entry) \(command)"
        }
    }
}

/// `@Suite(.libreOffice)`: the suite's tests share one LibreOffice, ended when the suite is done;
/// the suite fails if any process of it is left running.
public struct LibreOfficeTrait: SuiteTrait, TestScoping {
    public init() {}

    public var isRecursive: Bool { false }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let office = try Office.acquire()
        do {
            try await Office.$scoped.withValue(office) { try await function() }
        } catch {
            _ = Office.release()
            throw error
        }
        let left = Office.release()
        #expect(left.isEmpty, "LibreOffice processes left running after the suite: \(left)")
    }
}

extension Trait where Self == LibreOfficeTrait {
    public static var libreOffice: Self { LibreOfficeTrait() }
}
