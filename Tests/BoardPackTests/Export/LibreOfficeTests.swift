import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// The board packs open in a real spreadsheet application, which shows what we meant.
@Suite(.serialized) struct LibreOfficeTests {
    static let examples = ["kent-medway-2012-13-end-of-year", "kent-medway-2013-14-plan-refresh", "kmrob-2019-20", "leicestershire-2013-reoffending"]

    func export(_ name: String, into folder: URL) throws -> (Report, URL) {
        let report = try ReportCoding.load(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name).json"))
        let file = folder.appendingPathComponent("\(name).xlsx")
        try BoardPackExporter(report: report).write(to: file)
        return (report, file)
    }

    @Test(arguments: examples)
    func everyExamplePrintsToPDF(_ name: String) throws {
        let folder = try temporaryFolder("lo-pdf")
        let (report, file) = try export(name, into: folder)
        try LibreOffice.convert(file, to: "pdf", into: folder)
        let pdf = folder.appendingPathComponent("\(name).pdf")
        let info = String(decoding: try run("/usr/bin/pdfinfo", [pdf.path]), as: UTF8.self)
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        #expect(pages >= 2 + report.statistics.count + report.themes.count, "one page or more per sheet, got \(pages)")
    }

    @Test func libreOfficeShowsTheKentFiguresAndStatusesAsTyped() throws {
        let folder = try temporaryFolder("lo-csv")
        let (report, file) = try export("kent-medway-2012-13-end-of-year", into: folder)
        let sheets = try LibreOffice.sheetsAsShown(file, in: folder)
        let accommodation = try #require(sheets["2.1 Accommodation"], "sheets seen: \(sheets.keys.sorted())")
        let medway = try #require(accommodation.first { $0.first == "% Medway Young Offenders in suitable accommodation" })
        #expect(Array(medway.dropFirst().prefix(2)) == ["Approx. 97%", "Approx. 98%"])

        let adult = try #require(sheets["1.1 Adult reoffending"])
        #expect(adult.contains(["Total offenders", "13,912", "13,635", "12,526", "12,603"]))
        #expect(adult.contains(["Proportion of re-offenders (%)", "22.41%", "22.12%", "23.20%", "22.7%"]))
        #expect(adult.contains(["Average number of re-offences", "2.71", "2.70", "2.82", "2.76"]))

        for (theme, sheetName) in zip(report.themes, ExportKentTests.themeSheets) {
            let rows = try #require(sheets[sheetName])
            for goal in theme.allGoals where goal.status != nil {
                let row = rows.first { $0.first?.hasSuffix(goal.text) == true || $0.first?.contains(goal.text + "\n") == true }
                #expect(row?[safe: 2] == goal.status, "\(sheetName): \(goal.id) shows its status")
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
