import Foundation
@testable import ReportModel
import TestSupport
import Testing

/// The unknown-field check compares the JSON as given with the shape of the decoded report's
/// `EncodedTree`: that shape must be the one `JSONEncoder`'s text has, or a field written
/// correctly would be called unknown (or a misspelt one passed over).
@Suite struct EncodedTreeTests {
    static func textShape<T: Encodable>(_ value: T) throws -> JSONShape? {
        JSONShape(Array(try JSONEncoder().encode(value)))
    }

    @Test(arguments: Examples.all)
    func theExamplesHaveTheShapeOfTheirJSON(_ name: String) throws {
        let report = try Examples.report(name)
        #expect(try EncodedTree.of(report).shape == Self.textShape(report))
        // Rolled over: history, discharged goals, proposals applied.
        let next = try Rollover(report: report, file: name).next(Period(guessing: "2030-31 Q1"))
        #expect(try EncodedTree.of(next).shape == Self.textShape(next))
    }

    @Test func valuesJSONEncoderWritesAsOneItemAreLeaves() throws {
        struct Odd: Encodable {
            var when = Date(timeIntervalSince1970: 0)
            var bytes = Data([1, 2])
            var link = URL(string: "https://example.org/a")!
            var amount = Decimal(string: "1.5")!
            var nothing: String? = nil
            var null: String? = nil
            var nested = [["a": [1, 2]], [:]]
            var empty = [Int]()

            enum CodingKeys: CodingKey { case when, bytes, link, amount, nothing, null, nested, empty }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(when, forKey: .when)
                try container.encode(bytes, forKey: .bytes)
                try container.encode(link, forKey: .link)
                try container.encode(amount, forKey: .amount)
                try container.encodeIfPresent(nothing, forKey: .nothing)
                try container.encodeNil(forKey: .null)
                try container.encode(nested, forKey: .nested)
                try container.encode(empty, forKey: .empty)
            }
        }
        let shape = try EncodedTree.of(Odd()).shape
        #expect(shape == (try Self.textShape(Odd())))
        guard case .object(let members) = shape else { Issue.record("not an object: \(shape)"); return }
        #expect(members.keys.sorted() == ["amount", "bytes", "empty", "link", "nested", "null", "when"])
        #expect(members["null"] == .null && members["link"] == .value && members["when"] == .value)
    }

    @Test func aMisspeltFieldIsStillFound() throws {
        let json = #"{"format": 1, "id": "r", "title": "T", "board": "B", "period": {"label": "Q1", "kind": "quarter"}, "themes": [{"id": "t", "name": "T", "goals": [{"id": "G1", "text": "x", "stauts": "Red"}]}]}"#
        let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        let problems = UnknownFields.find(in: JSONShape(Array(json.utf8)), known: try EncodedTree.of(report).shape)
        #expect(problems.map(\.description) == ["themes[0].goals[0].stauts: is not a field of this report format"])
    }
}
