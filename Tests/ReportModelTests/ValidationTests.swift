import Foundation
import ReportModel
import Testing

/// Bad report JSON is refused with the JSON path of each problem.
@Suite struct ValidationTests {
    static func minimal(themes: String = "[]", extra: String = "") -> String {
        """
        {"format": 1, "id": "r", "title": "T", "board": "B", "period": {"label": "Q1", "kind": "quarter"},
         "agencies": [{"id": "jppb", "name": "JPPB", "aliases": ["Joint Policy and Planning Board"]}],
         \(extra) "themes": \(themes)}
        """
    }

    static func problems(_ json: String) -> [String] {
        do {
            _ = try ReportCoding.decode(Data(json.utf8), file: "r.json")
            return []
        } catch let error as ReportProblems {
            return error.problems.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    static func theme(goals: String = "[]", measures: String = "[]", periods: String = #"["2012-13"]"#) -> String {
        #"[{"id": "t", "name": "Theme", "periods": \#(periods), "measures": \#(measures), "goals": \#(goals)}]"#
    }

    @Test func aValidReportHasNoProblems() {
        #expect(Self.problems(Self.minimal(themes: Self.theme(goals: #"[{"id": "G1", "text": "x", "leads": ["Joint Policy and Planning Board"], "status": "Amber"}]"#))) == [])
    }

    @Test func unknownStatusNamesTheSchemesStatuses() {
        let json = Self.minimal(themes: Self.theme(goals: #"[{"id": "G1", "text": "x", "status": "Amberish"}]"#))
        #expect(Self.problems(json) == [#"themes[0].goals[0].status: "Amberish" is not a status of this report (Red, Amber, Green)"#])
    }

    @Test func subGoalProblemsHaveNestedPaths() {
        let json = Self.minimal(themes: Self.theme(goals: #"[{"id": "G1", "text": "x", "subGoals": [{"id": "G1a", "text": "y", "leads": ["JPBB"]}]}]"#))
        #expect(Self.problems(json) == [
            #"themes[0].goals[0].subGoals[0].leads[0]: "JPBB" is not an agency of this report (add it to agencies, or as an alias)"#
        ])
    }

    @Test func duplicateGoalIdsAreRefused() {
        let json = Self.minimal(themes: Self.theme(goals: #"[{"id": "G1", "text": "x"}, {"id": "g1", "text": "y"}]"#))
        #expect(Self.problems(json) == [#"themes[0].goals[1].id: "g1" is the id of another goal; ids must be unique"#])
    }

    @Test func measureValuesMustMatchThePeriods() {
        let json = Self.minimal(themes: Self.theme(measures: #"[{"id": "M1", "name": "m", "values": ["1", "2"]}]"#))
        #expect(Self.problems(json) == ["themes[0].measures[0].values: has 2 values but the theme has 1 periods (2012-13)"])
    }

    @Test func aTargetNeedsANumberAndADirection() {
        let json = Self.minimal(themes: Self.theme(measures: #"[{"id": "M1", "name": "m", "values": ["1"], "target": {"value": "lots"}}]"#))
        #expect(Self.problems(json) == [
            #"themes[0].measures[0].target.value: "lots" is not a number"#,
            "themes[0].measures[0].better: a measure with a target must say which way is better (higher-is-better or lower-is-better)",
        ])
    }

    @Test func misspeltFieldsAreNotSilentlyDropped() {
        let json = Self.minimal(themes: Self.theme(goals: #"[{"id": "G1", "text": "x", "staus": "Red"}]"#))
        #expect(Self.problems(json) == ["themes[0].goals[0].staus: is not a field of this report format"])
    }

    @Test func misspeltFieldsAreFoundWhateverTheirSpellingOrPlace() {
        // An escaped key is named as it reads; a null or empty list is no typo; a misspelling
        // deep in a list is found at its index.
        let goals = #"[{"id": "G1", "text": "x", "st\u0061tos": "Red", "notez": null, "subgoals": []}, {"id": "G2", "text": "y", "update": ["u"], "updat": ["v"]}]"#
        #expect(Self.problems(Self.minimal(themes: Self.theme(goals: goals))) == [
            "themes[0].goals[0].statos: is not a field of this report format",
            "themes[0].goals[1].updat: is not a field of this report format",
        ])
    }

    @Test func missingAndMistypedFieldsNameTheirPlace() {
        #expect(Self.problems(Self.minimal(themes: #"[{"name": "x"}]"#)) == [#"themes[0]: missing required field "id""#])
        #expect(Self.problems(Self.minimal(themes: #"[{"id": 7, "name": "x"}]"#)) == ["themes[0].id: expected a string"])
        #expect(Self.problems(#"{"format": 1,"#) == ["invalid JSON: the file ends before the JSON does"])
        #expect(Self.problems("{\n  \"format\": 1,\n  \"id\": [1,,2]\n}") == ["invalid JSON at line 3, column 12"])
    }

    @Test func anUpdateTooLongForACellNamesTheGoal() {
        let long = String(repeating: "a", count: 32_768)
        let json = Self.minimal(themes: Self.theme(goals: #"[{"id": "ACC-2", "text": "x", "update": ["\#(long)"]}]"#))
        #expect(Self.problems(json) == [
            "themes[0].goals[0].update: goal ACC-2's update is 32768 characters; a spreadsheet cell holds at most 32767"
        ])
    }

    @Test func schemeColoursAndCodesAreChecked() {
        let scheme = #""statusScheme": {"statuses": [{"name": "Done", "code": "BL", "description": "d", "fill": "blue"}, {"name": "done", "code": "D", "description": "d"}]},"#
        #expect(Self.problems(Self.minimal(extra: scheme)) == [
            #"statusScheme.statuses[0].code: "BL" is not a one-letter code"#,
            #"statusScheme.statuses[0].fill: "blue" is not a colour (expected #RRGGBB)"#,
            #"statusScheme.statuses[1].name: "done" appears twice in the status scheme"#,
        ])
    }

    @Test func blueAndGreySchemesAreExpressible() {
        let scheme = #""statusScheme": {"statuses": [{"name": "Blue", "code": "B", "description": "Complete"}, {"name": "Grey", "code": "X", "description": "Not started / no data"}]},"#
        let json = Self.minimal(themes: Self.theme(goals: #"[{"id": "G1", "text": "x", "status": "Blue"}, {"id": "G2", "text": "y", "status": "Grey"}]"#), extra: scheme)
        #expect(Self.problems(json) == [])
    }

    @Test func aNewerFormatIsRefused() {
        let json = Self.minimal().replacingOccurrences(of: #""format": 1"#, with: #""format": 2"#)
        #expect(Self.problems(json) == ["format: this report is format 2; this boardpack reads format 1"])
    }
}
