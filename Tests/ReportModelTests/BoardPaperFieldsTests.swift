import Foundation
import ReportModel
import Testing

/// What board papers hold beyond goals and figures: caveats on parts of the report, a measure
/// not to be judged, risks, and the decisions asked of the board. Each is refused with its place
/// when it cannot be printed or makes no sense.
@Suite struct BoardPaperFieldsTests {
    static func problems(_ extra: String, measures: String = "[]") -> [String] {
        let json = ValidationTests.minimal(
            themes: ValidationTests.theme(goals: #"[{"id": "G1", "text": "x", "leads": ["jppb"]}]"#, measures: measures), extra: extra)
        return ValidationTests.problems(json)
    }

    @Test func theFieldsAreTakenWhenTheyAreWhole() {
        let extra = #"""
            "caveats": [{"about": "statuses", "kind": "illustrative", "reason": "chosen by the transcriber", "goals": ["G1"], "period": "Q1"}],
            "decisions": [{"kind": "decision", "subject": "Accountability", "text": "Keep the structure", "detail": ["Why."]}],
            "risks": [{"id": "R1", "text": "Probation Trust ends", "impact": ["All of it"], "owner": "JPPB", "mitigation": ["Hand over"], "rating": "Amber"}],
            """#
        let measures = #"[{"id": "M1", "name": "Cohort", "notJudged": "cohort too small", "values": ["0%"]}]"#
        #expect(Self.problems(extra, measures: measures) == [])
    }

    @Test func aCaveatSaysWhatAndWhyOfGoalsAndPeriodsTheReportHas() {
        let extra = #""caveats": [{"about": " ", "kind": "illustrative", "reason": "", "goals": ["G9"], "period": "2011-12"}],"#
        #expect(Self.problems(extra) == [
            "caveats[0].about: must not be empty",
            "caveats[0].reason: must not be empty",
            #"caveats[0].goals[0]: "G9" is not a goal of this report"#,
            #"caveats[0].period: "2011-12" is not a period of this report (Q1)"#,
        ])
        #expect(Self.problems(#""caveats": [{"about": "statuses", "kind": "guessed", "reason": "x"}],"#).first?.hasPrefix("caveats[0].kind") == true)
    }

    @Test func aMeasureNotJudgedSaysWhy() {
        #expect(Self.problems("", measures: #"[{"id": "M1", "name": "Cohort", "notJudged": " ", "values": ["0%"]}]"#)
            == ["themes[0].measures[0].notJudged: must not be empty"])
    }

    @Test func risksHaveUniqueIdsTextAndARatingOfTheScheme() {
        let extra = #""risks": [{"id": "R1", "text": "a", "rating": "Amberish"}, {"id": "r1", "text": " ", "owner": ""}],"#
        #expect(Self.problems(extra) == [
            #"risks[0].rating: "Amberish" is not a rating of this report (Red, Amber, Green)"#,
            #"risks[1].id: "r1" is the id of another risk; ids must be unique"#,
            "risks[1].text: must not be empty",
            "risks[1].owner: must not be empty",
        ])
        // A year-end scheme has no Amber, but a risk may still be rated Amber.
        let yearEnd = #""statusScheme": {"statuses": [{"name": "Red", "code": "R", "description": "no"}, {"name": "Green", "code": "G", "description": "yes"}]}, "risks": [{"id": "R1", "text": "a", "rating": "Amber"}],"#
        #expect(Self.problems(yearEnd) == [])
    }

    @Test func aDecisionSaysWhatIsAsked() {
        #expect(Self.problems(#""decisions": [{"kind": "note", "text": ""}],"#) == ["decisions[0].text: must not be empty"])
        let long = String(repeating: "x", count: 40_000)
        #expect(Self.problems(#""decisions": [{"kind": "action", "text": "t", "detail": ["\#(long)"]}],"#)
            == ["decisions[0].detail: the decision's detail is 40000 characters; a spreadsheet cell holds at most 32767"])
    }

    @Test func aCaveatHasAShortFormForFootersAndALineForTheCover() {
        var caveat = Caveat(about: "statuses", kind: .illustrative, reason: "the source lost its colours.")
        #expect(caveat.short == "Statuses illustrative")
        #expect(caveat.line == "Statuses illustrative: the source lost its colours.")
        caveat.period = "2012-13"
        caveat.goals = ["YA-1"]
        #expect(caveat.short == "2012-13 statuses of YA-1 illustrative")
    }
}

/// Figures of periods of different lengths are not compared.
@Suite struct PeriodLengthTests {
    @Test func lengthsAreReadFromLabels() {
        for year in ["2011-12", "2012/13", "2013", "2012-2013", "Jan – Dec 2008", "Jan - Dec 2012", "Jul 2010 to Jun 2011", "April 2012 to March 2013"] {
            #expect(PeriodLength(year) == .year, "\(year)")
        }
        #expect(PeriodLength("2013-14 Q1") == .quarter)
        #expect(PeriodLength("April to September 2013") == .months(6))
        #expect(PeriodLength("2012-13 YTD") == .yearToDate)
        #expect(PeriodLength("26 July 2019") == nil)
        #expect(PeriodLength("October 2019 update") == nil)
    }

    @Test func aLabelReadAgainReadsTheSame() {
        // Lengths are remembered by label: a label of no length stays of none, and the store
        // emptied when full reads each label again the same.
        let labels = ["2013-14 Q1", "26 July 2019", "2012-13 YTD"] + (0..<1_200).map { "Week \($0) of 2013" }
        let first = labels.map(PeriodLength.init)
        #expect(labels.map(PeriodLength.init) == first)
        #expect(first.prefix(3) == [.quarter, nil, .yearToDate])
    }

    @Test func onlyPeriodsOfOneLengthCompare() {
        #expect(PeriodLength.comparable("2011-12", "2012-13"))
        #expect(PeriodLength.comparable("2013-14 Q1", "2013-14 Q2"))
        #expect(!PeriodLength.comparable("2012-13", "2013-14 Q1"), "a quarter against a year")
        #expect(!PeriodLength.comparable("2011-12", "2012-13 YTD"), "part of a year against a year")
        #expect(!PeriodLength.comparable("2012-13 YTD", "2013-14 YTD"), "parts of years of lengths the labels do not give")
        #expect(!PeriodLength.comparable("2012/13", "April to September 2013"))
        #expect(PeriodLength.comparable("26 July 2019", "26 October 2019"), "snapshots of unknown length are taken as alike")
        #expect(!PeriodLength.comparable("26 July 2019", "2019-20"))
    }
}
