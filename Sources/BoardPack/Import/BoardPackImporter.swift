import Foundation
import ReportModel
import XLSXReader

/// Reads a board pack (ours, perhaps touched up in Excel or LibreOffice) back into a report.
///
/// The structure comes from the report embedded at export (`EmbeddedReport`); what people edit
/// in the printed sheets is read from the cells and wins: goal wording, lead agencies, statuses
/// and updates, headline figures and statistics. A figure whose number is unchanged keeps its
/// typed text ("Approx. 97%"), so export then import gives back the same report. Where to find
/// each of them is `BoardPackLayout`'s contract.
public struct BoardPackImporter {
    public let style: Style

    public init(style: Style = .standard) { self.style = style }

    /// - Throws: `XLSXError` for a file that cannot be read or is no board pack;
    ///   `WorkbookProblems` naming the sheet and cell of every value that cannot be taken.
    public func read(fileAt url: URL) throws -> Report {
        let book = try XLSXFile(contentsOf: url)
        var reading = Reading(file: book.file, labels: style.labels)
        var report = try embedded(book)
        reading.scheme = report.scheme
        reading.agencies = report.agencyDirectory
        let sheets = try visibleSheets(book)
        for t in report.themes.indices {
            guard let sheet = sheets[report.themes[t].heading] else { continue }
            reading.overlay(&report.themes[t], sheet: sheet, path: "themes[\(t)]")
        }
        for s in report.statistics.indices {
            guard let sheet = sheets[report.statistics[s].heading] else { continue }
            reading.overlay(&report.statistics[s], sheet: sheet, path: "statistics[\(s)]")
        }
        // The result must still be a valid report: each problem is reported at the cell it was read from.
        let problems = reading.problems + ReportValidator(report).problems().map(reading.placed)
        if !problems.isEmpty { throw WorkbookProblems(problems) }
        return report
    }

    private func embedded(_ book: XLSXFile) throws -> Report {
        let sheet = BoardPackLayout.reportSheet
        guard book.sheets.contains(where: { $0.name == sheet }) else {
            throw XLSXError(file: book.file, message: "is not a board pack exported by boardpack (it has no \(sheet) sheet)")
        }
        var reader = try book.rows(ofSheet: sheet)
        var json = ""
        while let row = try reader.next() {
            if case .string(let chunk) = row.values.first ?? .empty { json += chunk }
        }
        return try ReportCoding.decode(Data(json.utf8), file: "\(book.file): \(sheet)")
    }

    /// Each visible sheet, keyed by its title: the heading of a theme or table.
    private func visibleSheets(_ book: XLSXFile) throws -> [String: Sheet] {
        var out: [String: Sheet] = [:]
        for info in book.sheets where info.visibility == .visible && info.part != nil {
            var reader = try book.rows(ofSheet: info.name)
            var rows: [Row] = []
            while let row = try reader.next() { rows.append(row) }
            let titleRow = rows.first { $0.index == BoardPackLayout.titleRow }
            if let title = titleRow.flatMap({ $0.values.first }).flatMap(CellReading.trimmed) {
                out[title] = Sheet(name: info.name, rows: rows)
            }
        }
        return out
    }
}

/// A visible sheet's name and rows.
private struct Sheet {
    var name: String
    var rows: [Row]
}

/// The state of one import: what was read from where, and what could not be taken.
private struct Reading {
    let file: String
    let labels: Style.Labels
    var scheme = StatusScheme.redAmberGreen
    var agencies = AgencyDirectory([])
    var problems: [WorkbookProblem] = []
    /// The cell each value of the report was read from, by the value's JSON path.
    var places: [String: Place] = [:]

    init(file: String, labels: Style.Labels) {
        self.file = file
        self.labels = labels
    }

    func cell(_ row: Row, _ column: Int) -> Cell? { row.cells.first { $0.column == column } }

    func text(_ row: Row, _ column: Int) -> String? { cell(row, column).flatMap { CellReading.trimmed($0.value) } }

    mutating func record(_ path: String, _ sheet: Sheet, _ row: Row, _ column: Int) -> Place {
        let place = Place(file: file, sheet: sheet.name, cell: WorksheetReader.reference(column, row.index))
        places[path] = place
        return place
    }

