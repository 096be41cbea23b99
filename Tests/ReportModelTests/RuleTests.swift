import Foundation
import ReportModel
import TestSupport
import Testing

/// The rules that have one home in the model: how a status is matched, which goals count.
@Suite struct RuleTests {
    let scheme = StatusScheme.redAmberGreen

    @Test func statusesAreMatchedAsStrictlyAsAsked() {
        #expect(scheme.status(matching: "Amber", .exactName)?.name == "Amber")
        #expect(scheme.status(matching: "amber", .exactName) == nil, "report JSON spells statuses exactly")
        #expect(scheme.status(matching: "  amber \n", .name)?.name == "Amber")
        #expect(scheme.status(matching: "A", .name) == nil, "a touched-up board pack shows names, not codes")
        #expect(scheme.status(matching: " a ", .nameOrCode)?.name == "Amber")
        #expect(scheme.status(matching: "g", .nameOrCode)?.name == "Green")
        #expect(scheme.status(matching: "Ambr", .nameOrCode) == nil)
        #expect(scheme.status(matching: "", .nameOrCode) == nil)
    }

    @Test func aPlanTracksEveryGoalButProposedOnesAndCountsSubGoals() {
        let parent = Goal(id: "P", text: "to include:-", subGoals: [Goal(id: "P1", text: "a"), Goal(id: "P2", text: "b")])
        let proposed = Goal(id: "N", text: "new", proposal: Proposal(action: .new))
        let kept = Goal(id: "K", text: "kept", proposal: Proposal(action: .carryForward))
        let theme = Theme(id: "t", name: "T", goals: [parent, proposed, kept])
        #expect(theme.trackedGoals.map(\.id) == ["P", "K"])
        #expect(theme.countedGoals.map(\.id) == ["P1", "P2", "K"])
        #expect(theme.proposedGoals.map(\.id) == ["N"])
    }

    @Test func thePlanRefreshCountsOnlyItsTrackedGoals() throws {
        let report = try Examples.report(Examples.planRefresh)
        let accommodation = try #require(report.themes.first { $0.name == "Accommodation" })
        #expect(accommodation.countedGoals.count == 5)
        #expect(report.countedGoals.count == 19, "the plan's 19 goals; proposed new ones are not yet tracked")
    }
}
