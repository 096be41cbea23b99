import BoardPack
import Foundation
import ReportModel
import TestSupport

/// A board pack as LibreOffice printed it, read once for every test that looks at it: the four
/// examples and the worked chain's 2013-14 Q1 pack (docs/quarterly-cycle.md).
///
/// The pack is exported and printed in a folder of its own, read (the PDF's text and bordered
/// cells, the workbook's page breaks and sheets' texts), and the folder removed at once, so
/// nothing is left behind however the tests end.
final class PrintedPack: @unchecked Sendable {
    static let q1 = "q1"
    static let all = Examples.all + [q1]

    let name: String
    let report: Report
    let pages: PrintedPages
    let rows: PrintedRows
    /// Pages the workbook asks for: one per visible sheet, and one more per manual break.
    let plannedPages: Int
    /// Each visible sheet's cell texts, by sheet name, in the workbook's order of sheets.
    let sheets: [(name: String, texts: [String])]

    private init(_ name: String) throws {
        self.name = name
        let folder = TemporaryFolder()
        report = name == Self.q1 ? try Self.mergedQ1() : try Examples.report(name)
        let file = folder.file("\(name).xlsx")
        try BoardPackExporter(report: report).write(to: file)
        let pdf = try Office.current().pdf(of: file, into: folder.url)
        pages = try PrintedPages(pdf)
        rows = try PrintedRows(pdf)
        let book = try XLSXInspector(file.path)
        var planned = 0
        var sheets: [(String, [String])] = []
        for sheet in book.sheetNames where !sheet.hasPrefix("_") {
            let inspected = try book.sheet(sheet)
            planned += 1 + Int(inspected.xml.first("rowBreaks")?["count"] ?? "0")!
            sheets.append((sheet, inspected.cells.map(\.text)))
        }
        plannedPages = planned
        self.sheets = sheets
    }

    /// The worked chain: Kent 2012-13 rolled into 2013-14 Q1 with the plan refresh, and the
    /// example returns merged.
    static func mergedQ1() throws -> Report {
        let q1 = try ExampleChainTests.q1()
        return ReturnMerger(report: q1).merge(ReturnChecker(report: q1).check(filesAt: try ExampleChainTests.exampleReturns())).report
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var printed: [String: PrintedPack] = [:]

    /// The pack of example `name` (or `q1`), printed the first time it is asked for. Needs the
    /// `.libreOffice` trait on the asking suite.
    static func named(_ name: String) throws -> PrintedPack {
        lock.lock()
        defer { lock.unlock() }
        if let pack = printed[name] { return pack }
        let pack = try PrintedPack(name)
        printed[name] = pack
        return pack
    }

    /// The running heads pages print above their text: each sheet's title (PageSettings).
    var runningHeads: Set<String> {
        let labels = Style.standard.labels
        return Set(report.themes.map(\.heading) + [
            labels.summary, labels.statistics, labels.statusOverTime, labels.risks, "\(labels.atAGlance) – \(report.period.label)",
        ])
    }

    /// Whether `line` is a running head: a sheet's title, or the headings of the themes sharing
    /// a sheet joined by " · ".
    func isRunningHead(_ line: String) -> Bool {
        runningHeads.contains(line) || themes(named: line).count > 1
    }

    /// The themes a running head names: the theme of its sheet, or the themes sharing it.
    func themes(named head: String) -> [Theme] {
        let parts = head.components(separatedBy: " · ")
        let themes = parts.compactMap { part in report.themes.first { $0.heading == part } }
        return themes.count == parts.count ? themes : []
    }

    /// The themes printed on a page, by its running head.
    func themes(of page: PrintedPages.Page) -> [Theme] { sheet(of: page).map(themes(named:)) ?? [] }

    /// A page's lines, without the running head above them and the footer below (its title and
    /// period line, the page number, the caveats and the date).
    func body(_ page: PrintedPages.Page) -> [String] {
        var lines = page.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let number = lines.lastIndex(where: { $0.hasPrefix("Page ") && $0.contains(" of ") }) {
            lines = Array(lines[..<max(0, number - 1)])
        }
        if let head = lines.first, isRunningHead(head) { lines.removeFirst() }
        return lines
    }

    /// The sheet a page belongs to, by its running head (nil for the cover): its title, or the
    /// headings of the themes sharing it.
    func sheet(of page: PrintedPages.Page) -> String? {
        let first = page.text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        return first.flatMap { isRunningHead($0) ? $0 : nil }
    }
}
