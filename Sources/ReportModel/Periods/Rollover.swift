import Foundation

/// Starts the next period's report from this one (`boardpack next`): this period's statuses and
/// updates move into each goal's history, the new period gets its own measures column, the status
/// scheme follows the kind of period, and the plan refresh is applied.
///
/// The plan refresh's proposals come from the report itself (merged from year-end returns) and,
/// when given, from the stock take's paper, which wins where both speak of a goal: discharged
/// goals leave the plan (kept under `dischargedGoals` with their history), amended goals take the
/// new wording under the same id, carried-forward goals stay, and proposed goals, measures and
/// themes become the plan's own, and its risks join the report's. The texts written for the old
/// period (description, introductions, decisions asked of the board) move into its record under
/// `earlierPeriods`; caveats stay, marked with the period they speak of; risks stay. Nothing the
/// report held is dropped.
public struct Rollover {
    public let report: Report
    /// The report's file, for messages.
    public let reportFile: String
    /// The stock take's proposals, when they are a paper of their own, and its file.
    public let planRefresh: (report: Report, file: String)?

    public init(report: Report, file: String, planRefresh: (report: Report, file: String)? = nil) {
        self.report = report
        self.reportFile = file
        self.planRefresh = planRefresh
    }

    /// The next period's report.
    /// - Parameter id: the new report's id; by default the old id with its period replaced
    ///   ("kent-medway-2012-13-end-of-year" → "kent-medway-2013-14-q1").
    /// - Throws: `ReportProblems` for every proposal that cannot be applied, at its place; nothing
    ///   is returned then.
    public func next(_ period: Period, id: String? = nil) throws -> Report {
        var work = Work(old: report.period.label, new: period.label)
        if Forgiving.key(period.label) == Forgiving.key(report.period.label)
            || report.earlierPeriods.contains(where: { Forgiving.key($0.period.label) == Forgiving.key(period.label) })
        {
            work.refuse(reportFile, "period.label", "\"\(period.label)\" is not a new period for this report (it has been \(report.period.label) and \(report.earlierPeriods.map(\.period.label).joined(separator: ", ")))")
        }
        var next = report
        next.id = id ?? Self.nextID(report.id, from: report.period.label, to: period.label)
        // The texts written for this period go with it into its record: the next period's pack
        // must not carry last period's words ("end of year", "Red or Green") as its own.
        next.earlierPeriods.append(EarlierPeriod(
            period: report.period, produced: report.produced, returnsReceived: report.returnsReceived,
            description: report.description, introduction: report.introduction,
            themesIntroduction: report.themesIntroduction, decisions: report.decisions))
        next.period = period
        next.produced = []
        next.returnsReceived = []
        next.description = nil
        next.introduction = []
        next.themesIntroduction = []
        next.decisions = []
        // A caveat speaks of the period it was written for (its statuses are now history).
        for c in next.caveats.indices where next.caveats[c].period == nil { next.caveats[c].period = report.period.label }
        next.statusScheme = Self.scheme(report.statusScheme, for: period.kind)

        let refresh = planRefresh.map { Refresh($0.report, file: $0.file) }
        if let refresh {
            // Agencies the paper names that the report does not know yet (by any of their names),
            // and other spellings the paper uses for agencies it does know.
            let known = next.agencyDirectory
            for agency in refresh.report.agencies {
                let names = [agency.id, agency.name] + agency.aliases
                guard let existing = names.lazy.compactMap(known.agency).first,
                    let i = next.agencies.firstIndex(where: { $0.id == existing.id })
                else {
                    next.agencies.append(agency)
                    continue
                }
                for name in names where !next.agencies[i].isNamed(name) { next.agencies[i].aliases.append(name) }
                // The report's own contacts are kept; the paper's serve an agency that had none.
                if next.agencies[i].contacts.isEmpty { next.agencies[i].contacts = agency.contacts }
            }
        }
        if let refresh {
            // The stock take's risks are the board's: they join the register, the paper's
            // version replacing the report's where both have a risk of that id.
            for risk in refresh.report.risks {
                if let i = next.risks.firstIndex(where: { $0.id == risk.id }) { next.risks[i] = risk } else { next.risks.append(risk) }
            }
        }
        for t in next.themes.indices {
            work.roll(&next.themes[t], refresh: refresh, directory: next.agencyDirectory, at: "themes[\(t)]", file: reportFile)
        }
        if let refresh {
            // Themes the paper adds: all of their goals and measures are new to the plan.
            for (t, theme) in refresh.report.themes.enumerated() where !next.themes.contains(where: { $0.id == theme.id }) {
                var added = theme
                added.periods = []
                added.measures = []
                added.goals = []
                added.proposal = nil
                work.roll(&added, refresh: refresh, directory: next.agencyDirectory, at: "themes[\(t)]", file: refresh.file)
                next.themes.append(added)
            }
        }
        if let refresh, let first = work.repeated.first {
            let ids = work.repeated.map(\.goal)
            work.refuse(refresh.file, "", "this plan refresh was applied before\(first.at.map { " (at the end of \($0))" } ?? ""): \(ids.count == 1 ? "goal" : "goals") \(ids.prefix(8).joined(separator: ", "))\(ids.count > 8 ? " and \(ids.count - 8) more" : "") \(ids.count == 1 ? "is" : "are") already as it proposes; leave out --plan-refresh")
        }
        if !work.problems.isEmpty { throw work.problemsByFile() }
        return next
    }

