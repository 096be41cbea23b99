/// Checks the rules JSON decoding cannot: references resolve, identifiers are unique, statuses
/// belong to the scheme, lists line up with their columns, and text fits a spreadsheet cell.
public struct ReportValidator {
    /// Excel's limit on the characters of one cell.
    public static let cellTextLimit = 32_767

    let report: Report
    private let directory: AgencyDirectory
    private var found: [ReportProblem] = []
    /// Earlier periods' labels, in order, by forgiving key.
    private let earlier: [String: Int]

    public init(_ report: Report) {
        self.report = report
        self.directory = report.agencyDirectory
        var earlier: [String: Int] = [:]
        for (i, past) in report.earlierPeriods.enumerated() { earlier[Forgiving.key(past.period.label)] = earlier[Forgiving.key(past.period.label)] ?? i }
        self.earlier = earlier
    }

    /// Every problem found, in document order.
    public func problems() -> [ReportProblem] {
        var v = self
        v.run()
        return v.found
    }

    private mutating func add(_ path: String, _ message: String) {
        found.append(ReportProblem(path: path, message: message))
    }

    private mutating func run() {
        if report.format != Report.currentFormat {
            add("format", "this report is format \(report.format); this boardpack reads format \(Report.currentFormat)")
        }
        requireText(report.id, at: "id")
        requireText(report.title, at: "title")
        requireText(report.board, at: "board")
        requireText(report.period.label, at: "period.label")
        if let q = report.period.quarter, !(1...4).contains(q) {
            add("period.quarter", "\(q) is not a quarter (1 to 4)")
        }
        checkScheme()
        checkAgencies()
        checkEarlierPeriods()
        if let contact = report.contact { requireText(contact.name, at: "contact.name") }
        var seenStatistics = Set<String>()
        for (i, table) in report.statistics.enumerated() {
            checkStatistics(table, at: "statistics[\(i)]", seen: &seenStatistics)
        }
        var seenThemes = Set<String>(), seenGoals = Set<String>(), seenMeasures = Set<String>()
        for (t, theme) in report.themes.enumerated() {
            let path = "themes[\(t)]"
            unique(theme.id, at: "\(path).id", kind: "theme", seen: &seenThemes)
            requireText(theme.name, at: "\(path).name")
            checkShortName(theme.shortName, at: "\(path).shortName")
            for (m, measure) in theme.measures.enumerated() {
                checkMeasure(measure, periods: theme.periods, at: "\(path).measures[\(m)]", seen: &seenMeasures)
            }
            for (g, goal) in theme.goals.enumerated() {
                checkGoal(goal, at: "\(path).goals[\(g)]", seen: &seenGoals)
            }
            for (g, goal) in theme.dischargedGoals.enumerated() {
                checkGoal(goal, at: "\(path).dischargedGoals[\(g)]", seen: &seenGoals, current: false)
            }
            for (m, measure) in theme.dischargedMeasures.enumerated() {
                unique(measure.id, at: "\(path).dischargedMeasures[\(m)].id", kind: "measure", seen: &seenMeasures)
            }
            for (r, rep) in theme.representatives.enumerated() {
                checkAgencyReference(rep.agency, at: "\(path).representatives[\(r)].agency", allowAll: false)
            }
            for (c, comment) in theme.comments.enumerated() {
                checkCellLength(comment, at: "\(path).comments[\(c)]", what: "comment")
            }
        }
        checkCaveats(goals: seenGoals)
        checkDecisions()
        checkRisks()
    }

    // MARK: - Parts

    private mutating func checkScheme() {
        let scheme = report.scheme
        if scheme.statuses.isEmpty { add("statusScheme.statuses", "a status scheme needs at least one status") }
        var names = Set<String>(), codes = Set<String>()
        for (i, status) in scheme.statuses.enumerated() {
            let path = "statusScheme.statuses[\(i)]"
            requireText(status.name, at: "\(path).name")
            if !names.insert(status.name.lowercased()).inserted {
                add("\(path).name", "\"\(status.name)\" appears twice in the status scheme")
            }
            if status.code.count != 1 || !status.code.first!.isLetter {
                add("\(path).code", "\"\(status.code)\" is not a one-letter code")
            } else if !codes.insert(status.code.uppercased()).inserted {
                add("\(path).code", "code \"\(status.code)\" is used by two statuses")
            }
            for (key, colour) in [("fill", status.fill), ("font", status.font)] {
                if let colour, HexColour(colour) == nil {
                    add("\(path).\(key)", "\"\(colour)\" is not a colour (expected #RRGGBB)")
                }
            }
        }
    }

