import Foundation
import ReportModel

/// Merges checked returns into a report. The input report is not changed; the result records,
/// for every value it took, the agency, file, SHA-256 and cells it came from, and for every
/// return merged who completed it and when.
///
/// The same returns give the same result in whatever order they are given: identical files
/// are read once, answers are taken in the report's order of agencies, and of two different
/// returns from one agency neither is merged unless `replace` says to take the newer.
public struct ReturnMerger {
    public let report: Report
    /// When an agency sent two different returns, take the newer (by its Date cell, then the
    /// file's time) instead of refusing both.
    public let replace: Bool

    /// What each agency was asked for (`ReturnScope.all(in: report)`).
    private let scopes: [ReturnScope]

    public init(report: Report, replace: Bool = false) {
        self.init(report: report, replace: replace, scopes: ReturnScope.all(in: report))
    }

    /// Merges into the report the checker checked against, with the scopes it worked out.
    public init(checker: ReturnChecker, replace: Bool = false) {
        self.init(report: checker.report, replace: replace, scopes: checker.scopeList)
    }

    private init(report: Report, replace: Bool, scopes: [ReturnScope]) {
        self.report = report
        self.replace = replace
        self.scopes = scopes
    }

    private var period: String { report.period.label }

    public func merge(_ given: [CheckedReturn]) -> (report: Report, summary: MergeSummary) {
        var summary = MergeSummary(period: period)
        let returns = distinct(given, summary: &summary)
        // A file that could not be read (not there, say) is listed, but is no return received.
        summary.returnsReceived = returns.filter { !$0.sha256.isEmpty }.count
        let order = Dictionary(uniqueKeysWithValues: report.agencies.enumerated().map { ($1.id, $0) })
        let chosen = choose(returns, summary: &summary).sorted { order[$0.agency!.id]! < order[$1.agency!.id]! }
        let (accepted, again) = newerThanMerged(chosen, summary: &summary)
        summary.returnsAccepted = accepted.count + again.count
        summary.accepted = chosen.filter { r in accepted.contains { $0.path == r.path } || again.contains { $0.path == r.path } }.map(\.file)
        let merged = Set(accepted.map { $0.agency!.id }).union(report.returnsReceived.filter { $0.period == period }.map(\.agency))
        summary.agenciesMissing = scopes.map(\.agency).filter { !merged.contains($0.id) }.map(\.name)

        var result = report
        let directory = report.agencyDirectory
        // Accepted answers and refused ones, each goal's in the report's order of agencies.
        let answersByGoal = Dictionary(grouping: accepted.flatMap { r in (r.goals + r.refusedGoals).map { (r, $0) } }, by: { $0.1.goalID })
        let answersByMeasure = Dictionary(grouping: accepted.flatMap { r in r.measures.map { (r, $0) } }, by: { $0.1.measureID })
        let asked = Set(scopes.flatMap { $0.goals.map(\.goal.id) })
        // A return merged now is the agency's whole answer this period: what a return merged
        // before said (and this one no longer does) goes with it.
        let answering = Set(accepted.map { $0.agency!.id })
        for t in result.themes.indices {
            result.themes[t].goals = result.themes[t].goals.map {
                mergeGoal($0, answers: answersByGoal, answering: answering, asked: asked, order: order, directory: directory, summary: &summary)
            }
            mergeMeasures(&result.themes[t], answers: answersByMeasure, answering: answering, summary: &summary)
        }
        // An agency's return for this period replaces any merged before (one pass, not one per return).
        let replaced = Set(accepted.map { $0.agency!.id })
        result.returnsReceived.removeAll { $0.period == period && replaced.contains($0.agency) }
        for r in accepted {
            result.returnsReceived.append(ReceivedReturn(
                agency: r.agency!.id, period: period, completedBy: r.completedBy, date: r.date,
                source: provenance(r, sheet: ReturnLayout.instructionsSheet, form: FormField.signature, cells: [])))
        }
        result.returnsReceived.sort { (order[$0.agency] ?? 0, $0.period) < (order[$1.agency] ?? 0, $1.period) }
        keepValid(&result, accepted: accepted, summary: &summary)
        return (result, summary)
    }

    // MARK: - Which returns

