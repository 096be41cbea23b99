import Foundation
import ReportModel
import XLSXWriter

/// Writes the board pack workbook of a report: a cover, a summary, one sheet per statistics
/// table and one per theme, formatted for printing as a board paper.
public struct BoardPackExporter {
    public let report: Report
    public let style: Style

    public init(report: Report, style: Style = .standard) {
        self.report = report
        self.style = style
    }

    /// Writes the workbook to `url` atomically: on any error nothing is left at `url`
    /// (an existing file there is kept as it was).
    /// - Throws: `ReportProblems` for an invalid report, `XLSXWriterError` or `AtomicFileError`.
    public func write(to url: URL) throws {
        try checkReport()
        try WorkbookFile.write(to: url, style: style, build)
    }

    private func checkReport() throws {
        var problems = ReportValidator(report).problems()
        for (i, status) in report.scheme.statuses.enumerated()
        where status.fill == nil && style.statusColours[status.name] == nil {
            problems.append(
                ReportProblem(
                    path: "statusScheme.statuses[\(i)].fill",
                    message: "status \"\(status.name)\" has no colour: give it a fill here or in the style's statusColours"))
        }
        if !problems.isEmpty { throw ReportProblems(file: report.id, problems: problems) }
    }

    /// The sheets in order, with the names they get.
    struct SheetPlan {
        var cover: String
        var summary: String
        var statistics: [String]
        var themes: [String]
        /// The plan-refresh sheet, when the report proposes anything.
        var planRefresh: String?

        var contents: [(name: String, description: String)] = []
    }

    func plan() -> SheetPlan {
        var namer = SheetNamer()
        // Reserve the hidden data sheet's name so no theme can take it.
        _ = namer.name(for: BoardPackLayout.reportSheet)
        let cover = namer.name(for: style.labels.cover)
        let summary = namer.name(for: style.labels.summary)
        let statistics = report.statistics.map { namer.name(for: $0.shortName ?? $0.heading) }
        let themes = report.themes.map { namer.name(for: $0.shortName ?? $0.heading) }
        let planRefresh = PlanRefreshSheet.applies(to: report) ? namer.name(for: style.labels.planRefresh) : nil
        return SheetPlan(cover: cover, summary: summary, statistics: statistics, themes: themes, planRefresh: planRefresh)
    }

    private func build(_ workbook: Workbook) throws {
        let palette = Palette(style)
        let names = plan()
        try workbook.setProperties(
            title: report.title, subject: "\(report.board) – \(report.period.label)",
            author: report.authors.map(\.name).joined(separator: ", "), company: report.board,
            comments: report.description)
        let page = PageSettings(title: report.title, report: report, style: style)

        let cover = try workbook.addWorksheet(named: names.cover)
        try CoverSheet(report: report, palette: palette, names: names).write(cover, page: page)
        cover.activate()

        let summary = try workbook.addWorksheet(named: names.summary)
        try SummarySheet(report: report, palette: palette, sheetName: names.summary).write(summary, page: page, workbook: workbook)

        for (table, name) in zip(report.statistics, names.statistics) {
            let sheet = try workbook.addWorksheet(named: name)
            try StatisticsSheet(table: table, palette: palette).write(sheet, page: page)
        }
        let agencies = report.agencyDirectory
        for (theme, name) in zip(report.themes, names.themes) {
            let sheet = try workbook.addWorksheet(named: name)
            try ThemeSheet(theme: theme, report: report, agencies: agencies, palette: palette).write(sheet, page: page)
        }
        if let name = names.planRefresh {
            let sheet = try workbook.addWorksheet(named: name)
            try PlanRefreshSheet(report: report, agencies: agencies, palette: palette).write(sheet, page: page)
        }
        try EmbeddedReport.write(report, into: workbook)
    }
}
