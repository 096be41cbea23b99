import Foundation
import ReportModel
import TestSupport
import Testing

/// `boardpack next`: the Kent 2012-13 end of year rolled into 2013-14 Q1 with the plan refresh.
@Suite struct RolloverTests {
    let kent: Report
    let paper: Report
    let next: Report

    init() throws {
        kent = try Examples.report(Examples.kent)
        paper = try Examples.report(Examples.planRefresh)
        next = try Rollover(report: kent, file: "kent.json", planRefresh: (paper, "refresh.json"))
            .next(Period(label: "2013-14 Q1", kind: .quarter, quarter: 1))
    }

    func goals(_ report: Report, where keep: (Goal) -> Bool) -> Set<String> {
        Set(report.themes.flatMap(\.allGoals).filter(keep).map(\.id))
    }

    @Test func theNewPlanHasExactlyTheGoalsThePaperKeepsAmendsAndAdds() {
        let expected = goals(paper) { [.carryForward, .amend, .new].contains($0.proposal?.action) }
        #expect(goals(next) { _ in true } == expected)
        #expect(ReportValidator(next).problems() == [])
        #expect(next.id == "kent-medway-2013-14-q1")
        #expect(next.period == Period(label: "2013-14 Q1", kind: .quarter, quarter: 1))
        #expect(next.statusScheme == nil, "a quarter is rated Red / Amber / Green")
        #expect(next.earlierPeriods.map(\.period) == [kent.period])
        #expect(next.earlierPeriods.first?.produced == kent.produced)
    }

    @Test func dischargedGoalsLeaveThePlanWithTheirHistory() throws {
        let discharged = Set(paper.themes.flatMap(\.allGoals).filter { $0.proposal?.action == .discharge }.map(\.id))
        let left = Set(next.themes.flatMap { $0.dischargedGoals.flatMap { g in [g] + g.subGoals } }.map(\.id))
        #expect(discharged.isSubset(of: left))
        #expect(left.subtracting(discharged) == ["ACC-1"], "a to-include goal whose sub-goals all left goes with them")
        let acc2 = try #require(next.themes[0].dischargedGoals.first { $0.id == "ACC-2" })
        #expect(acc2.history == [PastRating(period: "2012-13", status: "Green", update: kent.goal("ACC-2")!.update, change: PlanChange(kind: .discharged))])
    }

    @Test func amendedGoalsTakeTheirNewWordingUnderTheSameID() throws {
        for id in ["EE-5", "MH-1"] {
            let proposal = try #require(paper.goal(id)?.proposal)
            let goal = try #require(next.goal(id))
            #expect(goal.text == proposal.wording)
            #expect(goal.history.last?.change == PlanChange(kind: .reworded, previousWording: kent.goal(id)!.text))
            #expect(goal.status == nil && goal.update.isEmpty, "nothing rated yet this quarter")
        }
        #expect(next.goal("EE-2")?.text == kent.goal("EE-2")?.text, "carried forward as it was")
    }

    @Test func newGoalsAndThemesJoinThePlan() throws {
        let finance = try #require(next.themes.first { $0.id == "finance-benefits-debt" })
        #expect(finance.proposal == nil)
        #expect(finance.goals.map(\.id) == ["FBD-1", "FBD-2"])
        #expect(finance.measures.map(\.id) == ["FBD-M1"])
        #expect(finance.periods == ["2013-14 Q1"] && finance.measures[0].values == [nil])
        #expect(next.goal("ACC-4")?.history == [PastRating(period: "2012-13", change: PlanChange(kind: .added))])
        #expect(next.agency("iom-team") != nil, "agencies the paper adds come with it")
    }

    /// Last period's words are not this period's: the description, introductions and decisions
    /// move into the old period's record; caveats stay, marked with the period they speak of; the
    /// stock take's risks join the register; and `next` says what it did with each.
    @Test func theOldPeriodsTextsMoveIntoItsRecord() throws {
        let record = try #require(next.earlierPeriods.last)
        #expect(record.description == kent.description && record.introduction == kent.introduction)
        #expect(record.themesIntroduction == kent.themesIntroduction && !record.themesIntroduction.isEmpty)
        #expect(next.description == nil && next.introduction.isEmpty && next.themesIntroduction.isEmpty)
        #expect(next.caveats.map(\.period) == kent.caveats.map { _ in "2012-13" })
        #expect(next.caveats.first?.short == "2012-13 statuses illustrative")
        #expect(next.risks.map(\.id) == ["R1", "R2"] && next.risks == paper.risks)
        #expect(next.decisions.isEmpty, "the paper's decisions were asked of the July meeting, not of the Q1 pack")

        // A quarter rolled on again: its decisions go into its own record, the caveats keep
        // the period they were first marked with.
        var q1 = next
        q1.decisions = [Decision(kind: .note, text: "Note the Q1 position")]
        let q2 = try Rollover(report: q1, file: "q1.json").next(Period(guessing: "2013-14 Q2"))
        #expect(q2.decisions.isEmpty && q2.earlierPeriods.last?.decisions == q1.decisions)
        #expect(q2.caveats.map(\.period) == next.caveats.map(\.period))
        #expect(q2.risks == next.risks, "the register is kept from period to period")

        let (moved, kept) = Rollover(report: kent, file: "kent.json", planRefresh: (paper, "refresh.json")).periodTexts()
        #expect(moved == ["description", "introduction (1 paragraph)", "themes introduction (3 paragraphs)"])
        #expect(kept == [#"caveat "2012-13 statuses illustrative""#, #"caveat "2012-13 suppliers of headline figures inferred""#, "2 risks"])
        let leicestershire = try Examples.report(Examples.leicestershire)
        let (_, leftAlone) = Rollover(report: leicestershire, file: "l.json").periodTexts()
        #expect(leftAlone.contains("measure LR-TF not judged (the cohort currently is too small to draw any judgement on the results)"))
        #expect(leftAlone.contains("comments on IOM Performance"))
    }