    /// Each file once: the same bytes named twice (or under two names) are one return.
    private func distinct(_ given: [CheckedReturn], summary: inout MergeSummary) -> [CheckedReturn] {
        var byContent: [String: [CheckedReturn]] = [:]
        var unreadable: [CheckedReturn] = []
        for r in given {
            if r.sha256.isEmpty { unreadable.append(r) } else { byContent[r.sha256, default: []].append(r) }
        }
        var out = unreadable
        // In path order, so the duplicates are said in the same order every run.
        for copies in byContent.values.sorted(by: { $0.map(\.path).min()! < $1.map(\.path).min()! }) {
            // The copy named after its agency is the one recorded ("agency-07.xlsx", not the
            // "AGENCY-08.XLSX" saved over it); then the first by path.
            func named(_ r: CheckedReturn) -> Bool { r.agency.map { r.file.lowercased() == ReturnScope.fileName(of: $0) } ?? false }
            let sorted = copies.sorted { named($0) != named($1) ? named($0) : $0.path < $1.path }
            out.append(sorted[0])
            for copy in sorted.dropFirst() {
                summary.duplicates.append(copy.path == sorted[0].path
                    ? "\(copy.path) was named twice; read once."
                    : "\(copy.path) is the same file as \(sorted[0].path); read once.")
            }
        }
        out.sort { $0.path < $1.path }
        for r in out { summary.problems += r.problems.map(\.description) }
        summary.blank = out.filter(\.isBlank).map(\.file)
        return out
    }

    /// Returns against those merged before this period (the report remembers each agency's, with
    /// its date and SHA-256), so a merged report never goes back in time: the same file again
    /// changes nothing; an older one is refused with both dates; a newer one replaces the
    /// earlier whole. One without a date is taken only with `replace`.
    /// - Returns: the returns to merge, and those merged before already.
    private func newerThanMerged(_ chosen: [CheckedReturn], summary: inout MergeSummary) -> (merge: [CheckedReturn], again: [CheckedReturn]) {
        let before = Dictionary(report.returnsReceived.filter { $0.period == period }.map { ($0.agency, $0) }, uniquingKeysWith: { a, _ in a })
        var merge: [CheckedReturn] = [], again: [CheckedReturn] = []
        for r in chosen {
            let agency = r.agency!
            guard let earlier = before[agency.id] else {
                merge.append(r)
                continue
            }
            let earlierDay = earlier.date.flatMap(Day.init(reading:))
            let earlierName = "\(earlier.source.file)\(earlierDay.map { ", dated \($0)" } ?? "")"
            if earlier.source.sha256 == r.sha256 {
                summary.duplicates.append("\(r.path) was merged before (the same file); nothing changes.")
                again.append(r)
            } else if let day = r.day, let earlierDay, day < earlierDay {
                summary.problems.append("\(r.path) (dated \(day)) is older than the return from \(agency.name) merged before (\(earlierName)); not merged.")
            } else if r.day == nil && earlierDay != nil && !replace {
                summary.problems.append("\(r.path) has no Date completed, so it cannot be told newer than the return from \(agency.name) merged before (\(earlierName)); not merged. Fill in its date, or re-run with --replace to take it.")
            } else {
                summary.duplicates.append("\(r.path)\(r.day.map { " (dated \($0))" } ?? "") replaces the return from \(agency.name) merged before (\(earlierName)).")
                merge.append(r)
            }
        }
        return (merge, again)
    }

    /// One return per agency: two different ones are settled by `replace`, or neither is taken.
    private func choose(_ returns: [CheckedReturn], summary: inout MergeSummary) -> [CheckedReturn] {
        let usable = Dictionary(grouping: returns.filter(\.isUsable), by: { $0.agency!.id })
        var chosen: [CheckedReturn] = []
        for (_, group) in usable.sorted(by: { $0.key < $1.key }) {
            guard group.count > 1 else {
                chosen.append(group[0])
                continue
            }
            // Newest by the return's own Date cell, then by the file's time; the path settles ties.
            let ordered = group.sorted { a, b in
                if a.day != b.day { return (a.day ?? Day(year: 1, month: 1, day: 1)!) < (b.day ?? Day(year: 1, month: 1, day: 1)!) }
                if a.modified != b.modified { return (a.modified ?? .distantPast) < (b.modified ?? .distantPast) }
                return a.path < b.path
            }
            let newest = ordered.last!
            let described = ordered.map { r in r.day.map { "\(r.path) (dated \($0))" } ?? r.path }.joined(separator: ", ")
            let agency = newest.agency!.name
            if replace {
                summary.duplicates.append("Returns from \(agency): \(described); the newest, \(newest.path), is merged (--replace).")
                chosen.append(newest)
            } else {
                summary.problems.append("\(described): \(group.count) different returns from \(agency); none is merged. Re-run with --replace to take the newest (\(newest.path)).")
            }
        }
        return chosen
    }

