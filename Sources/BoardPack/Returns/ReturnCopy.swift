import Foundation
import ReportModel
import XLSXReader

/// A printable copy of a filled-in return (`boardpack check RETURN --pdf COPY.pdf`): the return
/// made again from the report, with what the agency typed in each input cell, every row as high
/// as its text.
///
/// A return filled by a script (openpyxl, as agencies' tools do) keeps the rows the blank return
/// had, and LibreOffice prints about a line and a half of a long update; the copy shows it all,
/// however it was written. Cells are copied as typed, before any check: a refused status
/// appears as the agency wrote it.
public struct ReturnCopy {
    public let report: Report
    public let style: Style

    public init(report: Report, style: Style = .standard) {
        self.report = report
        self.style = style
    }

    /// The key of a measure's Note, beside its Value's key (the Measures sheet keys only the row).
    static func noteKey(_ key: String) -> String { key + "|note" }

    /// Writes the copy of the return at `file` (as `checked` read it) printed to PDF at `url`,
    /// atomically; nothing is written when the return is not one of this report's agencies'.
    public func writePDF(of file: URL, checked: CheckedReturn, to url: URL) throws {
        guard let agency = checked.agency, let scope = ReturnScope.all(in: report).first(where: { $0.agency.id == agency.id }) else {
            throw ReportProblems(file: checked.file, problems: [ReportProblem(path: "", message: "is not a return of this report that can be copied (see the problems above)")])
        }
        var typed = ReturnTemplate.Typed(completedBy: checked.completedBy, date: checked.date)
        let book = try XLSXFile(contentsOf: file)
        if let goals = try KeyedSheet.read(book, sheet: ReturnLayout.goalsSheet) {
            for (id, field, row) in goals.rows {
                if let text = row.cells.first(where: { $0.column == ReturnLayout.formColumn }).flatMap({ CellReading.trimmed($0.value) }) {
                    typed.cells[ReturnLayout.key(id, field)] = text
                }
            }
        }
        if let measures = try KeyedSheet.read(book, sheet: ReturnLayout.measuresSheet),
            let value = measures.column(startingWith: ReturnLayout.Header.value), let note = measures.column(startingWith: ReturnLayout.Header.note)
        {
            for (id, field, row) in measures.rows {
                let key = ReturnLayout.key(id, field)
                func cell(_ column: Int) -> Cell? { row.cells.first { $0.column == column } }
                // A figure as its cell shows it ("84%" for 0.84 in a percentage cell).
                typed.cells[key] = cell(value).flatMap { cell in
                    if case .figure(let figure?) = CellReading.figure(cell, kind: nil, strict: false) { return figure.text }
                    return CellReading.trimmed(cell.value)
                }
                typed.cells[Self.noteKey(key)] = cell(note).flatMap { CellReading.trimmed($0.value) }
            }
        }
        let template = ReturnTemplate(report: report, scope: scope, deadline: nil, style: style, typed: typed)
        try PDFRendering.render(to: url, font: style.fonts.name) { try template.write(to: $0) }
    }
}