    /// The stock take's seed spells JPPB for two goals with Cyrillic look-alike letters; the
    /// example is normalised, but a paper that names an agency its own way still works.
    @Test func thePapersOwnSpellingOfAnAgencyIsKept() throws {
        var spelt = paper
        let lookAlike = "\u{0408}\u{0420}\u{0420}\u{0412}"  // ЈРРВ
        spelt.agencies[spelt.agencies.firstIndex { $0.id == "jppb" }!].aliases.append(lookAlike)
        spelt.themes[0].goals[spelt.themes[0].goals.firstIndex { $0.id == "ACC-6" }!].leads = [lookAlike]
        let rolled = try Rollover(report: kent, file: "kent.json", planRefresh: (spelt, "refresh.json"))
            .next(Period(label: "2013-14 Q1", kind: .quarter, quarter: 1))
        #expect(rolled.goal("ACC-6")?.leads == [lookAlike], "the paper's spelling is kept; JPPB now knows it")
        #expect(rolled.agency(lookAlike)?.id == "jppb")
        #expect(kent.agency(lookAlike) == nil && paper.agency(lookAlike) == nil)
    }

    @Test func everyThemeGetsTheNewPeriodsColumn() {
        for (old, new) in zip(kent.themes, next.themes) {
            #expect(new.periods == old.periods + ["2013-14 Q1"])
            for measure in new.measures { #expect(measure.values.count == new.periods.count && measure.values.last! == nil) }
        }
    }

    @Test func nothingTheReportHeldIsLost() {
        // Every status and update of 2012-13 is in the new report's history, goal by goal.
        let after = Dictionary(uniqueKeysWithValues: next.themes.flatMap { $0.allGoals + $0.dischargedGoals.flatMap { g in [g] + g.subGoals } }.map { ($0.id, $0) })
        for goal in kent.themes.flatMap(\.allGoals) where goal.status != nil || !goal.update.isEmpty {
            let rating = after[goal.id]?.history.first { $0.period == "2012-13" }
            #expect(rating?.status == goal.status && rating?.update == goal.update, "\(goal.id)")
        }
        #expect(next.themes.map(\.id).prefix(kent.themes.count) == kent.themes.map(\.id)[...])
        #expect(kent.statistics == next.statistics)
    }

    @Test func aSecondRolloverAddsToTheHistory() throws {
        var rated = next
        rated.themes[1].goals[0].status = "Amber"
        rated.themes[1].goals[0].update = ["Referrals slower than planned."]
        let q2 = try Rollover(report: rated, file: "q1.json").next(Period(guessing: "2013-14 Q2"))
        #expect(q2.id == "kent-medway-2013-14-q2")
        let goal = try #require(q2.goal("EE-2"))
        #expect(goal.history.map(\.period) == ["2012-13", "2013-14 Q1"])
        #expect(goal.lastRating?.status == "Amber" && goal.lastRating?.period == "2013-14 Q1")
        #expect(q2.themes[0].periods.suffix(2) == ["2013-14 Q1", "2013-14 Q2"])
        let yearEnd = try Rollover(report: q2, file: "q2.json").next(Period(label: "2013-14", kind: .endOfYear))
        #expect(yearEnd.scheme == .endOfYear, "the year end is rated achieved or not")
    }

    @Test func aProposalThatCannotBeAppliedIsRefusedWithItsPlace() {
        var bad = paper
        bad.themes[1].goals[4].proposal?.wording = nil  // EE-5: amend with no wording
        bad.themes[0].goals[3].leads = []  // ACC-4: a new goal with no lead
        #expect(throws: ReportProblems.self) { try Rollover(report: kent, file: "kent.json", planRefresh: (bad, "refresh.json")).next(Period(guessing: "2013-14 Q1")) }
        do {
            _ = try Rollover(report: kent, file: "kent.json", planRefresh: (bad, "refresh.json")).next(Period(guessing: "2013-14 Q1"))
        } catch let error as ReportProblems {
            #expect(error.description == """
                refresh.json: themes[0].goals[3].leads: proposed goal ACC-4 has no lead agency; name one before it joins the plan
                refresh.json: themes[1].goals[4].proposal.wording: goal EE-5 is to be amended but the proposal gives no new wording
                """)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: ReportProblems.self) { try Rollover(report: kent, file: "kent.json").next(Period(guessing: "2012-13")) }
    }

    @Test func historyMustNameEarlierPeriodsInOrder() {
        var report = next
        report.themes[1].goals[0].history.append(PastRating(period: "2011-12", status: "Red"))
        report.themes[1].goals[1].history.insert(PastRating(period: "2012-13", status: "Red"), at: 0)
        #expect(ReportValidator(report).problems().map(\.description) == [
            #"themes[1].goals[0].history[1].period: "2011-12" is not an earlier period of this report (2012-13)"#,
            "themes[1].goals[1].history[1].period: 2012-13 comes after a later period; goal EE-5's history must run oldest first",
        ])
    }
}