    // MARK: - Goals and measures

    /// Where answers came from: a workbook's sheet and cells, or the web form's part and fields.
    private func provenance(_ r: CheckedReturn, sheet: String, form: String, cells: [String]) -> Provenance {
        r.isForm ? Provenance(file: r.file, sha256: r.sha256, form: form, fields: cells) : Provenance(file: r.file, sha256: r.sha256, sheet: sheet, cells: cells)
    }

    /// - Parameters:
    ///   - order: each agency's place in the report's list (answers are kept in that order).
    ///   - directory: the report's agencies, built once (a thousand returns answer thousands of goals).
    private func mergeGoal(
        _ goal: Goal, answers: [String: [(CheckedReturn, GoalAnswer)]], answering: Set<String>, asked: Set<String>, order: [String: Int],
        directory: AgencyDirectory, summary: inout MergeSummary
    ) -> Goal {
        var goal = goal
        goal.subGoals = goal.subGoals.map {
            mergeGoal($0, answers: answers, answering: answering, asked: asked, order: order, directory: directory, summary: &summary)
        }
        let given = answers[goal.id] ?? []
        let before = goal
        // Answers of earlier returns from the agencies whose return is merged now.
        let superseded = goal.returns.filter { answering.contains($0.agency) && $0.period == period }
        guard !given.isEmpty || !superseded.isEmpty else {
            let answeredEarlier = goal.returns.contains { $0.period == period }
            if asked.contains(goal.id) && !answeredEarlier { summary.goalsWithoutAnswer.append(goal.id) }
            return goal
        }
        goal.returns.removeAll { answering.contains($0.agency) && $0.period == period }
        // A proposal only a superseded answer made goes with it.
        if let proposal = goal.proposal, superseded.contains(where: { $0.proposal == proposal }) { goal.proposal = nil }
        goal.returns += given.map { r, answer in
            GoalReturn(
                agency: r.agency!.id, period: period, status: answer.status, update: answer.update, proposal: answer.proposal,
                source: provenance(r, sheet: ReturnLayout.goalsSheet, form: FormField.goals, cells: answer.cells), refused: answer.refused)
        }
        goal.returns.sort { (order[$0.agency] ?? 0) < (order[$1.agency] ?? 0) }
        // This period's accepted answers, from this merge and any earlier one: the update belongs
        // to the status given with it, and co-leads who disagree leave the status open. Refused
        // answers are kept (the pack shows they came) but never set the status or the update.
        let current = goal.returns.filter { $0.period == period && $0.refused == nil }
        if current.isEmpty {
            if goal.returns.contains(where: { $0.period == period }) {
                summary.goalsNotAccepted.append(goal.id)
            } else if asked.contains(goal.id) {
                summary.goalsWithoutAnswer.append(goal.id)
            }
            // A status and update that came from a return merged before (now superseded) go;
            // one the report was given otherwise (set by hand) is no return's to take away.
            if before.returns.contains(where: { $0.period == period && $0.refused == nil }) {
                goal.status = nil
                goal.update = []
            }
            return goal
        }
        let statuses = Set(current.compactMap(\.status))
        if statuses.count > 1 {
            let said = current.compactMap { a in a.status.map { "\(directory.agency(a.agency)?.name ?? a.agency) says \($0)" } }
            summary.conflicts.append("goal \(goal.id): \(said.joined(separator: ", ")); shown as a conflict for the secretariat to settle")
            goal.status = nil
        } else {
            goal.status = statuses.first
        }
        let updates = current.filter { !$0.update.isEmpty }
        if current.count == 1 {
            goal.update = current[0].update
        } else {
            // Co-led: each agency's update under its name.
            goal.update = updates.flatMap { a in ["\(directory.agency(a.agency)?.name ?? a.agency): \(a.update[0])"] + a.update.dropFirst() }
        }
        let proposals = current.compactMap(\.proposal)
        if let proposal = proposals.first, proposals.allSatisfy({ $0 == proposal }) {
            goal.proposal = proposal
        } else if proposals.count > 1 {
            summary.conflicts.append("goal \(goal.id): the lead agencies propose different things; the proposal is left as it was")
        }
        if goal.status != before.status || goal.update != before.update || goal.proposal != before.proposal {
            summary.goalsUpdated.append(goal.id)
        } else {
            summary.goalsUnchanged.append(goal.id)
        }
        return goal
    }

