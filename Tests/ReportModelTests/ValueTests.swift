import Foundation
import ReportModel
import Testing

@Suite struct ValueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var typed: String
        var number: Double?
        var kind: Value.Kind
        var decimals = 0
        var grouped = false
        var qualifier: String? = nil
        var testDescription: String { typed }
    }

    static let cases: [Case] = [
        Case(typed: "81%", number: 0.81, kind: .percent),
        Case(typed: "22.41%", number: 0.2241, kind: .percent, decimals: 2),
        Case(typed: "22.7%", number: 0.227, kind: .percent, decimals: 1),
        Case(typed: "Approx. 97%", number: 0.97, kind: .percent, qualifier: "Approx."),
        Case(typed: "13,912", number: 13912, kind: .count, grouped: true),
        Case(typed: "1583", number: 1583, kind: .count),
        Case(typed: "2.71", number: 2.71, kind: .decimal, decimals: 2),
        Case(typed: "2.70", number: 2.7, kind: .decimal, decimals: 2),
        Case(typed: "-4.5", number: -4.5, kind: .decimal, decimals: 1),
        Case(typed: "0%", number: 0, kind: .percent),
        Case(typed: "1,234,567.5", number: 1_234_567.5, kind: .decimal, decimals: 1, grouped: true),
        Case(typed: "tbc", number: nil, kind: .text),
        Case(typed: "n/a", number: nil, kind: .text),
        Case(typed: "2012-13 YTD", number: nil, kind: .text),
        Case(typed: "2012-13", number: nil, kind: .text),
        Case(typed: "1,2", number: nil, kind: .text),
        Case(typed: "1.2.3", number: nil, kind: .text),
        Case(typed: "", number: nil, kind: .text),
        Case(typed: "-", number: nil, kind: .text),
        Case(typed: "12 - 14", number: nil, kind: .text),
    ]

    @Test(arguments: cases)
    func parsesWhatWasTyped(_ c: Case) {
        let value = Value(parsing: c.typed)
        #expect(value.text == c.typed, "the typed text is kept")
        #expect(value.number == c.number)
        #expect(value.kind == c.kind)
        #expect(value.decimals == c.decimals)
        #expect(value.grouped == c.grouped)
        #expect(value.qualifier == c.qualifier)
    }

    @Test func plainValueIsWrittenAsItsText() throws {
        let data = try JSONEncoder().encode(["81%", "tbc"] as [Value])
        #expect(String(decoding: data, as: UTF8.self) == #"["81%","tbc"]"#)
    }

    @Test func overridesAreWrittenAsAnObjectAndReadBack() throws {
        var value = Value(parsing: "11.96%")
        value.significant = true
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #"{"significant":true,"text":"11.96%"}"#)
        #expect(try JSONDecoder().decode(Value.self, from: data) == value)
    }

    @Test func numberTypedIntoAPercentCellKeepsBothReadings() throws {
        // An agency types 0.81 into a cell formatted as a percentage: the cell shows 81%.
        let value = Value(text: "81%", number: 0.81, kind: .percent)
        let data = try JSONEncoder().encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #""81%""#)
        let odd = Value(text: "about eighty", number: 0.8, kind: .percent)
        #expect(try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(odd)) == odd)
    }
}
