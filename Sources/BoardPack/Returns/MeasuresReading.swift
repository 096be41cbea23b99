import ReportModel
import XLSXReader

/// The Measures sheet of one return: each figure and its note, read by key and checked against
/// the measure's kind. A figure with a problem is listed with its cell and left out.
struct MeasuresReading {
    let scope: ReturnScope
    let file: String

    /// The figures given, and the measures left without one.
    var tally = MeasureTally()
    var problems: [WorkbookProblem] = []
    var sheetName = ReturnLayout.measuresSheet

    init(scope: ReturnScope, file: String) {
        self.scope = scope
        self.file = file
    }

    private mutating func problem(_ cell: String?, _ message: String) {
        problems.append(WorkbookProblem(Place(file: file, sheet: sheetName, cell: cell), message))
    }

    mutating func read(_ book: XLSXFile) throws {
        typealias H = ReturnLayout.Header
        guard !scope.measures.isEmpty else { return }
        guard let sheet = try KeyedSheet.read(book, sheet: ReturnLayout.measuresSheet) else {
            problems.append(KeyedSheet.missing(ReturnLayout.measuresSheet, what: "measures", in: book))
            tally.missing = scope.measures.map(\.measure.id)
            return
        }
        sheetName = sheet.name
        guard sheet.keyColumn != nil, let valueColumn = sheet.column(startingWith: H.value), let noteColumn = sheet.column(startingWith: H.note) else {
            problems.append(KeyedSheet.lostKeys(Place(file: file, sheet: sheetName), "figures"))
            tally.missing = scope.measures.map(\.measure.id)
            return
        }
        var byMeasure: [String: [Row]] = [:]
        for entry in sheet.rows where entry.field == ReturnLayout.measureField { byMeasure[Forgiving.key(entry.id), default: []].append(entry.row) }
        // A figure or note typed on a row of its own (inserted, or under the table) is not read:
        // said with its cell, never silently left out.
        for entry in sheet.sequence where entry.key == nil {
            for column in [valueColumn, noteColumn] {
                guard let text = entry.row.cells.first(where: { $0.column == column }).flatMap({ CellReading.trimmed($0.value) }) else { continue }
                problem(WorksheetReader.reference(column, entry.row.index), "\"\(Wording.cut(text, to: 40))\" is not on a measure's row, so it is not read; type it on its measure's row")
            }
        }
        let owned = Set(scope.measures.map { Forgiving.key($0.measure.id) })
        for entry in sheet.rows where !owned.contains(Forgiving.key(entry.id)) {
            let given = [valueColumn, noteColumn].contains { c in entry.row.cells.contains { $0.column == c && !$0.value.isEmpty } }
            if given { problem(WorksheetReader.reference(valueColumn, entry.row.index), "\"\(entry.id)\" is not a measure \(scope.agency.name) supplies; this figure is not merged") }
        }
        for item in scope.measures {
            let measure = item.measure
            guard let rows = byMeasure[Forgiving.key(measure.id)], let row = rows.first else {
                tally.missing.append(measure.id)
                continue
            }
            let valueRef = WorksheetReader.reference(valueColumn, row.index), noteRef = WorksheetReader.reference(noteColumn, row.index)
            if rows.count > 1 {
                let places = rows.map { "\(sheetName)!\(WorksheetReader.reference(valueColumn, $0.index))" }
                problem(WorksheetReader.reference(valueColumn, rows[1].index), "measure \(measure.id) appears \(rows.count) times (\(places.joined(separator: ", "))); delete the copies so it is given once")
                continue
            }
            if let range = sheet.mergedRange(covering: valueColumn, row.index), range.contains(":") {
                problem(range, "is merged into one cell over measure \(measure.id)'s figure; unmerge it (Format > Merge Cells)")
                continue
            }
            var value: Value?
            if let cell = row.cells.first(where: { $0.column == valueColumn }) {
                switch CellReading.figure(cell, kind: MeasureKind.of(measure), strict: measure.kind != nil, measure: measure) {
                case .figure(let read): value = read
                case .refused(let why):
                    problem(valueRef, "measure \(measure.id): \(why)")
                    continue
                }
            }
            var note: String?
            switch InputCell.read(row.cells.first { $0.column == noteColumn }) {
            case .empty: break
            case .text(let text): note = text
            case .refused(let why):
                problem(noteRef, "the note on measure \(measure.id) \(why)")
                continue
            }
            tally.record(measure, value: value, note: note, places: [valueRef, noteRef])
        }
    }
}