    private func mergeMeasures(
        _ theme: inout Theme, answers: [String: [(CheckedReturn, MeasureAnswer)]], answering: Set<String>, summary: inout MergeSummary
    ) {
        let given = theme.measures.filter { answers[$0.id]?.contains { $0.1.value != nil } ?? false }
        var column = theme.periods.firstIndex(of: period)
        // A figure an earlier return gave, which the agency's return merged now leaves out, goes.
        for m in theme.measures.indices where answers[theme.measures[m].id] == nil {
            guard theme.measures[m].sources.contains(where: { $0.period == period && answering.contains($0.agency) }) else { continue }
            theme.measures[m].sources.removeAll { $0.period == period && answering.contains($0.agency) }
            if let column, theme.measures[m].values.indices.contains(column) { theme.measures[m].values[column] = nil }
        }
        if column == nil && !given.isEmpty {
            // A period the theme has no column for yet: one for every measure of the theme.
            theme.periods.append(period)
            for m in theme.measures.indices { theme.measures[m].values.append(nil) }
            column = theme.periods.count - 1
        }
        for m in theme.measures.indices {
            // A measure has one supplier, so one answer at most.
            guard let (r, answer) = answers[theme.measures[m].id]?.first else { continue }
            if let value = answer.value, let column {
                theme.measures[m].values[column] = value
                summary.measuresFilled.append(theme.measures[m].id)
            }
            theme.measures[m].sources.removeAll { $0.period == period }
            theme.measures[m].sources.append(
                MeasureSource(
                    period: period, agency: r.agency!.id, note: answer.note,
                    source: provenance(r, sheet: ReturnLayout.measuresSheet, form: FormField.measures, cells: answer.cells)))
        }
    }

    /// Anything export would refuse (a co-led update over a cell's 32,767 characters, say) is
    /// reported with the cells it came from, and that goal or measure keeps its earlier state.
    private func keepValid(_ result: inout Report, accepted: [CheckedReturn], summary: inout MergeSummary) {
        for problem in ReportValidator(result).problems() {
            guard let (t, kind, index) = Self.owner(of: problem.path) else {
                summary.problems.append("\(problem)")
                continue
            }
            if kind == "goals" {
                let id = result.themes[t].goals[index].id
                // The cell the value came from: the Update for an update, else the Status.
                let cells = result.themes[t].goals[index].returns.filter { $0.period == period }.map { answer in
                    "\(answer.source.file): \(answer.source.place(last: problem.path.hasSuffix(".update")))"
                }
                summary.problems.append("\(cells.first ?? id): \(problem.message); not merged")
                result.themes[t].goals[index] = report.themes[t].goals[index]
                summary.goalsUpdated.removeAll { $0 == id }
            } else {
                let measure = result.themes[t].measures[index]
                let source = measure.sources.last { $0.period == period }.map { "\($0.source.file): \($0.source.place())" }
                summary.problems.append("\(source ?? measure.id): \(problem.message); not merged")
                result.themes[t] = report.themes[t]
                summary.measuresFilled.removeAll { id in report.themes[t].measures.contains { $0.id == id } }
            }
        }
    }

    /// "themes[2].goals[3].update" → (2, "goals", 3).
    static func owner(of path: String) -> (Int, String, Int)? {
        let parts = path.split(separator: ".")
        guard parts.count >= 2, parts[0].hasPrefix("themes["), let t = Int(parts[0].dropFirst(7).dropLast()) else { return nil }
        let second = parts[1]
        for kind in ["goals", "measures"] where second.hasPrefix(kind + "[") {
            if let index = Int(second.dropFirst(kind.count + 1).prefix { $0.isNumber }) { return (t, kind, index) }
        }
        return nil
    }
}
