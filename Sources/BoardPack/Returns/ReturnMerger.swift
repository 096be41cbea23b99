import Foundation
import ReportModel

/// Merges checked returns into a report. The input report is not changed; the result records,
/// for every value it took, the agency, file, SHA-256 and cells it came from.
public struct ReturnMerger {
    public let report: Report
    public let period: String
    /// When an agency sent two returns, take the later one instead of refusing it.
    public let replace: Bool

    public init(report: Report, period: String? = nil, replace: Bool = false) {
        self.report = report
        self.period = period ?? report.period.label
        self.replace = replace
    }

    public func merge(_ returns: [CheckedReturn]) -> (report: Report, summary: MergeSummary) {
        var summary = MergeSummary(period: period)
        summary.returnsReceived = returns.count
        var chosen: [String: CheckedReturn] = [:]  // agency id → return
        var order: [String] = []
        for checked in returns {
            summary.problems += checked.problems.map(\.description)
            guard checked.isValid, let agency = checked.agency else { continue }
            if let earlier = chosen[agency.id] {
                if replace {
                    summary.problems.append("\(earlier.file): replaced by \(checked.file), a later return from \(agency.name) (--replace)")
                } else {
                    summary.problems.append("\(checked.file): a second return from \(agency.name) (the first was \(earlier.file)); not merged, use --replace to take the later file")
                    continue
                }
            } else {
                order.append(agency.id)
            }
            chosen[agency.id] = checked
        }
        let accepted = order.compactMap { chosen[$0] }
        summary.returnsAccepted = accepted.count
        summary.accepted = accepted.map(\.file)
        let scopes = ReturnScope.all(in: report)
        summary.agenciesMissing = scopes.map(\.agency).filter { chosen[$0.id] == nil }.map(\.name)

        var merged = report
        merged.period.label = period
        let answersByGoal = Dictionary(grouping: accepted.flatMap { r in r.goals.map { (r, $0) } }, by: { $0.1.goalID })
        let answersByMeasure = Dictionary(grouping: accepted.flatMap { r in r.measures.map { (r, $0) } }, by: { $0.1.measureID })
        let asked = Set(scopes.flatMap { $0.goals.map(\.goal.id) })

        for t in merged.themes.indices {
            merged.themes[t].goals = merged.themes[t].goals.map { goal in
                mergeGoal(goal, answers: answersByGoal, asked: asked, summary: &summary)
            }
            mergeMeasures(&merged.themes[t], answers: answersByMeasure, summary: &summary)
        }
        return (merged, summary)
    }

    private func provenance(_ r: CheckedReturn, sheet: String, cells: [String]) -> Provenance {
        Provenance(file: r.file, sha256: r.sha256, sheet: sheet, cells: cells)
    }

    private func mergeGoal(
        _ goal: Goal, answers: [String: [(CheckedReturn, GoalAnswer)]], asked: Set<String>, summary: inout MergeSummary
    ) -> Goal {
        var goal = goal
        goal.subGoals = goal.subGoals.map { mergeGoal($0, answers: answers, asked: asked, summary: &summary) }
        guard let given = answers[goal.id], !given.isEmpty else {
            if asked.contains(goal.id) { summary.goalsWithoutUpdate.append(goal.id) }
            return goal
        }
        let before = goal
        goal.returns = given.map { r, answer in
            GoalReturn(
                agency: r.agency!.id, status: answer.status, update: answer.update, proposal: answer.proposal,
                source: provenance(r, sheet: ReturnLayout.goalsSheet, cells: answer.cells))
        }
        let statuses = Set(given.compactMap { $0.1.status })
        if statuses.count > 1 {
            let said = given.compactMap { r, a in a.status.map { "\(r.agency!.name) says \($0)" } }.joined(separator: ", ")
            summary.conflicts.append("goal \(goal.id): \(said); the status is left as it was for the secretariat to settle")
        } else if let status = statuses.first {
            goal.status = status
        }
        let updates = given.filter { !$0.1.update.isEmpty }
        if updates.count == 1 {
            goal.update = updates[0].1.update
        } else if updates.count > 1 {
            // Co-led: each agency's update kept under its name.
            goal.update = updates.flatMap { r, a in ["\(r.agency!.name): \(a.update[0])"] + a.update.dropFirst() }
        }
        let proposals = given.compactMap(\.1.proposal)
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

    private func mergeMeasures(_ theme: inout Theme, answers: [String: [(CheckedReturn, MeasureAnswer)]], summary: inout MergeSummary) {
        let given = theme.measures.filter { answers[$0.id]?.contains { $0.1.value != nil } ?? false }
        var column = theme.periods.firstIndex(of: period)
        if column == nil && !given.isEmpty {
            // A new period: a new column for every measure of the theme.
            theme.periods.append(period)
            for m in theme.measures.indices { theme.measures[m].values.append(nil) }
            column = theme.periods.count - 1
        }
        for m in theme.measures.indices {
            guard let (r, answer) = answers[theme.measures[m].id]?.last else { continue }
            if let value = answer.value, let column {
                theme.measures[m].values[column] = value
                summary.measuresFilled.append(theme.measures[m].id)
            }
            theme.measures[m].sources.removeAll { $0.period == period }
            theme.measures[m].sources.append(
                MeasureSource(
                    period: period, agency: r.agency!.id, note: answer.note,
                    source: provenance(r, sheet: ReturnLayout.measuresSheet, cells: answer.cells)))
        }
    }
}
