import Foundation
import ReportModel
import XLSXReader

/// Reads a board pack (ours, perhaps touched up in Excel or LibreOffice) back into a report.
///
/// The structure comes from the report embedded at export (`EmbeddedReport`); what people edit
/// in the printed sheets is read from the cells and wins: goal wording, lead agencies, statuses
/// and updates, headline figures and statistics. A figure whose number is unchanged keeps its
/// typed text ("Approx. 97%"), so export then import gives back the same report.
public struct BoardPackImporter {
    public let style: Style

    public init(style: Style = .standard) { self.style = style }

    public func read(fileAt url: URL) throws -> Report {
        let book = try XLSXFile(contentsOf: url)
        var report = try embedded(book)
        let sheets = try visibleSheets(book)
        for t in report.themes.indices {
            guard let rows = sheets[report.themes[t].heading] else { continue }
            try overlayTheme(&report.themes[t], rows: rows, report: report, file: book.file)
        }
        for s in report.statistics.indices {
            guard let rows = sheets[report.statistics[s].heading] else { continue }
            overlayStatistics(&report.statistics[s], rows: rows)
        }
        // The result must still be a valid report, or the edit is reported with its place.
        let problems = ReportValidator(report).problems()
        if !problems.isEmpty { throw ReportProblems(file: book.file, problems: problems) }
        return report
    }

    private func embedded(_ book: XLSXFile) throws -> Report {
        guard book.sheets.contains(where: { $0.name == EmbeddedReport.sheetName }) else {
            throw XLSXError(file: book.file, message: "is not a board pack exported by boardpack (it has no \(EmbeddedReport.sheetName) sheet)")
        }
        var reader = try book.rows(ofSheet: EmbeddedReport.sheetName)
        var json = ""
        while let row = try reader.next() {
            if case .string(let chunk) = row.values.first ?? .empty { json += chunk }
        }
        return try ReportCoding.decode(Data(json.utf8), file: "\(book.file): \(EmbeddedReport.sheetName)")
    }

    /// Each visible sheet's rows, keyed by its title (cell A1): the heading of a theme or table.
    private func visibleSheets(_ book: XLSXFile) throws -> [String: [Row]] {
        var out: [String: [Row]] = [:]
        for sheet in book.sheets where sheet.visibility == .visible && sheet.part != nil {
            var reader = try book.rows(ofSheet: sheet.name)
            var rows: [Row] = []
            while let row = try reader.next() { rows.append(row) }
            if let title = rows.first.flatMap({ $0.values.first }).flatMap(CellReading.trimmed) { out[title] = rows }
        }
        return out
    }

    private func cell(_ row: Row, _ column: Int) -> Cell? { row.cells.first { $0.column == column } }

    private func text(_ row: Row, _ column: Int) -> String? { cell(row, column).flatMap { CellReading.trimmed($0.value) } }

    private func overlayTheme(_ theme: inout Theme, rows: [Row], report: Report, file: String) throws {
        let labels = style.labels
        if let header = rows.firstIndex(where: { text($0, 0) == labels.headlineMeasure }) {
            // The table runs on consecutive rows; a sub-heading row holds only its group's name.
            var m = 0
            for (offset, row) in rows[(header + 1)...].enumerated() {
                guard row.index == rows[header].index + 1 + offset, theme.measures.indices.contains(m) else { break }
                if row.cells.count == 1 && text(row, 0) == theme.measures[m].group { continue }
                for p in theme.measures[m].values.indices {
                    theme.measures[m].values[p] = figure(cell(row, 1 + p), keeping: theme.measures[m].values[p])
                }
                m += 1
            }
        }
        guard let header = rows.firstIndex(where: {
            text($0, 0) == labels.goal && text($0, 1) == labels.leadAgency && text($0, 2) == labels.status
        }) else { return }
        var next = header + 1
        let directory = report.agencyDirectory
        func overlay(_ goal: inout Goal, depth: Int) {
            guard next < rows.count else { return }
            let row = rows[next]
            next += 1
            if var wording = text(row, 0) {
                if depth > 0 && wording.hasPrefix("• ") { wording.removeFirst(2) }
                let lines = wording.components(separatedBy: "\n")
                let notePrefix = "\(labels.note): "
                goal.text = lines.filter { !$0.hasPrefix(notePrefix) }.joined(separator: "\n")
                goal.notes = lines.filter { $0.hasPrefix(notePrefix) }.map { String($0.dropFirst(notePrefix.count)) }
            }
            if let leads = text(row, 1) {
                let shown = goal.leads.map(directory.displayName(ofLead:)).joined(separator: " / ")
                if leads != shown { goal.leads = leads.components(separatedBy: " / ") }
            }
            let statusText = text(row, 2)
            if let statusText, let status = report.scheme.statuses.first(where: { CellReading.key($0.name) == CellReading.key(statusText) }) {
                goal.status = status.name
            } else if statusText == nil || statusText == labels.notRated {
                goal.status = nil
            } else {
                goal.status = statusText  // reported by the validator with its place
            }
            goal.update = text(row, 3).map(CellReading.paragraphs) ?? []
            for s in goal.subGoals.indices { overlay(&goal.subGoals[s], depth: depth + 1) }
        }
        for g in theme.goals.indices where theme.goals[g].proposal?.action != .new {
            overlay(&theme.goals[g], depth: 0)
        }
    }

    private func overlayStatistics(_ table: inout StatisticsTable, rows: [Row]) {
        // Row 3 holds the column labels; the figures follow in the table's order.
        guard let header = rows.firstIndex(where: { $0.index == 2 }) else { return }
        for (r, row) in rows[(header + 1)...].prefix(table.rows.count).enumerated() where row.index == rows[header].index + 1 + r {
            for c in table.rows[r].values.indices {
                table.rows[r].values[c] = figure(cell(row, 1 + c), keeping: table.rows[r].values[c])
            }
        }
    }

    /// A figure from a cell, keeping the exported value when the cell still shows it.
    private func figure(_ cell: Cell?, keeping old: Value?) -> Value? {
        guard let cell, cell.value != .empty else { return nil }
        switch cell.value {
        case .number(let n):
            if let old, old.number == n { return old }
        case .string(let s):
            if let old, old.text == s { return old }
        default: break
        }
        var value = (try? CellReading.figure(cell, percentMeasure: false)) ?? nil
        value?.significant = old?.significant ?? false
        return value
    }
}
