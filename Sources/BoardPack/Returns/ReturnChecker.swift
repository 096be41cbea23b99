import Foundation
import ReportModel
import XLSXReader

/// Reads a filled-in return and checks it against the report, tolerating what people do
/// (case and spaces in statuses, initials, sorted or moved rows, blank rows, extra columns,
/// numbers typed as text) and refusing what cannot be trusted.
public struct ReturnChecker: Sendable {
    public let report: Report
    /// The period being collected; the report's own by default.
    public let period: String
    private let directory: AgencyDirectory
    /// What each agency was asked for, worked out once for all the returns checked.
    private let scopes: [String: ReturnScope]
    private let goalIDs: Set<String>

    public init(report: Report, period: String? = nil) {
        self.report = report
        self.period = period ?? report.period.label
        self.directory = report.agencyDirectory
        self.scopes = Dictionary(ReturnScope.all(in: report).map { ($0.agency.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.goalIDs = Set(report.themes.flatMap(\.allGoals).map { $0.id.lowercased() })
    }

    /// Checks the file at `url`; problems are collected, never thrown.
    /// Checks many files, on every core; the results come back in the order given.
    public func check(filesAt urls: [URL], progress: (@Sendable (Int) -> Void)? = nil) -> [CheckedReturn] {
        let results = UnsafeMutableBufferPointer<CheckedReturn?>.allocate(capacity: urls.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let counter = Counter()
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: urls.count) { i in
            // Each iteration writes only its own slot.
            slots[i] = check(fileAt: urls[i])
            progress?(counter.increment())
        }
        return results.map { $0! }
    }

    public func check(fileAt url: URL) -> CheckedReturn {
        let name = url.lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: url))
        } catch {
            var result = CheckedReturn(file: name, sha256: "")
            result.problems = [WorkbookProblem(Place(file: name), "cannot be read (\(SystemReason.of(error)))")]
            return result
        }
        return check(bytes: bytes, name: name)
    }

    public func check(bytes: [UInt8], name: String) -> CheckedReturn {
        var result = CheckedReturn(file: name, sha256: SHA256.hex(bytes))
        do {
            let book = try XLSXFile(bytes: bytes, name: name)
            try read(book, into: &result)
        } catch let error as XLSXError {
            result.problems.append(WorkbookProblem(error))
        } catch {
            result.problems.append(WorkbookProblem(Place(file: name), "\(error)"))
        }
        return result
    }

    // MARK: - Reading

    private func problem(_ result: inout CheckedReturn, _ sheet: String?, _ cell: String?, _ message: String) {
        result.problems.append(WorkbookProblem(Place(file: result.file, sheet: sheet, cell: cell), message))
    }