    /// The next period's report, checked against every rule so that every command takes it
    /// (`boardpack next` and the portal's `next` both start a period through this).
    /// - Parameter output: where the new report goes, named in its problems.
    /// - Throws: `ReportProblems` as `next` does, or for the new report's own problems.
    public func validNext(_ period: Period, id: String? = nil, output: String) throws -> Report {
        let next = try self.next(period, id: id)
        let problems = ReportValidator(next).problems()
        if !problems.isEmpty { throw ReportProblems(file: output, problems: problems) }
        return next
    }

    /// What `next` does with the texts a reader might take for the new period's, for its output:
    /// those it moves into the old period's record (`moved`), and those it keeps that the
    /// secretariat should read again (`kept`).
    public func periodTexts() -> (moved: [String], kept: [String]) {
        func paragraphs(_ n: Int) -> String { n == 1 ? "1 paragraph" : "\(n) paragraphs" }
        var moved: [String] = []
        if report.description != nil { moved.append("description") }
        if !report.introduction.isEmpty { moved.append("introduction (\(paragraphs(report.introduction.count)))") }
        if !report.themesIntroduction.isEmpty { moved.append("themes introduction (\(paragraphs(report.themesIntroduction.count)))") }
        if !report.decisions.isEmpty { moved.append("decisions asked of the board (\(report.decisions.count))") }
        var kept: [String] = report.caveats.map { caveat in
            var marked = caveat
            marked.period = caveat.period ?? report.period.label
            return "caveat \"\(marked.short)\""
        }
        for theme in report.themes {
            if !theme.introduction.isEmpty { kept.append("introduction of \(theme.heading)") }
            if !theme.comments.isEmpty { kept.append("comments on \(theme.heading)") }
            for measure in theme.measures {
                if let reason = measure.notJudged { kept.append("measure \(measure.id) not judged (\(reason))") }
            }
        }
        let risks = report.risks.count + (planRefresh?.report.risks.filter { risk in !report.risks.contains { $0.id == risk.id } }.count ?? 0)
        if risks > 0 { kept.append(risks == 1 ? "1 risk" : "\(risks) risks") }
        return (moved, kept)
    }

    /// The status scheme of a period of `kind`: Red/Amber/Green in a quarter, Red/Green at year
    /// end, unless the report has a scheme of its own.
    static func scheme(_ current: StatusScheme?, for kind: Period.Kind) -> StatusScheme? {
        guard current == nil || current == .redAmberGreen || current == .endOfYear else { return current }
        return kind == .endOfYear ? .endOfYear : nil
    }

