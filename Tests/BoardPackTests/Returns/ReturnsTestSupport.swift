import BoardPack
import Foundation
import ReportModel
import TestSupport

/// The Kent 2012-13 report rolled over into 2013-14 Q1 (so each goal has its 2012-13 rating in
/// its history), its returns, and ways to fill them in as agencies do: LibreOffice (the suite's
/// office), openpyxl, and re-saving through LibreOffice.
struct ReturnsFixture {
    let scratch: TemporaryFolder
    var folder: URL { scratch.url }
    let report: Report
    let reportFile: URL
    static let period = "2013-14 Q1"

    init(report: Report? = nil) throws {
        scratch = TemporaryFolder("returns")
        let kent = try Examples.report(Examples.kent)
        self.report = try report ?? Rollover(report: kent, file: "kent.json").next(Period(guessing: Self.period))
        reportFile = scratch.file("report.json")
        try ReportCoding.encode(self.report).write(to: reportFile)
    }

    func scope(_ agency: String) -> ReturnScope {
        ReturnScope.all(in: report).first { $0.agency.id == agency }!
    }

    /// The blank return for an agency, made once.
    func blank(_ agency: String) throws -> URL {
        let file = folder.appendingPathComponent("blank-" + scope(agency).fileName)
        if !FileManager.default.fileExists(atPath: file.path) {
            try ReturnTemplate(report: report, scope: scope(agency), deadline: "Friday 12 July 2013").write(to: file)
        }
        return file
    }

    /// Where a keyed cell is on an agency's blank return ("B17"): see `cell(in:_:_:)`.
    func cell(_ agency: String, _ id: String, _ field: String) throws -> String {
        try Self.cell(in: try blank(agency), id, field)
    }

    /// Where a keyed cell is in a return ("B17"), found with unzip, independently of boardpack's
    /// reader, wherever rows and columns have been moved to: the row keyed `id|field` in the
    /// column headed Key, in the column headed Goals; for `figure` and `note`, the row keyed
    /// `id|figure` on the Measures sheet, in the column headed Value... or Note.
    static func cell(in file: URL, _ id: String, _ field: String) throws -> String {
        let onMeasures = field == "figure" || field == "note"
        let rows = try XLSXInspector(file.path).sheet(onMeasures ? "Measures" : "Goals").rows
        let label = ["figure": "Value", "note": "Note"][field] ?? "Goals"
        guard let (headerRow, header) = rows.sorted(by: { $0.key < $1.key }).first(where: { $0.value.values.contains { $0.text == "Key" } }),
            let keyColumn = header.first(where: { $0.value.text == "Key" })?.key,
            let column = header.first(where: { $0.value.text == label || $0.value.text.hasPrefix(label + " for ") })?.key,
            let row = rows.first(where: { $0.key > headerRow && $0.value[keyColumn]?.text == "\(id)|\(onMeasures ? "figure" : field)" })?.key
        else { throw InspectorError("no \(id)|\(field) in \(file.lastPathComponent)") }
        return "\(column)\(row)"
    }

    /// The rows of a goal's block on an agency's blank Goals form (1-based): its heading (the
    /// row above its wording) to its last keyed row and the blank row after it.
    func block(_ agency: String, _ id: String) throws -> ClosedRange<Int> {
        let rows = try XLSXInspector(try blank(agency).path).sheet("Goals").rows
        let keyed = rows.filter { $0.value["A"]?.text.hasPrefix("\(id)|") == true }.keys
        guard let first = keyed.min(), let last = keyed.max() else { throw InspectorError("no \(id) on \(agency)'s return") }
        return (first - 1)...(last + 1)
    }

    /// The Instructions sheet's cell for "Completed by" or "Date completed".
    func signature(_ agency: String, _ label: String) throws -> String {
        let rows = try XLSXInspector(try blank(agency).path).sheet(ReturnLayout.instructionsSheet).rows
        guard let row = rows.first(where: { $0.value["A"]?.text == label })?.key else { throw InspectorError("no \(label)") }
        return "B\(row)"
    }

    /// Every goal of the agency answered Green "On track.", with the given overrides.
    func answers(_ agency: String, _ overrides: [String: (status: String, update: String)] = [:]) -> [String: (status: String, update: String)] {
        var all: [String: (status: String, update: String)] = [:]
        for item in scope(agency).goals { all[item.goal.id] = ("Green", "On track.") }
        return all.merging(overrides) { $1 }
    }