    private func read(_ book: XLSXFile, into result: inout CheckedReturn) throws {
        let details = try self.details(of: book)
        guard let reportID = details[ReturnLayout.Key.report], let agencyID = details[ReturnLayout.Key.agency] else {
            problem(&result, nil, nil, "is not a boardpack return (it carries no return details); send the agency the return made by boardpack returns")
            return
        }
        guard reportID == report.id else {
            problem(&result, nil, nil, "is a return for report \"\(reportID)\", not \"\(report.id)\"")
            return
        }
        let returnPeriod = details[ReturnLayout.Key.period] ?? ""
        result.period = returnPeriod
        guard returnPeriod == period else {
            problem(&result, nil, nil, "is a return for period \"\(returnPeriod)\", not \"\(period)\"")
            return
        }
        guard let agency = directory.agency(agencyID) else {
            problem(&result, nil, nil, "is a return for \"\(agencyID)\", which is not an agency of this report")
            return
        }
        guard let scope = scopes[agency.id] else {
            problem(&result, nil, nil, "is a return for \(agency.name), which leads no goal and supplies no figure in this report")
            return
        }
        if let fingerprint = details[ReturnLayout.Key.fingerprint], fingerprint != scope.fingerprint {
            problem(&result, nil, nil, "was made when \(agency.name)'s goals or measures were different; send a new return (boardpack returns --agency \(agency.id))")
            return
        }
        result.agency = agency
        try readGoals(book, scope: scope, into: &result)
        try readMeasures(book, scope: scope, into: &result)
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
                if values.count >= 2, let key = CellReading.trimmed(values[0]), let value = CellReading.trimmed(values[1]),
                    ReturnLayout.Key.all.contains(key)
                {
                    details[key] = value
                }
            }
        }
        return details
    }

    /// The sheet's rows after its header row, with the header's columns by forgiving name.
    private func table(_ book: XLSXFile, sheet: String, required: [String]) throws -> (columns: [String: Int], rows: [Row])? {
        guard let actual = book.sheets.first(where: { Forgiving.key($0.name) == Forgiving.key(sheet) }) else { return nil }
        var reader = try book.rows(ofSheet: actual.name)
        var columns: [String: Int]?
        var rows: [Row] = []
        while let row = try reader.next() {
            if columns != nil {
                rows.append(row)
                continue
            }
            var found: [String: Int] = [:]
            for cell in row.cells {
                if let text = CellReading.trimmed(cell.value) { found[Forgiving.key(text)] = found[Forgiving.key(text)] ?? cell.column }
            }
            if required.allSatisfy({ found[Forgiving.key($0)] != nil }) { columns = found }
        }
        return columns.map { ($0, rows) }
    }

    private func readGoals(_ book: XLSXFile, scope: ReturnScope, into result: inout CheckedReturn) throws {
        typealias H = ReturnLayout.Header
        let sheet = ReturnLayout.goalsSheet
        guard let (columns, rows) = try table(book, sheet: sheet, required: [H.goalID, H.status, H.update]) else {
            if !scope.goals.isEmpty {
                problem(&result, sheet, nil, "has no header row with \(H.goalID), \(H.status) and \(H.update) (or the sheet is missing)")
            }
            return
        }
        func column(_ name: String) -> Int? { columns[Forgiving.key(name)] }
        let owned = Dictionary(scope.goals.map { ($0.goal.id.lowercased(), $0.goal) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: String] = [:]
        let scheme = report.scheme
        for row in rows {
            let cells = Dictionary(row.cells.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
            func value(_ name: String) -> CellValue { column(name).flatMap { cells[$0]?.value } ?? .empty }
            func ref(_ name: String) -> String { WorksheetReader.reference(column(name) ?? 0, row.index) }
            let idText = CellReading.trimmed(value(H.goalID))
            let statusText = CellReading.trimmed(value(H.status))
            let updateText = CellReading.trimmed(value(H.update))
            guard let idText else {
                if statusText != nil || updateText != nil {
                    problem(&result, sheet, ref(H.goalID), "a status or update with no Goal ID on its row")
                }
                continue
            }
            guard let goal = owned[idText.lowercased()] else {
                let exists = goalIDs.contains(idText.lowercased())
                problem(&result, sheet, ref(H.goalID), exists
                    ? "goal \(idText) is not led by \(scope.agency.name)"
                    : "\"\(idText)\" is not a goal of this report")
                continue
            }
            if let earlier = seen[goal.id] {
                problem(&result, sheet, ref(H.goalID), "goal \(goal.id) appears twice (also \(sheet)!\(earlier))")
                continue
            }
            seen[goal.id] = ref(H.goalID)
            if column(H.goal) != nil, let wording = CellReading.trimmed(value(H.goal)), Forgiving.key(wording) != Forgiving.key(goal.text) {
                problem(&result, sheet, ref(H.goal), "the wording of goal \(goal.id) was changed; it is set by the plan (propose new wording in \(H.proposedWording) instead)")
                continue
            }
            var status: String?
            if let statusText {
                status = scheme.status(matching: statusText, .nameOrCode)?.name
                if status == nil {
                    problem(&result, sheet, ref(H.status), "\"\(statusText)\" is not a status of this report (\(scheme.namesList))")
                    continue
                }
            }
            let update = updateText.map(Wording.paragraphs(in:)) ?? []
            if let status, update.isEmpty, ["red", "amber"].contains(status.lowercased()) {
                problem(&result, sheet, ref(H.update), "goal \(goal.id) is \(status) but has no update; a \(status) status needs an explanation")
                continue
            }
            var proposal: Proposal?
            if column(H.proposal) != nil, let text = CellReading.trimmed(value(H.proposal)) {
                let wanted = Forgiving.key(text)
                guard let action = ReturnLayout.proposalChoices.first(where: { Forgiving.key($0.label) == wanted || Forgiving.key($0.rawValue) == wanted }) else {
                    problem(&result, sheet, ref(H.proposal), "\"\(text)\" is not a proposal (Carry forward, Amend, Discharge)")
                    continue
                }
                let wording = CellReading.trimmed(value(H.proposedWording))
                if action == .amend && wording == nil {
                    problem(&result, sheet, ref(H.proposedWording), "goal \(goal.id) is to be amended but has no proposed wording")
                    continue
                }
                proposal = Proposal(action: action, wording: wording)
            }
            guard status != nil || !update.isEmpty || proposal != nil else { continue }
            var read = [ref(H.status), ref(H.update)]
            if proposal != nil { read += [ref(H.proposal), ref(H.proposedWording)] }
            result.goals.append(GoalAnswer(goalID: goal.id, status: status, update: update, proposal: proposal, cells: read))
        }
    }

    private func readMeasures(_ book: XLSXFile, scope: ReturnScope, into result: inout CheckedReturn) throws {
        typealias H = ReturnLayout.Header
        let sheet = ReturnLayout.measuresSheet
        guard let (columns, rows) = try table(book, sheet: sheet, required: [H.measureID, H.value]) else {
            if !scope.measures.isEmpty {
                problem(&result, sheet, nil, "has no header row with \(H.measureID) and \(H.value) (or the sheet is missing)")
            }
            return
        }
        func column(_ name: String) -> Int? { columns[Forgiving.key(name)] }
        let owned = Dictionary(scope.measures.map { ($0.measure.id.lowercased(), $0.measure) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: String] = [:]
        for row in rows {
            let cells = Dictionary(row.cells.map { ($0.column, $0) }, uniquingKeysWith: { a, _ in a })
            func ref(_ name: String) -> String { WorksheetReader.reference(column(name) ?? 0, row.index) }
            guard let idText = column(H.measureID).flatMap({ cells[$0] }).flatMap({ CellReading.trimmed($0.value) }) else { continue }
            guard let measure = owned[idText.lowercased()] else {
                problem(&result, sheet, ref(H.measureID), "\"\(idText)\" is not a measure \(scope.agency.name) supplies")
                continue
            }
            if let earlier = seen[measure.id] {
                problem(&result, sheet, ref(H.measureID), "measure \(measure.id) appears twice (also \(sheet)!\(earlier))")
                continue
            }
            seen[measure.id] = ref(H.measureID)
            let isPercent = measure.values.contains { $0?.kind == .percent }
            var value: Value?
            if let cell = column(H.value).flatMap({ cells[$0] }) {
                do {
                    value = try CellReading.figure(cell, percentMeasure: isPercent)
                } catch {
                    problem(&result, sheet, ref(H.value), "\(CellReading.text(cell.value) ?? "") is not a percentage; type it as 81% or 0.81")
                    continue
                }
            }
            let note = column(H.note).flatMap { cells[$0] }.flatMap { CellReading.trimmed($0.value) }
            guard value != nil || note != nil else { continue }
            result.measures.append(MeasureAnswer(measureID: measure.id, value: value, note: note, cells: [ref(H.value), ref(H.note)]))
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