    /// "kent-medway-2012-13-end-of-year" → "kent-medway-2013-14-q1": the old period's part of
    /// the id and what follows it become the new period's; else the new period is appended.
    public static func nextID(_ id: String, from old: String, to new: String) -> String {
        let oldSlug = slug(old), newSlug = slug(new)
        if !oldSlug.isEmpty, let range = id.range(of: oldSlug) { return id[..<range.lowerBound] + newSlug }
        return id + "-" + newSlug
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// The stock take's paper, indexed by id.
private struct Refresh {
    let report: Report
    let file: String
    /// Goal id → the paper's goal (with its proposal) and its path in the paper.
    var goals: [String: (goal: Goal, path: String)] = [:]
    var measures: [String: (measure: Measure, path: String)] = [:]
    /// Theme id → its path in the paper.
    var themes: [String: (theme: Theme, path: String)] = [:]

    init(_ report: Report, file: String) {
        self.report = report
        self.file = file
        for (t, theme) in report.themes.enumerated() {
            themes[theme.id] = (theme, "themes[\(t)]")
            for (m, measure) in theme.measures.enumerated() { measures[measure.id] = (measure, "themes[\(t)].measures[\(m)]") }
            func walk(_ goal: Goal, _ path: String) {
                goals[goal.id] = (goal, path)
                for (s, sub) in goal.subGoals.enumerated() { walk(sub, "\(path).subGoals[\(s)]") }
            }
            for (g, goal) in theme.goals.enumerated() { walk(goal, "themes[\(t)].goals[\(g)]") }
        }
    }
}

private struct Work {
    let old: String
    let new: String
    var problems: [(file: String, problem: ReportProblem)] = []
    /// Goals already as the plan refresh proposes (added, or amended to its wording), with the
    /// period it was applied at: the paper was applied before.
    var repeated: [(goal: String, at: String?)] = []

    init(old: String, new: String) {
        self.old = old
        self.new = new
    }

    mutating func refuse(_ file: String, _ path: String, _ message: String) {
        problems.append((file, ReportProblem(path: path, message: message)))
    }

    func problemsByFile() -> ReportProblems {
        // One error carrying every problem; each line names its own file.
        let files = problems.map(\.file)
        let first = files.first ?? ""
        if files.allSatisfy({ $0 == first }) { return ReportProblems(file: first, problems: problems.map(\.problem)) }
        return ReportProblems(file: first, problems: problems.map { file, problem in
            file == first ? problem : ReportProblem(path: "", message: "\(file): \(problem)")
        })
    }

    /// Rolls one theme over: its goals, its measures and its proposal.
    mutating func roll(_ theme: inout Theme, refresh: Refresh?, directory: AgencyDirectory, at path: String, file: String) {
        var kept: [Goal] = []
        for (g, goal) in theme.goals.enumerated() {
            switch roll(goal, refresh: refresh, directory: directory, at: "\(path).goals[\(g)]", file: file) {
            case .kept(let goal): kept.append(goal)
            case .discharged(let goal): theme.dischargedGoals.append(goal)
            case .keptLosing(let goal, let gone): kept.append(goal); theme.dischargedGoals += gone
            }
        }
        // Goals the paper proposes for this theme that the report does not have yet.
        if let refresh, let paper = refresh.themes[theme.id] {
            let present = Set(theme.allGoals.map(\.id) + theme.dischargedGoals.flatMap { g in [g.id] + g.subGoals.map(\.id) })
            for (g, goal) in paper.theme.goals.enumerated() where !present.contains(goal.id) {
                let at = "\(paper.path).goals[\(g)]"
                if goal.proposal?.action != .new {
                    refuse(refresh.file, "\(at).proposal", "goal \(goal.id) is not in the report, so only a proposed new goal (\"action\": \"new\") can be added")
                    continue
                }
                switch roll(goal, refresh: refresh, directory: directory, at: at, file: refresh.file) {
                case .kept(let goal): kept.append(goal)
                case .discharged(let goal): theme.dischargedGoals.append(goal)
                case .keptLosing(let goal, let gone): kept.append(goal); theme.dischargedGoals += gone
                }
            }
        }
        theme.goals = kept

        var measures: [Measure] = []
        for (m, measure) in theme.measures.enumerated() {
            if let measure = roll(measure, in: &theme, refresh: refresh, at: "\(path).measures[\(m)]", file: file) { measures.append(measure) }
        }
        if let refresh, let paper = refresh.themes[theme.id] {
            let present = Set(theme.measures.map(\.id) + theme.dischargedMeasures.map(\.id))
            for (m, measure) in paper.theme.measures.enumerated() where !present.contains(measure.id) {
                var added = measure
                added.values = []
                if let kept = roll(added, in: &theme, refresh: refresh, at: "\(paper.path).measures[\(m)]", file: refresh.file) {
                    measures.append(kept)
                }
            }
        }
        theme.measures = measures
        // The new period's column; every figure in it is still to come.
        if !theme.periods.contains(new) { theme.periods.append(new) }
        for m in theme.measures.indices {
            let missing = theme.periods.count - theme.measures[m].values.count
            if missing > 0 { theme.measures[m].values += [Value?](repeating: nil, count: missing) }
        }
        theme.proposal = nil
    }

    enum Rolled {
        case kept(Goal)
        /// The goal leaves the plan, with its history (and its sub-goals, if it had any).
        case discharged(Goal)
        /// The goal stays; some of its sub-goals leave.
        case keptLosing(Goal, [Goal])
    }

    /// One goal moved into the new period: its rating into history, its proposal applied.
    /// Where a goal's or measure's proposal is: the paper's (which wins) or the report's own.
    func proposal(_ own: Proposal?, paper: (proposal: Proposal?, path: String)?, refresh: Refresh?, at path: String, file: String)
        -> (proposal: Proposal?, file: String, path: String)
    {
        if let paper, let proposal = paper.proposal, let refresh { return (proposal, refresh.file, "\(paper.path).proposal") }
        return (own, file, "\(path).proposal")
    }

    mutating func roll(_ goal: Goal, refresh: Refresh?, directory: AgencyDirectory, at path: String, file: String) -> Rolled {
        var goal = goal
        let paper = refresh?.goals[goal.id]
        var (chosen, proposalFile, proposalPath) = proposal(goal.proposal, paper: paper.map { ($0.goal.proposal, $0.path) }, refresh: refresh, at: path, file: file)
        // Applied a second time, the paper would add its goals again and reword what it reworded.
        if let refresh, proposalFile == refresh.file, let action = chosen?.action {
            let added = goal.history.last { $0.change?.kind == .added }
            let reworded = goal.history.last { $0.change?.kind == .reworded }
            if action == .new, let added {
                repeated.append((goal.id, added.period))
                chosen = nil
            } else if action == .amend, chosen?.wording == goal.text, reworded != nil {
                repeated.append((goal.id, reworded?.period))
                chosen = nil
            }
        }
        goal.proposal = chosen
        // The stock take decides who leads the refreshed plan's goals.
        if let paper, paper.goal.proposal != nil, !paper.goal.leads.isEmpty { goal.leads = paper.goal.leads }
        var rating = PastRating(period: old, status: goal.status, update: goal.update, returns: goal.returns)
        goal.status = nil
        goal.update = []
        goal.returns = []

        var kept: [Goal] = [], gone: [Goal] = []
        for (s, sub) in goal.subGoals.enumerated() {
            switch roll(sub, refresh: refresh, directory: directory, at: "\(path).subGoals[\(s)]", file: file) {
            case .kept(let sub): kept.append(sub)
            case .discharged(let sub): gone.append(sub)
            case .keptLosing(let sub, let lost): kept.append(sub); gone += lost
            }
        }
        let lostAllSubGoals = !goal.subGoals.isEmpty && kept.isEmpty

        let proposal = goal.proposal
        goal.proposal = nil
        switch proposal?.action {
        case .discharge?:
            rating.change = PlanChange(kind: .discharged)
        case .amend?:
            guard let wording = proposal?.wording, !wording.allSatisfy(\.isWhitespace) else {
                refuse(proposalFile, "\(proposalPath).wording", "goal \(goal.id) is to be amended but the proposal gives no new wording")
                return .kept(goal)
            }
            rating.change = PlanChange(kind: .reworded, previousWording: goal.text)
            goal.text = wording
        case .new?:
            if goal.leads.isEmpty {
                refuse(proposalFile, "\(path).leads", "proposed goal \(goal.id) has no lead agency; name one before it joins the plan")
            }
            for lead in goal.leads where !AgencyDirectory.isAll(lead) && directory.agency(lead) == nil {
                refuse(proposalFile, "\(path).leads", "\"\(lead)\" is not an agency of this report (add it to agencies, or as an alias)")
            }
            rating.change = PlanChange(kind: .added)
        case .carryForward?, nil:
            // A goal read "to include:-" whose every sub-goal has gone has nothing left to rate.
            if lostAllSubGoals { rating.change = PlanChange(kind: .discharged) }
        }
        if rating.status != nil || !rating.update.isEmpty || !rating.returns.isEmpty || rating.change != nil {
            goal.history.append(rating)
        }
        if rating.change?.kind == .discharged {
            // A goal that leaves takes all its sub-goals with it, as they were.
            goal.subGoals = kept + gone
            return .discharged(goal)
        }
        // Sub-goals that leave on their own are kept beside their parent's.
        goal.subGoals = kept
        return gone.isEmpty ? .kept(goal) : .keptLosing(goal, gone)
    }

    mutating func roll(_ measure: Measure, in theme: inout Theme, refresh: Refresh?, at path: String, file: String) -> Measure? {
        var measure = measure
        let paper = refresh?.measures[measure.id]
        let (proposal, proposalFile, proposalPath) = self.proposal(measure.proposal, paper: paper.map { ($0.measure.proposal, $0.path) }, refresh: refresh, at: path, file: file)
        measure.proposal = nil
        switch proposal?.action {
        case .discharge?:
            theme.dischargedMeasures.append(measure)
            return nil
        case .amend?:
            guard let wording = proposal?.wording, !wording.allSatisfy(\.isWhitespace) else {
                refuse(proposalFile, "\(proposalPath).wording", "measure \(measure.id) is to be amended but the proposal gives no new wording")
                return measure
            }
            measure.name = wording
        case .new?, .carryForward?, nil:
            break
        }
        return measure
    }
}
