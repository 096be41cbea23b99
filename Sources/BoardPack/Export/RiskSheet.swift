import ReportModel
import XLSXWriter

/// "Risks": the risks to the plan the report keeps, one row each: what the risk is, its impact,
/// who owns it, how it is mitigated, and its rating coloured as a goal's status (the name on its
/// fill, so it reads in greyscale). Printed landscape, the header repeated on each page it runs onto.
struct RiskSheet: Styled {
    let report: Report
    let palette: Palette
    let agencies: AgencyDirectory


    static func applies(to report: Report) -> Bool { !report.risks.isEmpty }

    private enum Column: CaseIterable { case ref, risk, impact, owner, mitigation, rating }

    func write(_ sheet: Worksheet, page: PageSettings) throws {
        let columns = Column.allCases.filter { column in
            switch column {
            case .ref, .risk: true
            case .impact: report.risks.contains { !$0.impact.isEmpty }
            case .owner: report.risks.contains { $0.owner != nil }
            case .mitigation: report.risks.contains { !$0.mitigation.isEmpty }
            case .rating: report.risks.contains { $0.rating != nil }
            }
        }
        let ref = max(widths.ref, report.risks.map { TextHeight.width(of: $0.id, fontSize: fontSize) }.max() ?? 0)
        let wanted: [Double] = columns.map { column in
            switch column {
            case .ref: ref
            case .risk: widths.goal
            case .impact: widths.update
            case .owner: widths.leadAgency
            case .mitigation: widths.update
            case .rating: widths.status
            }
        }
        let stretch = Set(columns.indices.filter { [.risk, .impact, .mitigation].contains(columns[$0]) })
        let grid = TableGrid([(wanted, stretch)], total: widths.page)
        try grid.setColumns(on: sheet)
        sheet.hideGridlines()
        let spans = grid.spans[0]
        let all = 0...(grid.widths.count - 1)
        let pages = PagedSheet(sheet, landscape: true)

        pages.holdWithNext()
        try TableGrid.write(labels.risks, sheet, row: pages.row, span: all, format: palette.title)
        try pages.advance(height: palette.style.fonts.titleSize * 1.8)
        let subtitle = "\(report.title) – \(report.period.label)"
        try TableGrid.write(subtitle, sheet, row: pages.row, span: all, format: palette.subtitle.with { $0.wrap = true })
        try pages.advance(height: TextHeight.points(for: subtitle, widthInCharacters: grid.width(all), fontSize: fontSize))
        try pages.skip()

        let headers = columns.map(header)
        let headerHeight = TextHeight.points(columns.indices.map { (headers[$0], grid.width(spans[$0])) }, fontSize: fontSize, bold: true)
        func writeHeader(continued: Bool) throws {
            for (i, text) in headers.enumerated() {
                let shown = continued && columns[i] == .risk ? BoardPackLayout.continued(text, labels) : text
                try TableGrid.write(shown, sheet, row: pages.row, span: spans[i], format: palette.header)
            }
            try pages.advance(height: headerHeight)
        }
        let rows = report.risks.map { risk in
            let texts = columns.map { text($0, of: risk) }
            let height = TextHeight.points(columns.indices.map { (texts[$0], grid.width(spans[$0])) }, fontSize: fontSize)
            return (risk, texts, height)
        }
        pages.keep(headerHeight + (rows.first?.2 ?? 0))
        try writeHeader(continued: false)
        for (risk, texts, height) in rows {
            if pages.keep(height + headerHeight) { try writeHeader(continued: true) }
            for (i, column) in columns.enumerated() {
                var format = palette.text
                if column == .rating, let status = risk.rating.flatMap(report.riskRating) { format = palette.status(status) }
                try TableGrid.write(texts[i], sheet, row: pages.row, span: spans[i], format: format)
            }
            try pages.advance(height: height)
        }
        try sheet.setUpPrinting(page.setup(runningHead: labels.risks))
        try pages.finish()
    }

    private func header(_ column: Column) -> String {
        switch column {
        case .ref: labels.ref
        case .risk: labels.risk
        case .impact: labels.impact
        case .owner: labels.owner
        case .mitigation: labels.mitigation
        case .rating: labels.rating
        }
    }

    private func text(_ column: Column, of risk: Risk) -> String {
        switch column {
        case .ref: risk.id
        case .risk: risk.text
        case .impact: Wording.paragraphs(risk.impact)
        case .owner: risk.owner.map(agencies.displayName(ofLead:)) ?? ""
        case .mitigation: Wording.paragraphs(risk.mitigation)
        case .rating: risk.rating ?? ""
        }
    }
}
