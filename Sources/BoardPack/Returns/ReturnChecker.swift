import Foundation
import ReportModel
import XLSXReader

/// Reads a filled-in return and checks it against the report.
///
/// It tolerates what people do (case and spaces in statuses, initials, rows moved or inserted,
/// figures typed as text or written as numbers by a script) and refuses what cannot be
/// trusted, cell by cell: a bad row is listed with its cell and the other answers still count.
/// Only a return that is not for this report, period and agency is refused whole.
public struct ReturnChecker: Sendable {
    public let report: Report
    let directory: AgencyDirectory
    /// What each agency was asked for, worked out once for all the returns checked (and the
    /// merge of them): in the report's order, and by agency id.
    let scopeList: [ReturnScope]
    let scopes: [String: ReturnScope]
    let goalIDs: Set<String>
    /// The day returns are checked on: a Date completed after it is a slip of the keyboard.
    public let today: Day

    public init(report: Report, today: Day = .today) {
        self.report = report
        self.today = today
        self.directory = report.agencyDirectory
        self.scopeList = ReturnScope.all(in: report)
        self.scopes = Dictionary(scopeList.map { ($0.agency.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.goalIDs = Set(report.themes.flatMap(\.allGoals).map { Forgiving.key($0.id) })
    }

    /// Checks many files, on every core; the results come back in the order given. `opened`
    /// are the first of them opened already (see `ReturnPrefetch`).
    public func check(filesAt urls: [URL], opened: [OpenedReturn] = [], progress: (@Sendable (Int) -> Void)? = nil) -> [CheckedReturn] {
        let results = UnsafeMutableBufferPointer<CheckedReturn?>.allocate(capacity: urls.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let counter = Counter()
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: urls.count) { i in
            // Each iteration writes only its own slot.
            slots[i] = check(i < opened.count ? opened[i] : OpenedReturn(fileAt: urls[i]))
            progress?(counter.increment())
        }
        return results.map { $0! }
    }

    /// Checks the file at `url`; problems are collected, never thrown.
    public func check(fileAt url: URL) -> CheckedReturn {
        check(OpenedReturn(fileAt: url))
    }

    public func check(bytes: [UInt8], name: String, path: String? = nil, modified: Date? = nil) -> CheckedReturn {
        check(OpenedReturn(bytes: bytes, name: name, path: path, modified: modified))
    }

    /// Checks a return that must come from the agency `agencyID` (an upload through that
    /// agency's link, or on its behalf): another agency's return is refused whole, like one for
    /// another report or period, so nothing in it is merged.
    public func check(_ opened: OpenedReturn, from agencyID: String) -> CheckedReturn {
        var result = check(opened)
        guard !result.refused, let agency = result.agency, agency.id != agencyID else { return result }
        let expected = directory.agency(agencyID)?.name ?? agencyID
        result.refuse("is the return for \(agency.name), not for \(expected); send \(expected)'s own return")
        return result
    }

    public func check(_ opened: OpenedReturn) -> CheckedReturn {
        var result = opened.result
        if let form = opened.form {
            read(form, into: &result)
            return result
        }
        guard let book = opened.book else { return result }
        do {
            try read(book, into: &result)
        } catch {
            result.refuse(error)
        }
        return result
    }

    // MARK: - The return as a whole

    private func read(_ book: XLSXFile, into result: inout CheckedReturn) throws {
        let sheets = book.sheets.map(\.name)
        if sheets.contains(BoardPackLayout.reportSheet) {
            return result.refuse("is a board pack, not a return; send the return workbook made by boardpack returns (import reads board packs)")
        }
        let details = try self.details(of: book)
        guard let reportID = details[ReturnLayout.Key.report], let agencyID = details[ReturnLayout.Key.agency] else {
            return result.refuse("is not a boardpack return (it carries no return details); send the agency the return made by boardpack returns")
        }
        let version = details[ReturnLayout.Key.template] ?? "1"
        guard version == ReturnLayout.templateVersion else {
            return result.refuse("was made with an earlier layout of the return (template \(version)); ask the secretariat for a new return (boardpack returns --agency \(agencyID))")
        }
        guard let scope = scope(report: reportID, period: details[ReturnLayout.Key.period] ?? "", agency: agencyID, into: &result) else { return }
        // A form renamed or deleted: the return is refused whole (docs/return-layout.md), not
        // merged in part with its agency counted as having returned.
        for (sheet, what, asked) in [(ReturnLayout.goalsSheet, "goals", !scope.goals.isEmpty), (ReturnLayout.measuresSheet, "measures", !scope.measures.isEmpty)]
        where asked && !sheets.contains(where: { Forgiving.key($0) == Forgiving.key(sheet) }) {
            return result.refuse(KeyedSheet.missing(sheet, what: what, in: book).message)
        }
        try readSignature(book, into: &result)
        var goals = GoalsReading(report: report, directory: directory, scope: scope, goalIDs: goalIDs, details: details, file: result.file)
        try goals.read(book)
        var measures = MeasuresReading(scope: scope, file: result.file)
        try measures.read(book)
        result.goals = goals.tally.answers
        result.refusedGoals = goals.tally.refused
        result.unanswered = goals.tally.unanswered
        result.measures = measures.tally.answers
        result.figuresMissing = measures.tally.missing
        result.problems += goals.problems + measures.problems
        finish(&result, goals: Place(file: result.file, sheet: goals.sheetName), measures: Place(file: result.file, sheet: measures.sheetName))
    }

    /// Whose return this is, for any way it arrives: this report's, this period's, and an agency
    /// that is asked for something; otherwise the return is refused whole (and nil returned).
    func scope(report reportID: String, period: String, agency agencyID: String, into result: inout CheckedReturn) -> ReturnScope? {
        guard reportID == report.id else {
            result.refuse("is a return for report \"\(reportID)\", not \"\(report.id)\"")
            return nil
        }
        result.period = period
        guard period == report.period.label else {
            result.refuse("is the return for \(period), but this report collects \(report.period.label); merge it into the \(period) report, or ask for a \(report.period.label) return")
            return nil
        }
        guard let agency = directory.agency(agencyID) else {
            result.refuse("is a return for \"\(agencyID)\", which is not an agency of this report")
            return nil
        }
        guard let scope = scopes[agency.id] else {
            result.refuse("is a return for \(agency.name), which leads no goal and supplies no figure in this report")
            return nil
        }
        result.agency = agency
        return scope
    }

    /// What a return read whole leaves to say, for any way it arrives: blank, or the goals and
    /// figures it leaves unanswered (for the secretariat to see; nothing refused).
    func finish(_ result: inout CheckedReturn, goals: Place, measures: Place) {
        guard let agency = result.agency else { return }
        if result.isBlank {
            result.problems.append(WorkbookProblem(Place(file: result.file), "is blank: no status, update or figure is filled in, so \(agency.name) is still missing"))
            return
        }
        if !result.unanswered.isEmpty {
            result.problems.append(WorkbookProblem(
                goals, "\(Wording.plural(result.unanswered.count, "goal")) not answered: \(result.unanswered.joined(separator: ", "))", weight: .notice))
        }
        if !result.figuresMissing.isEmpty {
            result.problems.append(WorkbookProblem(
                measures, "no figure for \(result.figuresMissing.joined(separator: ", ")) (type tbc where it is not known yet)", weight: .notice))
        }
    }

    /// The return's details: from the hidden sheet, else the custom properties (Google Sheets
    /// keeps the sheet but drops the properties; other tools may do the reverse).
    private func details(of book: XLSXFile) throws -> [String: String] {
        var details: [String: String] = [:]
        for key in ReturnLayout.Key.all { details[key] = book.customProperties[key] }
        if book.sheets.contains(where: { $0.name == ReturnLayout.detailsSheet }) {
            var rows = try book.rows(ofSheet: ReturnLayout.detailsSheet)
            while let row = try rows.next() {
                let values = row.values
                if values.count >= 2, let key = CellReading.trimmed(values[0]), let value = CellReading.trimmed(values[1]) {
                    details[key] = value
                }
            }
        }
        return details
    }

    /// "Completed by" and "Date completed" on the Instructions sheet: asked for, never blocking.
    private func readSignature(_ book: XLSXFile, into result: inout CheckedReturn) throws {
        typealias S = ReturnLayout.Signature
        let sheet = book.sheets.first { Forgiving.key($0.name) == Forgiving.key(ReturnLayout.instructionsSheet) }
        var cells: [String: (Cell?, String)] = [:]
        if let sheet {
            var rows = try book.rows(ofSheet: sheet.name)
            while let row = try rows.next() {
                guard let label = row.cells.first(where: { $0.column == 0 }).flatMap({ CellReading.trimmed($0.value) }) else { continue }
                for wanted in [S.completedBy, S.date] where Forgiving.key(label) == Forgiving.key(wanted) {
                    cells[wanted] = (row.cells.first { $0.column == 1 }, WorksheetReader.reference(1, row.index))
                }
            }
        }
        let sheetName = sheet?.name ?? ReturnLayout.instructionsSheet
        for (label, ask) in [(S.completedBy, SignatureRules.askName), (S.date, SignatureRules.askDate)] {
            guard let (cell, reference) = cells[label] else {
                result.problems.append(WorkbookProblem(Place(file: result.file, sheet: sheetName), "has no \(label) cell; \(ask) on a new return", weight: .notice))
                continue
            }
            let place = Place(file: result.file, sheet: sheetName, cell: reference)
            // A real date cell is read as the ISO date it holds, and judged as one typed.
            let typed: String?
            if case .date(let iso) = cell?.value ?? .empty, label == S.date {
                typed = iso
            } else {
                switch InputCell.read(cell) {
                case .refused(let why):
                    result.problems.append(WorkbookProblem(place, "\(label) \(why)"))
                    continue
                case .empty: typed = nil
                case .text(let text): typed = text
                }
            }
            if label == S.completedBy {
                result.completedBy = typed
                // Asked for, never blocking: a notice for the secretariat, nothing refused.
                if let problem = SignatureRules.nameProblem(typed) { result.problems.append(WorkbookProblem(place, problem, weight: .notice)) }
            } else {
                result.date = typed
                let (day, problem) = SignatureRules.day(typed: typed, today: today, period: report.period.label)
                result.day = day
                if let problem { result.problems.append(WorkbookProblem(place, problem, weight: .notice)) }
            }
        }
    }
}

/// A thread-safe count, for progress across concurrent checks.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