    /// A validator's problem at the cell its value came from (the nearest recorded path).
    func placed(_ problem: ReportProblem) -> WorkbookProblem {
        var path = Substring(problem.path)
        while !path.isEmpty {
            if let place = places[String(path)] { return WorkbookProblem(place, problem.message) }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return WorkbookProblem(Place(file: file), problem.description)
    }

    mutating func overlay(_ theme: inout Theme, sheet: Sheet, path: String) {
        let rows = sheet.rows
        if let header = rows.firstIndex(where: { text($0, 0) == labels.headlineMeasure }) {
            // The table runs on consecutive rows; a sub-heading row holds only its group's name.
            var m = 0
            for (offset, row) in rows[(header + 1)...].enumerated() {
                guard row.index == rows[header].index + 1 + offset, theme.measures.indices.contains(m) else { break }
                if row.cells.count == 1 && text(row, 0) == theme.measures[m].group { continue }
                for p in theme.measures[m].values.indices {
                    let column = BoardPackLayout.measuresFirstValueColumn + p
                    _ = record("\(path).measures[\(m)].values[\(p)]", sheet, row, column)
                    theme.measures[m].values[p] = figure(cell(row, column), keeping: theme.measures[m].values[p])
                }
                m += 1
            }
        }
        typealias C = BoardPackLayout.GoalColumn
        let header = BoardPackLayout.goalsHeader(labels)
        guard let headerRow = rows.firstIndex(where: { row in (0..<3).allSatisfy { text(row, $0) == header[$0] } }) else { return }
        var next = headerRow + 1
        func overlay(_ goal: inout Goal, depth: Int, path: String) {
            guard next < rows.count else { return }
            let row = rows[next]
            next += 1
            if let wording = text(row, C.goal) {
                _ = record("\(path).text", sheet, row, C.goal)
                (goal.text, goal.notes) = BoardPackLayout.goalCellParts(wording, depth: depth, labels: labels)
            }
            _ = record("\(path).leads", sheet, row, C.lead)
            // Leads still shown as exported keep the references the report used (ids or aliases).
            if let leads = text(row, C.lead), leads != Wording.leads(goal.leads, agencies) {
                goal.leads = Wording.leads(in: leads)
            }
            let statusPlace = record("\(path).status", sheet, row, C.status)
            if let shown = text(row, C.status), shown != labels.notRated {
                if let status = scheme.status(matching: shown, .name) {
                    goal.status = status.name
                } else {
                    problems.append(WorkbookProblem(statusPlace, "\"\(shown)\" is not a status of this report (\(scheme.namesList))"))
                }
            } else {
                goal.status = nil
            }
            _ = record("\(path).update", sheet, row, C.update)
            goal.update = text(row, C.update).map(Wording.paragraphs(in:)) ?? []
            for s in goal.subGoals.indices { overlay(&goal.subGoals[s], depth: depth + 1, path: "\(path).subGoals[\(s)]") }
        }
        for g in theme.goals.indices where theme.goals[g].isTracked {
            overlay(&theme.goals[g], depth: 0, path: "\(path).goals[\(g)]")
        }
    }

    mutating func overlay(_ table: inout StatisticsTable, sheet: Sheet, path: String) {
        let rows = sheet.rows
        guard let header = rows.firstIndex(where: { $0.index == BoardPackLayout.statisticsHeaderRow }) else { return }
        for (r, row) in rows[(header + 1)...].prefix(table.rows.count).enumerated() where row.index == rows[header].index + 1 + r {
            for c in table.rows[r].values.indices {
                let column = BoardPackLayout.statisticsFirstValueColumn + c
                _ = record("\(path).rows[\(r)].values[\(c)]", sheet, row, column)
                table.rows[r].values[c] = figure(cell(row, column), keeping: table.rows[r].values[c])
            }
        }
    }

    /// A figure from a cell, keeping the exported value when the cell still shows it.
    func figure(_ cell: Cell?, keeping old: Value?) -> Value? {
        guard let cell, cell.value != .empty else { return nil }
        switch cell.value {
        case .number(let n):
            if let old, old.number == n { return old }
        case .string(let s):
            if let old, old.text == s { return old }
        default: break
        }
        guard case .value(var value) = CellReading.figure(cell, kind: nil, strict: false) else { return old }
        value?.significant = old?.significant ?? false
        return value
    }
}