    /// Every figure of the agency "tbc", with the given overrides.
    func figures(_ agency: String, _ overrides: [String: String] = [:]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: scope(agency).measures.map { ($0.measure.id, "tbc") }).merging(overrides) { $1 }
    }

    /// openpyxl operations answering every goal of the agency Green, signed.
    func answered(_ agency: String, except skipped: Set<String> = []) throws -> [[Any]] {
        var ops = try signed(agency)
        for item in scope(agency).goals where !skipped.contains(item.goal.id) {
            ops.append(["set", "Goals", try cell(agency, item.goal.id, "status"), "Green"])
        }
        return ops
    }

    /// Edits typed in LibreOffice: each goal's status and update, figures, and the signature.
    func typed(
        _ agency: String, goals: [String: (status: String, update: String)] = [:], figures: [String: String] = [:],
        completedBy: String? = "Rob Jacques", date: String? = "12/07/2013"
    ) throws -> [Office.Edit] {
        var edits: [Office.Edit] = []
        for (id, answer) in goals.sorted(by: { $0.key < $1.key }) {
            if !answer.status.isEmpty { edits.append(.type(answer.status, sheet: "Goals", cell: try cell(agency, id, "status"))) }
            if !answer.update.isEmpty { edits.append(.type(answer.update, sheet: "Goals", cell: try cell(agency, id, "update"))) }
        }
        for (id, figure) in figures.sorted(by: { $0.key < $1.key }) {
            edits.append(.type(figure, sheet: "Measures", cell: try cell(agency, id, ReturnLayout.measureField)))
        }
        if let completedBy { edits.append(.type(completedBy, sheet: "Instructions", cell: try signature(agency, ReturnLayout.Signature.completedBy))) }
        if let date { edits.append(.type(date, sheet: "Instructions", cell: try signature(agency, ReturnLayout.Signature.date))) }
        return edits
    }

    /// Fills in LibreOffice Calc (the suite's office), as a person would: see `Office.Edit`.
    func libreOffice(_ agency: String, _ name: String, _ edits: [Office.Edit]) throws -> URL {
        let out = folder.appendingPathComponent(name)
        try Office.current().fill(try blank(agency), edits, to: out)
        return out
    }

    static let scripts = repositoryRoot.appendingPathComponent("Tests/BoardPackTests/Scripts")

    /// Fills with openpyxl, as a script would (see Scripts/fill_openpyxl.py for the operations).
    func openpyxl(_ agency: String, _ name: String, _ operations: [[Any]]) throws -> URL {
        let out = folder.appendingPathComponent(name)
        try Self.openpyxl(try blank(agency), to: out, operations)
        return out
    }

    /// The signature filled in, as openpyxl operations.
    func signed(_ agency: String, by name: String = "Rob Jacques", on date: String = "12/07/2013") throws -> [[Any]] {
        [["set", "Instructions", try signature(agency, ReturnLayout.Signature.completedBy), name],
         ["set", "Instructions", try signature(agency, ReturnLayout.Signature.date), date]]
    }

    /// Edits any workbook with openpyxl.
    static func openpyxl(_ input: URL, to output: URL, _ operations: [[Any]]) throws {
        try openpyxlWorker().request(["in": input.path, "out": output.path, "ops": operations])
    }

    /// One openpyxl for the whole test run (`fill_openpyxl.py --serve`): importing openpyxl
    /// takes ten times as long as a fill. It ends with the test process, whose end closes its input.
    private static func openpyxlWorker() throws -> JSONLineWorker {
        workerLock.lock()
        defer { workerLock.unlock() }
        if let worker { return worker }
        let started = try JSONLineWorker("openpyxl", "/usr/bin/env", ["python3", scripts.appendingPathComponent("fill_openpyxl.py").path, "--serve"])
        worker = started
        return started
    }

    private static let workerLock = NSLock()
    nonisolated(unsafe) private static var worker: JSONLineWorker?

    /// The file as LibreOffice Calc saves it again (File > Save As > Excel 2007-365).
    func resaved(_ file: URL) throws -> URL {
        let out = folder.appendingPathComponent("resaved-\(UUID().uuidString)-" + file.lastPathComponent)
        try Office.current().resave(file, as: out)
        return out
    }

    func check(_ file: URL) -> CheckedReturn { ReturnChecker(report: report).check(fileAt: file) }

    func problems(_ file: URL) -> [String] { check(file).problems.map(\.description) }

    func merge(_ files: [URL], replace: Bool = false) -> (Report, MergeSummary) {
        ReturnMerger(report: report, replace: replace).merge(ReturnChecker(report: report).check(filesAt: files))
    }
}
