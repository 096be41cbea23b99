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
        if let sheet = sheets[style.labels.statistics] {
            for s in report.statistics.indices { reading.overlay(&report.statistics[s], sheet: sheet, path: "statistics[\(s)]") }
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

    /// Header texts of `row` → their columns.
    func columns(_ row: Row) -> [String: Int] {
        var out: [String: Int] = [:]
        for cell in row.cells { if let text = CellReading.trimmed(cell.value) { out[text] = out[text] ?? cell.column } }
        return out
    }

    mutating func overlay(_ theme: inout Theme, sheet: Sheet, path: String) {
        let rows = sheet.rows
        if let header = rows.firstIndex(where: { text($0, 0) == labels.headlineMeasure }) {
            // The periods shown are found by their labels; a group's sub-heading row holds only its name.
            let found = columns(rows[header])
            let continued = BoardPackLayout.continued(labels.headlineMeasure, labels)
            var m = 0
            for (offset, row) in rows[(header + 1)...].enumerated() {
                guard row.index == rows[header].index + 1 + offset, theme.measures.indices.contains(m) else { break }
                if text(row, 0) == continued { continue }
                if row.cells.filter({ !$0.value.isEmpty }).count == 1 && text(row, 0) == theme.measures[m].group { continue }
                for (p, label) in theme.periods.enumerated() {
                    guard let column = found[label], theme.measures[m].values.indices.contains(p) else { continue }
                    _ = record("\(path).measures[\(m)].values[\(p)]", sheet, row, column)
                    theme.measures[m].values[p] = figure(cell(row, column), keeping: theme.measures[m].values[p], at: places["\(path).measures[\(m)].values[\(p)]"]!)
                }
                m += 1
            }
        }
        typealias C = BoardPackLayout.GoalColumn
        guard let headerRow = rows.firstIndex(where: { row in
            let found = columns(row)
            return found[C.goal.header(labels)] != nil && found[C.lead.header(labels)] != nil
        }) else { return }
        let found = columns(rows[headerRow])
        func column(_ c: C) -> Int? { found[c.header(labels)] }
        let continued = BoardPackLayout.continuedHeader(labels)
        let noStatus = BoardPackLayout.noStatusWords(labels)
        let conflictPrefix = "\(labels.conflict): "
        var next = headerRow + 1
        func overlay(_ goal: inout Goal, depth: Int, path: String) {
            // A header repeated at the top of a printed page is not a goal.
            while next < rows.count, let goalColumn = column(.goal), text(rows[next], goalColumn) == continued { next += 1 }
            guard next < rows.count else { return }
            let row = rows[next]
            next += 1
            if let c = column(.goal), let wording = text(row, c) {
                _ = record("\(path).text", sheet, row, c)
                (goal.text, goal.notes) = BoardPackLayout.goalCellParts(wording, depth: depth, labels: labels)
            }
            if let c = column(.lead) {
                _ = record("\(path).leads", sheet, row, c)
                // Leads still shown as exported keep the references the report used (ids or aliases).
                if let leads = text(row, c), leads != Wording.leads(goal.leads, agencies) {
                    goal.leads = Wording.leads(in: leads)
                }
            }
            if let c = column(.status), goal.isTracked {
                let statusPlace = record("\(path).status", sheet, row, c)
                if let shown = text(row, c), !noStatus.contains(shown) {
                    if let status = scheme.status(matching: shown, .name) {
                        goal.status = status.name
                    } else {
                        problems.append(WorkbookProblem(statusPlace, "\"\(shown)\" is not a status of this report (\(scheme.namesList))"))
                    }
                } else {
                    goal.status = nil
                }
            }
            if let c = column(.update) {
                _ = record("\(path).update", sheet, row, c)
                var update = text(row, c) ?? ""
                // The line saying who said what when co-leads disagree is the pack's, not the update's.
                if update.hasPrefix(conflictPrefix) {
                    update = update.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined()
                }
                goal.update = Wording.paragraphs(in: update)
            }
            for s in goal.subGoals.indices { overlay(&goal.subGoals[s], depth: depth + 1, path: "\(path).subGoals[\(s)]") }
        }
        for g in theme.goals.indices {
            overlay(&theme.goals[g], depth: 0, path: "\(path).goals[\(g)]")
        }
    }

    /// A table on the statistics sheet: its heading alone in column A, its header row, its rows.
    mutating func overlay(_ table: inout StatisticsTable, sheet: Sheet, path: String) {
        let rows = sheet.rows
        guard let heading = rows.firstIndex(where: { text($0, 0) == table.heading }), heading + 1 < rows.count else { return }
        let header = heading + 1
        for (r, row) in rows[(header + 1)...].prefix(table.rows.count).enumerated() where row.index == rows[header].index + 1 + r {
            for c in table.rows[r].values.indices {
                let column = BoardPackLayout.statisticsFirstValueColumn + c
                let place = record("\(path).rows[\(r)].values[\(c)]", sheet, row, column)
                table.rows[r].values[c] = figure(cell(row, column), keeping: table.rows[r].values[c], at: place)
            }
        }
    }

    /// A figure from a cell, keeping the exported value when the cell still shows it.
    mutating func figure(_ cell: Cell?, keeping old: Value?, at place: Place) -> Value? {
        guard let cell, cell.value != .empty else { return nil }
        switch cell.value {
        case .number(let n):
            if let old, old.number == n { return old }
        case .string(let s):
            if let old, old.text == s { return old }
        default: break
        }
        switch CellReading.figure(cell, kind: nil, strict: false) {
        case .value(var value):
            value?.significant = old?.significant ?? false
            return value
        case .refused(let why):
            problems.append(WorkbookProblem(place, why))
            return old
        }
    }
}
