import BoardPack
import Foundation
import ReportModel
import TestSupport

/// An example report and its board pack, exported into `folder` as NAME.xlsx.
func exportedExample(_ name: String, into folder: TemporaryFolder, style: Style = .standard) throws -> (Report, URL) {
    let report = try Examples.report(name)
    let file = folder.file("\(name).xlsx")
    try BoardPackExporter(report: report, style: style).write(to: file)
    return (report, file)
}
