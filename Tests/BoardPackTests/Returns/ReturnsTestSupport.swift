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

    /// Where a keyed cell is on an agency's blank return ("B17"), found by its key with unzip,
    /// independently of boardpack's reader.
    func cell(_ agency: String, _ id: String, _ field: String) throws -> String {
        let book = try XLSXInspector(try blank(agency).path)
        let sheetName = field == ReturnLayout.measureField ? ReturnLayout.measuresSheet : ReturnLayout.goalsSheet
        let rows = try book.sheet(sheetName).rows
        guard let row = rows.first(where: { $0.value["A"]?.text == ReturnLayout.key(id, field) })?.key else {
            throw InspectorError("no \(id)|\(field) on \(agency)'s return")
        }
        if field == ReturnLayout.measureField {
            let header = rows[ReturnLayout.headerRow + 1] ?? [:]
            let column = header.first { $0.value.text.hasPrefix(ReturnLayout.Header.value) }?.key ?? "E"
            return "\(column)\(row)"
        }
        return "B\(row)"
    }

    /// The Instructions sheet's cell for "Completed by" or "Date completed".
    func signature(_ agency: String, _ label: String) throws -> String {
        let rows = try XLSXInspector(try blank(agency).path).sheet(ReturnLayout.instructionsSheet).rows
        guard let row = rows.first(where: { $0.value["A"]?.text == label })?.key else { throw InspectorError("no \(label)") }
        return "B\(row)"
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
        let json = String(decoding: try JSONSerialization.data(withJSONObject: operations), as: UTF8.self)
        try run("/usr/bin/env", ["python3", scripts.appendingPathComponent("fill_openpyxl.py").path, input.path, output.path, json])
    }

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
