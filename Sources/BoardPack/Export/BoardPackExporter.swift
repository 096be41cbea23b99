import Foundation
import ReportModel
import XLSXWriter

/// Writes the board pack workbook of a report: a cover, the page at a glance, a summary, the
/// statistics tables, the themes (a sheet each, or one shared by themes that fit on a page
/// together), risks and status over time, formatted for printing as a board paper.
public struct BoardPackExporter {
    public let report: Report
    public let style: Style
    /// The report's JSON as `ReportCoding.encode` writes it, when the caller has it coming from
    /// `ReportCoding.loadKeepingJSON`, which has validated the report too: the hidden copy the
    /// pack embeds, and no second validation. It is collected before the file is saved, so an
    /// unknown field found meanwhile still leaves nothing written.
    let canonicalJSON: InParallel<Data>?
    /// The report's file, for messages (else its id).
    let file: String?

    public init(report: Report, style: Style = .standard, canonicalJSON: InParallel<Data>? = nil, file: String? = nil) {
        self.report = report
        self.style = style
        self.canonicalJSON = canonicalJSON
        self.file = file
    }

    /// Writes the workbook to `url` atomically: on any error nothing is left at `url`
    /// (an existing file there is kept as it was).
    /// - Throws: `ReportProblems` for an invalid report, `XLSXWriterError` or `AtomicFileError`.
    public func write(to url: URL) throws {
        try checkReport()
        try WorkbookFile.write(to: url, style: style, build)
    }

    func checkReport() throws {
        var problems = canonicalJSON == nil ? ReportValidator(report).problems() : []
        if PackDate.line(report) == nil { problems.append(PackDate.missing) }
        for (i, status) in report.scheme.statuses.enumerated()
        where status.fill == nil && style.statusColours[status.name] == nil {
            problems.append(
                ReportProblem(
                    path: "statusScheme.statuses[\(i)].fill",
                    message: "status \"\(status.name)\" has no colour: give it a fill here or in the style's statusColours"))
        }
        guard !problems.isEmpty else { return }
        // A misspelt field, found on the other core, is the first thing to put right.
        _ = try canonicalJSON?.value()
        throw ReportProblems(file: file ?? report.id, problems: problems)
    }

    /// The sheets in order, with the names they get.
    struct SheetPlan {
        var cover: String
        var glance: String
        /// The summary, when it has something to count: rated goals, proposals or targets.
        var summary: String?
        /// The statistics tables, together, when the report has any.
        var statistics: String?
        /// Each theme's sheet, in the report's order of themes: themes short enough to share a
        /// page share a sheet (`ThemePages`).
        var themes: [String]
        /// The themes, by index, in the runs that each take a sheet.
        var themeRuns: [Range<Int>]
        /// The risks to the plan, when the report keeps any.
        var risks: String?
        /// Status over time, when the report has earlier periods.
        var history: String?
    }

    func plan(_ themes: ThemePages) -> SheetPlan {
        var namer = SheetNamer()
        // Reserve the hidden sheets' names so no theme can take them.
        _ = namer.name(for: BoardPackLayout.reportSheet)
        _ = namer.name(for: TrendFigures.sheetName)
        let labels = style.labels
        let cover = namer.name(for: labels.cover), glance = namer.name(for: labels.atAGlance)
        let summary = SummarySheet.applies(to: report, labels: labels) ? namer.name(for: labels.summary) : nil
        let statistics = report.statistics.isEmpty ? nil : namer.name(for: labels.statistics)
        let runs = themes.runs()
        let runNames = runs.map { namer.name(for: themes.sheetName($0)) }
        return SheetPlan(
            cover: cover, glance: glance, summary: summary, statistics: statistics,
            themes: zip(runs, runNames).flatMap { run, name in run.map { _ in name } }, themeRuns: runs,
            risks: RiskSheet.applies(to: report) ? namer.name(for: labels.risks) : nil,
            history: HistorySheet.applies(to: report) ? namer.name(for: labels.statusOverTime) : nil)
    }

    private func build(_ workbook: Workbook) throws {
        // The hidden copy's JSON is made on the other core while the sheets are laid out.
        let report = self.report
        let json = canonicalJSON ?? InParallel { try ReportCoding.encode(report) }
        let palette = Palette(style)
        let agencies = report.agencyDirectory
        let trends = TrendFigures(workbook: workbook, colour: style.rgb(style.colours.title))
        let themes = ThemePages(themes: report.themes.map { ThemeSheet(theme: $0, report: report, agencies: agencies, palette: palette, trends: trends) })
        let names = plan(themes)
        try workbook.setProperties(
            title: report.title, subject: "\(report.board) – \(report.period.label)",
            author: report.authors.map(\.name).joined(separator: ", "), company: report.board,
            comments: report.description)
        let page = PageSettings(title: report.title, report: report, style: style)

        let portrait = PageSettings(title: report.title, report: report, style: style, landscape: false)
        let cover = try workbook.addWorksheet(named: names.cover)
        try CoverSheet(report: report, palette: palette, names: names).write(cover, page: portrait)
        cover.activate()
        try GlanceSheet(report: report, palette: palette, agencies: agencies).write(try workbook.addWorksheet(named: names.glance), page: portrait)
        if let name = names.summary {
            try SummarySheet(report: report, palette: palette, sheetName: name).write(try workbook.addWorksheet(named: name), page: page, workbook: workbook)
        }
        if let name = names.statistics {
            try StatisticsSheet(tables: report.statistics, palette: palette, trends: trends)
                .write(try workbook.addWorksheet(named: name), title: style.labels.statistics, page: page)
        }
        for run in names.themeRuns {
            try themes.write(run, to: try workbook.addWorksheet(named: names.themes[run.lowerBound]), page: page)
        }
        if let name = names.risks {
            try RiskSheet(report: report, palette: palette, agencies: agencies).write(try workbook.addWorksheet(named: name), page: page)
        }
        if let name = names.history {
            try HistorySheet(report: report, palette: palette).write(try workbook.addWorksheet(named: name), page: page)
        }
        try trends.write()
        try EmbeddedReport.write(json: try json.value(), into: workbook)
    }
}
