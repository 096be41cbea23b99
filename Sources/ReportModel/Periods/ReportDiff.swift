/// What changed between two reports of the same plan (`boardpack diff`): statuses moved, goals
/// added, discharged or reworded, updates changed, and figures changed.
public struct ReportDiff: Codable, Equatable, Sendable {
    public struct StatusMove: Codable, Equatable, Sendable {
        public var goal: String
        public var from: String
        public var to: String
        /// improved, worsened, or unchanged (a move between schemes with the same meaning).
        public var change: String
    }

    public struct Rewording: Codable, Equatable, Sendable {
        public var goal: String
        public var from: String
        public var to: String
    }

    public struct FigureChange: Codable, Equatable, Sendable {
        public var measure: String
        public var period: String
        /// The figure as typed, or nil where there was none.
        public var from: String?
        public var to: String?
    }

    public var fromPeriod: String
    public var toPeriod: String
    public var statusesMoved: [StatusMove] = []
    /// Goals rated in the new report that had no status in the old one.
    public var newlyRated: [String] = []
    /// Goals with a status in the old report and none in the new one.
    public var noLongerRated: [String] = []
    public var goalsAdded: [String] = []
    public var goalsDischarged: [String] = []
    public var goalsReworded: [Rewording] = []
    public var updatesChanged: [String] = []
    public var figuresChanged: [FigureChange] = []

    public var isEmpty: Bool {
        statusesMoved.isEmpty && newlyRated.isEmpty && noLongerRated.isEmpty && goalsAdded.isEmpty && goalsDischarged.isEmpty
            && goalsReworded.isEmpty && updatesChanged.isEmpty && figuresChanged.isEmpty
    }

    /// Compares two reports goal by goal and measure by measure, by id.
    /// - Throws: `ReportProblem` when they share no goal, so cannot be of the same plan.
    public init(from old: Report, to new: Report) throws {
        fromPeriod = old.period.label
        toPeriod = new.period.label
        let before = Self.goals(old), after = Self.goals(new)
        guard before.tracked.keys.contains(where: { after.tracked[$0] != nil || after.discharged[$0] != nil }) || before.tracked.isEmpty else {
            throw ReportProblem(path: "", message: "shares no goal with the other report, so they are not reports of the same plan")
        }
        for (id, goal) in before.tracked.sorted(by: { $0.value.order < $1.value.order }) {
            guard let now = after.tracked[id] else {
                if after.discharged[id] != nil { goalsDischarged.append(id) }
                continue
            }
            if now.goal.text != goal.goal.text { goalsReworded.append(Rewording(goal: id, from: goal.goal.text, to: now.goal.text)) }
            switch (goal.goal.status, now.goal.status) {
            case let (was?, is_?) where was != is_:
                let change = StatusScheme.movement(from: was, in: old.scheme, to: is_, in: new.scheme)?.rawValue ?? "changed"
                statusesMoved.append(StatusMove(goal: id, from: was, to: is_, change: change))
            case (nil, _?): newlyRated.append(id)
            case (_?, nil): noLongerRated.append(id)
            default: break
            }
            if now.goal.update != goal.goal.update && !(now.goal.update.isEmpty && now.goal.status == nil) { updatesChanged.append(id) }
        }
        goalsAdded = after.tracked.filter { before.tracked[$0.key] == nil }.sorted { $0.value.order < $1.value.order }.map(\.key)
        for theme in new.themes {
            for measure in theme.measures {
                let oldTheme = old.themes.first { $0.measures.contains { $0.id == measure.id } }
                let oldMeasure = oldTheme?.measures.first { $0.id == measure.id }
                for (p, period) in theme.periods.enumerated() {
                    let now = measure.values.indices.contains(p) ? measure.values[p]?.text : nil
                    let was = oldTheme.flatMap { t in t.periods.firstIndex(of: period).flatMap { i in oldMeasure?.values.indices.contains(i) == true ? oldMeasure?.values[i]?.text : nil } }
                    if now != was { figuresChanged.append(FigureChange(measure: measure.id, period: period, from: was, to: now)) }
                }
            }
        }
    }

    private static func goals(_ report: Report) -> (tracked: [String: (goal: Goal, order: Int)], discharged: [String: Goal]) {
        var tracked: [String: (Goal, Int)] = [:]
        for (i, goal) in report.countedGoals.enumerated() { tracked[goal.id] = (goal, i) }
        var discharged: [String: Goal] = [:]
        for goal in report.themes.flatMap({ $0.dischargedGoals.flatMap { [$0] + $0.subGoals } }) { discharged[goal.id] = goal }
        return (tracked, discharged)
    }

    /// The difference for people, one fact a line.
    public var text: String {
        var lines = ["Period: \(fromPeriod) → \(toPeriod)"]
        if isEmpty { return (lines + ["Nothing changed."]).joined(separator: "\n") }
        for move in statusesMoved { lines.append("Status of \(move.goal): \(move.from) → \(move.to) (\(move.change))") }
        if !newlyRated.isEmpty { lines.append("Rated now, not before: \(newlyRated.joined(separator: ", "))") }
        if !noLongerRated.isEmpty { lines.append("Rated before, not now: \(noLongerRated.joined(separator: ", "))") }
        if !goalsAdded.isEmpty { lines.append("Goals added: \(goalsAdded.joined(separator: ", "))") }
        if !goalsDischarged.isEmpty { lines.append("Goals discharged: \(goalsDischarged.joined(separator: ", "))") }
        for rewording in goalsReworded { lines.append("Goal \(rewording.goal) reworded: \"\(rewording.from)\" → \"\(rewording.to)\"") }
        if !updatesChanged.isEmpty { lines.append("Updates changed: \(updatesChanged.joined(separator: ", "))") }
        for figure in figuresChanged {
            lines.append("Figure \(figure.measure) for \(figure.period): \(figure.from ?? "none") → \(figure.to ?? "none")")
        }
        return lines.joined(separator: "\n")
    }
}