    private mutating func checkAgencies() {
        var seen = [String: Int]()
        for (i, agency) in report.agencies.enumerated() {
            requireText(agency.id, at: "agencies[\(i)].id")
            requireText(agency.name, at: "agencies[\(i)].name")
            for name in [agency.id, agency.name] + agency.aliases {
                let key = Forgiving.key(name)
                if let other = seen[key], other != i {
                    add("agencies[\(i)]", "\"\(name)\" also names agencies[\(other)] (\(report.agencies[other].name))")
                }
                seen[key] = i
            }
            for (c, contact) in agency.contacts.enumerated() {
                for problem in ContactRules.problems(contact) { add("agencies[\(i)].contacts[\(c)].\(problem.field)", problem.message) }
            }
        }
    }

    private mutating func checkStatistics(_ table: StatisticsTable, at path: String, seen: inout Set<String>) {
        unique(table.id, at: "\(path).id", kind: "statistics table", seen: &seen)
        requireText(table.title, at: "\(path).title")
        checkShortName(table.shortName, at: "\(path).shortName")
        for (r, row) in table.rows.enumerated() where row.values.count != table.columns.count {
            add(
                "\(path).rows[\(r)].values",
                "has \(row.values.count) values but the table has \(table.columns.count) columns")
        }
    }

    private mutating func checkMeasure(_ measure: Measure, periods: [String], at path: String, seen: inout Set<String>) {
        unique(measure.id, at: "\(path).id", kind: "measure", seen: &seen)
        requireText(measure.name, at: "\(path).name")
        if measure.values.count != periods.count {
            add(
                "\(path).values",
                "has \(measure.values.count) values but the theme has \(periods.count) periods (\(periods.joined(separator: ", ")))")
        }
        if let supplier = measure.supplier { checkAgencyReference(supplier, at: "\(path).supplier", allowAll: false) }
        for (v, value) in measure.values.enumerated() {
            guard let value else { continue }
            if let kind = measure.kind?.valueKind, let problem = MeasureKind.misfit(value, kind) {
                add("\(path).values[\(v)]", problem)
            } else if let problem = MeasureKind.outOfRange(value, of: measure) {
                add("\(path).values[\(v)]", problem)
            }
        }
        if let reason = measure.notJudged {
            requireText(reason, at: "\(path).notJudged")
            checkCellLength(reason, at: "\(path).notJudged", what: "measure \(measure.id)'s reason for not judging it")
        }
        if let target = measure.target {
            if target.value.number == nil {
                add("\(path).target.value", "\"\(target.value.text)\" is not a number")
            }
            if let tolerance = target.tolerance, tolerance.number == nil {
                add("\(path).target.tolerance", "\"\(tolerance.text)\" is not a number")
            }
            if measure.better == nil {
                add("\(path).better", "a measure with a target must say which way is better (higher-is-better or lower-is-better)")
            }
        }
    }

    private mutating func checkEarlierPeriods() {
        var seen = Set<String>()
        for (i, past) in report.earlierPeriods.enumerated() {
            let key = Forgiving.key(past.period.label)
            requireText(past.period.label, at: "earlierPeriods[\(i)].period.label")
            if !seen.insert(key).inserted || key == Forgiving.key(report.period.label) {
                add("earlierPeriods[\(i)].period.label", "\"\(past.period.label)\" appears twice among the report's periods")
            }
        }
    }

    /// Each rating names an earlier period of the report, oldest first.
    private mutating func checkHistory(_ goal: Goal, at path: String) {
        var last = -1
        for (h, rating) in goal.history.enumerated() {
            guard let index = earlier[Forgiving.key(rating.period)] else {
                let known = report.earlierPeriods.map(\.period.label)
                add("\(path).history[\(h)].period", "\"\(rating.period)\" is not an earlier period of this report (\(known.isEmpty ? "it has none" : known.joined(separator: ", ")))")
                continue
            }
            if index <= last {
                add("\(path).history[\(h)].period", "\(rating.period) comes after a later period; goal \(goal.id)'s history must run oldest first")
            }
            last = index
        }
    }

