import BoardPack
import Foundation
import ReportModel
import TestSupport

/// A quarterly Red/Amber/Green report made from the Kent example, its returns, and ways to fill
/// them in as agencies do: openpyxl, LibreOffice through UNO, and re-saving through LibreOffice.
struct ReturnsFixture {
    let scratch: TemporaryFolder
    var folder: URL { scratch.url }
    let report: Report
    let reportFile: URL
    static let period = "2013-14 Q1"

    init() throws {
        scratch = TemporaryFolder("returns")
        var report = try Examples.report(Examples.kent)
        report.id = "kent-medway-2013-14-q1"
        report.period = Period(label: Self.period, kind: .quarter, quarter: 1)
        report.statusScheme = nil
        self.report = report
        reportFile = scratch.file("report.json")
        try ReportCoding.encode(report).write(to: reportFile)
    }

    func scope(_ agency: String) -> ReturnScope {
        ReturnScope.all(in: report).first { $0.agency.id == agency }!
    }

    /// The blank return for an agency.
    func blank(_ agency: String) throws -> URL {
        let scope = scope(agency)
        let file = folder.appendingPathComponent("blank-" + scope.fileName)
        if !FileManager.default.fileExists(atPath: file.path) {
            try ReturnTemplate(report: report, scope: scope).write(to: file)
        }
        return file
    }

    static let scripts = repositoryRoot.appendingPathComponent("Tests/BoardPackTests/Scripts")

    /// Fills with openpyxl (see Scripts/fill_openpyxl.py for the operations).
    func openpyxl(_ agency: String, _ name: String, _ operations: [[Any]]) throws -> URL {
        let out = folder.appendingPathComponent(name)
        try Self.openpyxl(try blank(agency), to: out, operations)
        return out
    }

    /// Edits any workbook with openpyxl.
    static func openpyxl(_ input: URL, to output: URL, _ operations: [[Any]]) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: operations), as: UTF8.self)
        try run("/usr/bin/env", ["python3", scripts.appendingPathComponent("fill_openpyxl.py").path, input.path, output.path, json])
    }

    /// Fills in LibreOffice Calc (the suite's office), as a person would: see `Office.Edit`.
    func libreOffice(_ agency: String, _ name: String, _ edits: [Office.Edit]) throws -> URL {
        let out = folder.appendingPathComponent(name)
        try Office.current().fill(try blank(agency), edits, to: out)
        return out
    }

    /// The file as LibreOffice Calc saves it again (File > Save As > Excel 2007-365).
    func resaved(_ file: URL) throws -> URL {
        let out = folder.appendingPathComponent("resaved-\(UUID().uuidString)-" + file.lastPathComponent)
        try Office.current().resave(file, as: out)
        return out
    }

    func check(_ file: URL) -> CheckedReturn { ReturnChecker(report: report).check(fileAt: file) }

    /// Row (1-based) of a goal on a blank return's Goals sheet.
    func row(ofGoal id: String, agency: String) -> Int {
        ReturnLayout.headerRow + 2 + scope(agency).goals.firstIndex { $0.goal.id == id }!
    }

    func row(ofMeasure id: String, agency: String) -> Int {
        ReturnLayout.headerRow + 2 + scope(agency).measures.firstIndex { $0.measure.id == id }!
    }
}
