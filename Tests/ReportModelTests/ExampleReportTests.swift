import Foundation
import ReportModel
import TestSupport
import Testing

/// Every bundled example decodes, validates, and survives a write and read unchanged.
@Suite struct ExampleReportTests {
    static let examples = ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    static func load(_ name: String) throws -> Report {
        try ReportCoding.load(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name)"))
    }

    @Test func allFourExamplesAreBundled() {
        #expect(Self.examples == [
            "kent-medway-2012-13-end-of-year.json", "kent-medway-2013-14-plan-refresh.json", "kmrob-2019-20.json",
            "leicestershire-2013-reoffending.json",
        ])
    }

    @Test(arguments: examples)
    func decodesAndRoundTrips(_ name: String) throws {
        let report = try Self.load(name)
        let encoded = try ReportCoding.encode(report)
        let again = try ReportCoding.decode(encoded, file: name)
        #expect(again == report)
        #expect(try ReportCoding.encode(again) == encoded, "encoding is stable byte for byte")
    }

    @Test func kentEndOfYearHoldsTheWholeSeed() throws {
        let report = try Self.load("kent-medway-2012-13-end-of-year.json")
        #expect(report.statistics.map(\.number) == ["1.1", "1.2", "1.3"])
        #expect(report.themes.map(\.name) == [
            "Accommodation", "Education and Employment", "Substance Misuse (Drugs & Alcohol)", "Mental and Physical Health",
        ])
        // The plan counts 19 goals: the "to include:-" goal counts as its three sub-goals.
        #expect(report.themes.flatMap { $0.goals.flatMap(\.countedGoals) }.count == 19)
        #expect(report.themes.map { $0.measures.count } == [3, 4, 3, 3])
        #expect(report.scheme.statuses.map(\.name) == ["Red", "Green"])
        #expect(report.scheme.statuses.map(\.description) == ["Goal has not been achieved", "Goal has been achieved"])

        let accommodation = report.themes[0]
        #expect(accommodation.goals[0].subGoals.count == 3)
        #expect(accommodation.goals[0].status == nil)
        let medway = accommodation.measures[1].values
        #expect(medway.map { $0?.text } == ["Approx. 97%", "Approx. 98%"])
        #expect(medway.map { $0?.number } == [0.97, 0.98])

        let youth = report.themes[1].measures.filter { $0.group == "Youth Offending Population" }
        #expect(youth.count == 3)
        #expect(report.themes[3].periods == ["2011-12", "2012-13 YTD"])
        #expect(report.themes[3].goals[2].notes == ["(should read Northfleet)"])
        #expect(report.themes[2].measures[1].values.map { $0?.text } == ["tbc", "tbc"])

        let significant = report.statistics[2].rows[3].values.map { $0?.significant }
        #expect(significant == [true, true, true, false])
        // Both spellings in the seed name the same agency.
        #expect(report.agency("Commissioned Service KCC")?.id == report.agency("Commissioned Services KCC")?.id)
        #expect(report.themes.flatMap(\.allGoals).allSatisfy { $0.status != nil || !$0.subGoals.isEmpty })
    }

    @Test func planRefreshHoldsTheProposals() throws {
        let report = try Self.load("kent-medway-2013-14-plan-refresh.json")
        let goals = report.themes.flatMap(\.allGoals)
        let actions = Dictionary(grouping: goals.compactMap(\.proposal?.action), by: { $0 }).mapValues(\.count)
        #expect(actions[.discharge, default: 0] >= 15)
        #expect(actions[.carryForward] == 1)
        #expect(actions[.amend] == 2)
        #expect(actions[.new, default: 0] >= 15)
        let amended = goals.filter { $0.proposal?.action == .amend }
        #expect(amended.allSatisfy { $0.proposal?.wording?.isEmpty == false })
        let finance = try #require(report.themes.first { $0.name == "Finance, Benefits and Debt" })
        #expect(finance.proposal?.action == .new)
        #expect(Set(report.themes.compactMap { $0.kind == .priorityGroup ? $0.name : nil })
            == ["IOM", "Young People", "Reducing Reoffending Data"])
    }

    @Test func leicestershireHasTheCohortTableAgainstItsTarget() throws {
        let report = try Self.load("leicestershire-2013-reoffending.json")
        let cohorts = report.themes.flatMap(\.measures).filter { $0.target != nil }
        #expect(cohorts.map(\.name) == ["PPO", "IOM", "DYO", "16-24 age bracket", "Case also \"Troubled Families\""])
        #expect(cohorts.allSatisfy { $0.target?.value.number == 0.17 && $0.better == .higher })
        #expect(cohorts.map { $0.values.last??.text } == ["38.9%", "67.37%", "43.94%", "52.17%", "0%"])
    }
}