    private mutating func checkGoal(_ goal: Goal, at path: String, seen: inout Set<String>, current: Bool = true) {
        unique(goal.id, at: "\(path).id", kind: "goal", seen: &seen)
        requireText(goal.text, at: "\(path).text")
        checkCellLength(goal.text, at: "\(path).text", what: "goal \(goal.id)'s text")
        // Characters are counted only when the bytes could be too many: counting characters
        // walks every grapheme, and a large report has thousands of updates.
        let updateBytes = goal.update.reduce(0) { $0 + $1.utf8.count } + 2 * max(0, goal.update.count - 1)
        let updateLength = updateBytes > Self.cellTextLimit ? goal.update.joined(separator: "\n\n").count : 0
        if updateLength > Self.cellTextLimit {
            add(
                "\(path).update",
                "goal \(goal.id)'s update is \(updateLength) characters; a spreadsheet cell holds at most \(Self.cellTextLimit)")
        }
        checkHistory(goal, at: path)
        if !current, goal.status != nil {
            add("\(path).status", "goal \(goal.id) has left the plan, so it has no status this period (its ratings are in its history)")
        }
        if current, let status = goal.status, report.scheme.status(matching: status, .exactName) == nil {
            add("\(path).status", "\"\(status)\" is not a status of this report (\(report.scheme.namesList))")
        }
        for (l, lead) in goal.leads.enumerated() {
            checkAgencyReference(lead, at: "\(path).leads[\(l)]", allowAll: true)
        }
        for (s, sub) in goal.subGoals.enumerated() {
            checkGoal(sub, at: "\(path).subGoals[\(s)]", seen: &seen, current: current)
        }
    }

    /// Each caveat says what, why, and of which goals and period.
    /// - Parameter goals: every goal id of the report, lower-cased (current and discharged).
    private mutating func checkCaveats(goals: Set<String>) {
        let periods = report.earlierPeriods.map(\.period.label) + [report.period.label]
        for (c, caveat) in report.caveats.enumerated() {
            let path = "caveats[\(c)]"
            requireText(caveat.about, at: "\(path).about")
            requireText(caveat.reason, at: "\(path).reason")
            checkCellLength(caveat.line, at: "\(path).reason", what: "the caveat")
            for (g, id) in caveat.goals.enumerated() where !goals.contains(id.lowercased()) {
                add("\(path).goals[\(g)]", "\"\(id)\" is not a goal of this report")
            }
            if let period = caveat.period, !periods.contains(where: { Forgiving.key($0) == Forgiving.key(period) }) {
                add("\(path).period", "\"\(period)\" is not a period of this report (\(periods.joined(separator: ", ")))")
            }
        }
    }

    private mutating func checkDecisions() {
        for (d, decision) in report.decisions.enumerated() {
            let path = "decisions[\(d)]"
            requireText(decision.text, at: "\(path).text")
            checkCellLength(decision.text, at: "\(path).text", what: "the decision")
            checkCellLength(decision.detail.joined(separator: "\n\n"), at: "\(path).detail", what: "the decision's detail")
        }
    }

    private mutating func checkRisks() {
        var seen = Set<String>()
        for (r, risk) in report.risks.enumerated() {
            let path = "risks[\(r)]"
            unique(risk.id, at: "\(path).id", kind: "risk", seen: &seen)
            requireText(risk.text, at: "\(path).text")
            if let owner = risk.owner { requireText(owner, at: "\(path).owner") }
            for (key, paragraphs) in [("text", [risk.text]), ("impact", risk.impact), ("mitigation", risk.mitigation)] {
                checkCellLength(paragraphs.joined(separator: "\n\n"), at: "\(path).\(key)", what: "risk \(risk.id)'s \(key)")
            }
            if let rating = risk.rating, report.riskRating(rating) == nil {
                let names = report.scheme.statuses.map(\.name) + StatusScheme.redAmberGreen.statuses.map(\.name).filter { name in
                    !report.scheme.statuses.contains { $0.name == name }
                }
                add("\(path).rating", "\"\(rating)\" is not a rating of this report (\(names.joined(separator: ", ")))")
            }
        }
    }

    // MARK: - Rules shared by several parts

    private mutating func requireText(_ value: String, at path: String) {
        if value.allSatisfy(\.isWhitespace) { add(path, "must not be empty") }
    }

    private mutating func unique(_ id: String, at path: String, kind: String, seen: inout Set<String>) {
        requireText(id, at: path)
        if !seen.insert(id.lowercased()).inserted {
            add(path, "\"\(id)\" is the id of another \(kind); ids must be unique")
        }
    }

    private mutating func checkAgencyReference(_ reference: String, at path: String, allowAll: Bool) {
        if allowAll && AgencyDirectory.isAll(reference) { return }
        if directory.agency(reference) == nil {
            add(path, "\"\(reference)\" is not an agency of this report (add it to agencies, or as an alias)")
        }
    }

    private mutating func checkShortName(_ name: String?, at path: String) {
        guard let name else { return }
        if name.count > 31 { add(path, "\"\(name)\" is \(name.count) characters; a sheet name holds at most 31") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            add(path, "\"\(name)\" contains \"\(bad)\", which a sheet name may not")
        }
    }

    private mutating func checkCellLength(_ text: String, at path: String, what: String) {
        if text.utf8.count > Self.cellTextLimit, text.count > Self.cellTextLimit {
            add(path, "\(what) is \(text.count) characters; a spreadsheet cell holds at most \(Self.cellTextLimit)")
        }
    }
}
