import BoardPack
import Foundation
import ReportModel
import TestSupport
import Testing

/// What each problem of a check cost (a refused cell or return, or a notice for the secretariat),
/// and a return checked as one agency's: the portal splits its result page on the first and
/// refuses another agency's return with the second.
@Suite struct ProblemWeightTests {
    let fixture: ReturnsFixture

    init() throws { fixture = try ReturnsFixture() }

    @Test func refusedCellsAreRefusalsAndWhatIsLeftEmptyIsANotice() throws {
        // JPPB answers one goal with a status that is not of the scheme, one Red without an
        // update, leaves the rest empty and does not sign.
        let goals = fixture.scope("jppb").goals.map(\.goal.id)
        let file = try fixture.openpyxl("jppb", "weights.xlsx", [
            ["set", "Goals", try fixture.cell("jppb", goals[0], "status"), "Ambr"],
            ["set", "Goals", try fixture.cell("jppb", goals[1], "status"), "Red"],
            ["set", "Goals", try fixture.cell("jppb", goals[2], "status"), "Green"],
        ])
        let checked = fixture.check(file)
        let weights = Dictionary(checked.problems.map { ($0.message, $0.weight) }, uniquingKeysWith: { a, _ in a })
        #expect(weights["\"Ambr\" is not a status of this report (Red, Amber, Green)"] == .refused)
        #expect(weights["goal \(goals[1]) is Red but has no update; a Red status needs an explanation"] == .refused)
        #expect(weights["Completed by is empty; type the name of who completed the return"] == .notice)
        #expect(weights["Date completed is empty; type the date it was completed, e.g. 12/07/2013"] == .notice)
        let unanswered = try #require(checked.problems.first { $0.message.contains("not answered") })
        #expect(unanswered.weight == .notice)
        #expect(checked.problems.filter { $0.weight == .refused }.count == 2, "\(checked.problems)")
    }

    @Test func aReturnCheckedAsAnotherAgencysIsRefusedWhole() throws {
        let file = try fixture.openpyxl("jppb", "jppb-for-probation.xlsx", try fixture.signed("jppb") + [
            ["set", "Goals", try fixture.cell("jppb", fixture.scope("jppb").goals[0].goal.id, "status"), "Green"],
        ])
        let checker = ReturnChecker(report: fixture.report)
        let own = checker.check(OpenedReturn(fileAt: file), from: "jppb")
        #expect(!own.refused && own.isUsable, "\(own.problems)")
        let probation = checker.check(OpenedReturn(fileAt: file), from: "kent-probation")
        #expect(probation.refused && !probation.isUsable)
        #expect(probation.problems.last?.description == "jppb-for-probation.xlsx: is the return for JPPB, not for Kent Probation; send Kent Probation's own return")
        #expect(probation.problems.last?.weight == .refused)
    }
}
