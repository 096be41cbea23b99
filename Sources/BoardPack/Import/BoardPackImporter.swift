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
        let sheets = try visibleSheets(book, themes: Set(report.themes.map(\.heading)))
        for t in report.themes.indices {
            guard let sheet = sheets[report.themes[t].heading] else { continue }
            reading.overlay(&report.themes[t], sheet: sheet, path: "themes[\(t)]")
        }
        if let sheet = sheets[style.labels.statistics] {
            let headings = Set(report.statistics.map(\.heading))
            for s in report.statistics.indices {
                reading.overlay(&report.statistics[s], sheet: sheet, path: "statistics[\(s)]", headings: headings)
            }
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

    /// Each visible sheet, keyed by its title: the heading of a theme or table. A sheet shared
    /// by themes (`ThemePages`) gives each of them its rows, from its title to the next's.
    private func visibleSheets(_ book: XLSXFile, themes: Set<String>) throws -> [String: Sheet] {
        var out: [String: Sheet] = [:]
        for info in book.sheets where info.visibility == .visible && info.part != nil {
            var reader = try book.rows(ofSheet: info.name)
            var rows: [Row] = []
            while let row = try reader.next() { rows.append(row) }
            guard let first = rows.first, first.index == BoardPackLayout.titleRow,
                let title = first.values.first.flatMap(CellReading.trimmed)
            else { continue }
            guard themes.contains(title) else {
                out[title] = Sheet(name: info.name, rows: rows)
                continue
            }
            // The next theme starts at a row holding nothing but its title.
            let starts = [0] + rows.indices.dropFirst().filter { Self.title(rows[$0]).map(themes.contains) ?? false }
            for (a, b) in zip(starts, starts.dropFirst() + [rows.count]) {
                let heading = a == 0 ? title : Self.title(rows[a])!
                out[heading] = Sheet(name: info.name, rows: Array(rows[a..<b]))
            }
        }
        return out
    }

    /// The text of a title row: its first cell's (column A), the only one with any.
    private static func title(_ row: Row) -> String? {
        guard let first = row.cells.first, first.column == 0,
            row.cells.dropFirst().allSatisfy({ CellReading.trimmed($0.value) == nil })
        else { return nil }
        return CellReading.trimmed(first.value)
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
        typealias C = BoardPackLayout.GoalColumn
        let goalsHeader = rows.firstIndex { row in
            let found = columns(row)
            return found[C.goal.header(labels)] != nil && found[C.lead.header(labels)] != nil
        }
        let goalsHeading = rows.firstIndex { text($0, 0) == labels.deliveryAgainstGoals }
        if let header = rows.firstIndex(where: { text($0, 0) == labels.headlineMeasure }) {
            let end = [goalsHeading, goalsHeader].compactMap { $0 }.filter { $0 > header }.min() ?? rows.count
            overlayMeasures(&theme, sheet: sheet, header: header, end: end, path: path)
        }
        if let header = goalsHeader { overlayGoals(&theme, sheet: sheet, header: header, path: path) }
    }

    /// Whether a row holds nothing but empty cells and white space.
    func isBlank(_ row: Row) -> Bool { row.cells.allSatisfy { CellReading.trimmed($0.value) == nil } }

    func rowPlace(_ sheet: Sheet, _ row: Row, column: Int = 0) -> Place {
        Place(file: file, sheet: sheet.name, cell: WorksheetReader.reference(column, row.index))
    }

    /// The headline measures table, each row matched to its measure by its name (under its
    /// group's sub-heading), never by its position: a row inserted, deleted or moved never moves
    /// one measure's figures onto another.
    mutating func overlayMeasures(_ theme: inout Theme, sheet: Sheet, header: Int, end: Int, path: String) {
        let rows = sheet.rows
        let found = columns(rows[header])
        let continued = BoardPackLayout.continued(labels.headlineMeasure, labels)
        let groups = Set(theme.measures.compactMap(\.group))
        var byName: [String: [Int]] = [:]
        for (m, measure) in theme.measures.enumerated() {
            byName[Self.measureKey(group: measure.group, name: measure.name), default: []].append(m)
        }
        var matched: [Int: Row] = [:]
        var group: String?
        for row in rows[(header + 1)..<end] where !isBlank(row) {
            let first = text(row, 0)
            if first == continued { continue }
            if let first, groups.contains(first), row.cells.filter({ CellReading.trimmed($0.value) != nil }).count == 1 {
                group = first
                continue
            }
            let name = first.map { BoardPackLayout.measureCellName($0) } ?? ""
            // Same-named measures of one group are matched in their order.
            guard let m = byName[Self.measureKey(group: group, name: name)]?.first(where: { matched[$0] == nil }) else {
                let shown = first.map { "\"\(BoardPackLayout.measureCellName($0))\"" } ?? "a row without a measure's name"
                problems.append(WorkbookProblem(rowPlace(sheet, row), "\(shown) is not a headline measure of \(theme.heading)\(group.map { " under \($0)" } ?? ""); measures are matched by their name, so rename it back (new measures are added to the report, not the pack)"))
                continue
            }
            matched[m] = row
        }
        for (m, measure) in theme.measures.enumerated() {
            guard let row = matched[m] else {
                problems.append(WorkbookProblem(Place(file: file, sheet: sheet.name), "the headline measure \"\(measure.name)\" has no row in the measures table; put its row back (measures leave the plan through the report, not the pack)"))
                continue
            }
            for (p, label) in theme.periods.enumerated() {
                guard let column = found[label], theme.measures[m].values.indices.contains(p) else { continue }
                let place = record("\(path).measures[\(m)].values[\(p)]", sheet, row, column)
                theme.measures[m].values[p] = figure(cell(row, column), keeping: theme.measures[m].values[p], at: place)
            }
        }
    }

    static func measureKey(group: String?, name: String) -> String { Forgiving.key(group ?? "") + "|" + Forgiving.key(name) }

    /// The goals table, each row matched to its goal by the id in its Ref cell and by its
    /// wording, never by its position. A row inserted, deleted, moved or sorted apart from its
    /// Ref is refused with its row rather than read onto another goal's id.
    mutating func overlayGoals(_ theme: inout Theme, sheet: Sheet, header headerRow: Int, path: String) {
        typealias C = BoardPackLayout.GoalColumn
        let rows = sheet.rows
        let found = columns(rows[headerRow])
        func column(_ c: C) -> Int? { found[c.header(labels)] }
        let continued = BoardPackLayout.continuedHeader(labels)
        // The table ends where the key, the representatives or the comments begin.
        let after: Set<String> = [labels.key, labels.representatives, labels.comments]
        let end = rows[(headerRow + 1)...].firstIndex { text($0, 0).map(after.contains) ?? false } ?? rows.count

        // Every goal and sub-goal, in the report's order, with its depth and path.
        var goals: [(goal: Goal, depth: Int, path: String)] = []
        func walk(_ goal: Goal, depth: Int, path: String) {
            goals.append((goal, depth, path))
            for (s, sub) in goal.subGoals.enumerated() { walk(sub, depth: depth + 1, path: "\(path).subGoals[\(s)]") }
        }
        for (g, goal) in theme.goals.enumerated() { walk(goal, depth: 0, path: "\(path).goals[\(g)]") }
        var byID: [String: Int] = [:], byWording: [String: [Int]] = [:]
        for (i, entry) in goals.enumerated() {
            byID[Forgiving.key(entry.goal.id)] = i
            byWording[Forgiving.key(entry.goal.text), default: []].append(i)
        }
        func wording(_ row: Row) -> String? {
            guard let c = column(.goal), let shown = text(row, c) else { return nil }
            let cell = shown.hasPrefix(BoardPackLayout.subGoalBullet) ? String(shown.dropFirst(BoardPackLayout.subGoalBullet.count)) : shown
            return BoardPackLayout.goalCellParts(cell, depth: 0, labels: labels).text
        }

        var matched: [Int: Row] = [:]
        for row in rows[(headerRow + 1)..<end] where !isBlank(row) {
            if let c = column(.goal), text(row, c) == continued { continue }
            let ref = column(.ref).flatMap { text(row, $0) }
            let shown = wording(row)
            let refCell = rowPlace(sheet, row, column: column(.ref) ?? 0)
            var index: Int?
            if let ref {
                guard let i = byID[Forgiving.key(ref)] else {
                    problems.append(WorkbookProblem(refCell, "\"\(ref)\" is not the id of a goal of \(theme.heading); rows are matched to goals by their Ref, so put the id back (new goals are added to the report, not the pack)"))
                    continue
                }
                // A Ref whose row now shows another goal's wording: rows sorted or moved apart from their Ref.
                if let shown, Forgiving.key(shown) != Forgiving.key(goals[i].goal.text),
                    let other = byWording[Forgiving.key(shown)]?.first(where: { $0 != i })
                {
                    problems.append(WorkbookProblem(refCell, "the row of goal \(goals[i].goal.id) shows the wording of goal \(goals[other].goal.id); its cells were sorted or moved apart from its Ref, so sort the whole table (every column) or undo the move"))
                    continue
                }
                index = i
            } else if let shown {
                let candidates = (byWording[Forgiving.key(shown)] ?? []).filter { matched[$0] == nil }
                guard let i = candidates.first else {
                    problems.append(WorkbookProblem(rowPlace(sheet, row, column: column(.goal) ?? 0), "this row has no Ref and its wording matches no goal of \(theme.heading); give it its goal's id in the Ref column (new goals are added to the report, not the pack)"))
                    continue
                }
                index = i
            } else {
                let first = row.cells.first { CellReading.trimmed($0.value) != nil }
                problems.append(WorkbookProblem(rowPlace(sheet, row, column: first?.column ?? 0), "this row of the goals table has no Ref and no goal; type its goal's id in the Ref column, or move the text to its goal's row"))
                continue
            }
            if let i = index {
                if let earlier = matched[i] {
                    problems.append(WorkbookProblem(refCell, "goal \(goals[i].goal.id) has two rows (\(earlier.index + 1) and \(row.index + 1)); delete one"))
                    continue
                }
                matched[i] = row
            }
        }

        var read: [String: Goal] = [:]  // by path
        for (i, entry) in goals.enumerated() {
            guard let row = matched[i] else {
                problems.append(WorkbookProblem(Place(file: file, sheet: sheet.name), "goal \(entry.goal.id) has no row in the goals table; put its row back (goals leave the plan through the report, not the pack)"))
                continue
            }
            var goal = entry.goal
            overlay(&goal, row: row, sheet: sheet, path: entry.path, columns: found)
            read[entry.path] = goal
        }
        func apply(_ goal: inout Goal, path: String) {
            let subGoals = goal.subGoals
            if let edited = read[path] { goal = edited }
            goal.subGoals = subGoals
            for s in goal.subGoals.indices { apply(&goal.subGoals[s], path: "\(path).subGoals[\(s)]") }
        }
        for g in theme.goals.indices { apply(&theme.goals[g], path: "\(path).goals[\(g)]") }
    }

    /// What one goal's row shows: its wording and notes, leads, status and update.
    mutating func overlay(_ goal: inout Goal, row: Row, sheet: Sheet, path: String, columns found: [String: Int]) {
        let labels = self.labels
        func column(_ c: BoardPackLayout.GoalColumn) -> Int? { found[c.header(labels)] }
        let noStatus = BoardPackLayout.noStatusWords(labels)
        if let c = column(.goal), let shown = text(row, c) {
            _ = record("\(path).text", sheet, row, c)
            let cell = shown.hasPrefix(BoardPackLayout.subGoalBullet) ? String(shown.dropFirst(BoardPackLayout.subGoalBullet.count)) : shown
            (goal.text, goal.notes) = BoardPackLayout.goalCellParts(cell, depth: 0, labels: labels)
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
            // The lines saying who said what (co-leads who disagree, answers not accepted) are the
            // pack's, not the update's.
            var lines = (text(row, c) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            while let first = lines.first, BoardPackLayout.isPackLine(first, labels) { lines.removeFirst() }
            goal.update = Wording.paragraphs(in: lines.joined(separator: "\n"))
        }
    }

    /// A table on the statistics sheet: its heading alone in column A, its header row, then its
    /// rows, each matched to the table's row of the same label (never by position); the source
    /// and notes below it hold text in column A only.
    mutating func overlay(_ table: inout StatisticsTable, sheet: Sheet, path: String, headings: Set<String>) {
        let rows = sheet.rows
        guard let heading = rows.firstIndex(where: { text($0, 0) == table.heading }), heading + 1 < rows.count else { return }
        let header = heading + 1
        let end = rows[(header + 1)...].firstIndex { text($0, 0).map(headings.contains) ?? false } ?? rows.count
        let first = BoardPackLayout.statisticsFirstValueColumn
        var matched: [Int: Row] = [:]
        for row in rows[(header + 1)..<end] where !isBlank(row) {
            let label = text(row, 0)
            let unmatched = table.rows.indices.filter { matched[$0] == nil }
            if let label, let r = unmatched.first(where: { Forgiving.key(table.rows[$0].label) == Forgiving.key(label) }) {
                matched[r] = row
                continue
            }
            // Text in column A alone is the table's source, a note or the shading's key.
            guard row.cells.contains(where: { $0.column >= first && CellReading.trimmed($0.value) != nil }) else { continue }
            problems.append(WorkbookProblem(rowPlace(sheet, row), "\(label.map { "\"\($0)\"" } ?? "a row without a label") is not a row of \(table.heading); rows are matched by their label, so put it back as it was"))
        }
        for (r, statisticsRow) in table.rows.enumerated() {
            guard let row = matched[r] else {
                problems.append(WorkbookProblem(Place(file: file, sheet: sheet.name), "the row \"\(statisticsRow.label)\" of \(table.heading) is missing; put it back"))
                continue
            }
            for c in statisticsRow.values.indices {
                let column = first + c
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
        case .figure(var value):
            value?.significant = old?.significant ?? false
            return value
        case .refused(let why):
            problems.append(WorkbookProblem(place, why))
            return old
        }
    }
}
