import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// Excel's view without Excel: every workbook boardpack writes validates against the Office 2016
/// schemas (openxml-audit), so that Excel never offers to "repair" a pack or a return.
@Suite struct OfficeSchemaTests {
    let scratch = TemporaryFolder()

    @Test func everyWorkbookWeWriteValidatesAgainstTheOffice2016Schemas() throws {
        // The four examples' packs; the worked chain's Q1 pack, merged from the example returns;
        // every return of that quarter and of the 2012-13 year end (proposals, Red/Green).
        var written = try Examples.all.map { name in try exportedExample(name, into: scratch).1.lastPathComponent }
        let q1 = try ExampleChainTests.q1()
        let (merged, _) = ReturnMerger(report: q1).merge(ReturnChecker(report: q1).check(filesAt: try ExampleChainTests.exampleReturns()))
        try BoardPackExporter(report: merged).write(to: scratch.file("q1.xlsx"))
        written.append("q1.xlsx")
        for (folder, report) in [("q1 returns", q1), ("year-end returns", try Examples.report(Examples.kent))] {
            try FileManager.default.createDirectory(at: scratch.file(folder), withIntermediateDirectories: true)
            for scope in ReturnScope.all(in: report) {
                try ReturnTemplate(report: report, scope: scope, deadline: "Friday 12 July 2013").write(to: scratch.file("\(folder)/\(scope.fileName)"))
                written.append("\(folder)/\(scope.fileName)")
            }
        }
        let findings = try OpenXMLAudit.findings(in: scratch.url)
        #expect(findings.keys.sorted() == written.sorted(), "each workbook was checked")
        #expect(written.count == 23)
        #expect(findings.filter { !$0.value.isEmpty } == [:])
    }

    @Test func theCheckFindsAnElementExcelDoesNotKnow() throws {
        let (_, pack) = try exportedExample(Examples.kent, into: scratch)
        // The same pack with one unknown element at the end of its first sheet, rewritten with
        // Python's zipfile.
        let folder = scratch.file("damaged")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try run("/usr/bin/env", ["python3", "-c", """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as out:
                for item in src.infolist():
                    data = src.read(item.filename)
                    if item.filename == 'xl/worksheets/sheet1.xml':
                        data = data.replace(b'</worksheet>', b'<sheetBogus/></worksheet>')
                    out.writestr(item, data)
            """, pack.path, folder.appendingPathComponent("pack.xlsx").path])
        #expect(try OpenXMLAudit.findings(in: folder) == ["pack.xlsx": ["/xl/worksheets/sheet1.xml: Unexpected element 'sheetBogus' found"]])
    }
}
