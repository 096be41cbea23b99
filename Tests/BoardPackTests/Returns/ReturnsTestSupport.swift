import BoardPack
import Foundation
import ReportModel
import TestSupport

/// A quarterly Red/Amber/Green report made from the Kent example, its returns, and ways to fill
/// them in as agencies do: openpyxl, LibreOffice through UNO, and re-saving through LibreOffice.
struct ReturnsFixture {
    let folder: URL
    let report: Report
    let reportFile: URL
    static let period = "2013-14 Q1"

    init() throws {
        folder = try temporaryFolder("returns")
        var report = try ReportCoding.load(contentsOf: repositoryRoot.appendingPathComponent("examples/kent-medway-2012-13-end-of-year.json"))
        report.id = "kent-medway-2013-14-q1"
        report.period = Period(label: Self.period, kind: .quarter, quarter: 1)
        report.statusScheme = nil
        self.report = report
        reportFile = folder.appendingPathComponent("report.json")
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

    /// Fills in LibreOffice Calc through UNO, typing into cells: {"Goals": {"G5": "amber "}}.
    func libreOffice(_ agency: String, _ name: String, _ edits: [String: [String: Any]]) throws -> URL {
        let out = folder.appendingPathComponent(name)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: edits), as: UTF8.self)
        let port = String(Int.random(in: 20_000...29_999))
        let profile = folder.appendingPathComponent("lo-uno-\(port)").path
        try run("/usr/bin/python3", [Self.scripts.appendingPathComponent("fill_libreoffice.py").path, try blank(agency).path, out.path, json, profile, port])
        return out
    }

    /// The file as LibreOffice Calc saves it again (File > Save As > Excel 2007-365).
    func resaved(_ file: URL) throws -> URL {
        let out = folder.appendingPathComponent("resaved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try LibreOffice.convert(file, to: "xlsx:Calc MS Excel 2007 XML", into: out)
        return out.appendingPathComponent(file.lastPathComponent)
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

extension Report {
    func goal(_ id: String) -> Goal? { themes.flatMap(\.allGoals).first { $0.id == id } }
    func measure(_ id: String) -> (Theme, Measure)? {
        for theme in themes { if let m = theme.measures.first(where: { $0.id == id }) { return (theme, m) } }
        return nil
    }
}
